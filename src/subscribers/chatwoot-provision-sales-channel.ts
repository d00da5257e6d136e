import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../modules/chatwoot"
import type ChatwootModuleService from "../modules/chatwoot/service"
import { provisionChatwootAccount } from "../workflows/account/workflows"

/** A new sales channel gets its own Chatwoot account when `auto_provision` is on. */
export default async function provisionSalesChannel({ event, container }: SubscriberArgs<{ id: string }>) {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const options = chatwoot.getPublicOptions()
  if (!options.auto_provision || !options.platform_provisioning) {
    return
  }
  try {
    await provisionChatwootAccount(container, { sales_channel_id: event.data.id })
  } catch (error) {
    // The account row is `failed` with the reason; the admin retries from the Chatwoot settings page.
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Chatwoot: provisioning sales channel ${event.data.id} failed: ${(error as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: "sales-channel.created",
  context: { subscriberId: "chatwoot-provision-sales-channel" },
}
