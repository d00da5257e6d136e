import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { syncChatwootAccountNamesWorkflow } from "../workflows/account/workflows"

/** A renamed sales channel renames its account (unless named by the admin) and its website inbox. */
export default async function renameSalesChannel({ event, container }: SubscriberArgs<{ id: string }>) {
  await syncChatwootAccountNamesWorkflow(container).run({ input: { sales_channel_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "sales-channel.updated",
  context: { subscriberId: "chatwoot-rename-sales-channel" },
}
