import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { disableChatwootStorefrontWorkflow } from "../workflows/account/workflows"

/**
 * A deleted sales channel switches its chat off and suspends its account when
 * no other storefront uses it. Nothing is deleted: that is the admin's call.
 */
export default async function disableSalesChannel({ event, container }: SubscriberArgs<{ id: string }>) {
  await disableChatwootStorefrontWorkflow(container).run({ input: { sales_channel_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "sales-channel.deleted",
  context: { subscriberId: "chatwoot-disable-sales-channel" },
}
