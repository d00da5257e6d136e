import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { eraseChatwootCustomerWorkflow } from "../workflows/sync/workflows"

/** A deleted customer is erased from every Chatwoot account (GDPR). */
export default async function eraseCustomer({ event, container }: SubscriberArgs<{ id: string }>) {
  await eraseChatwootCustomerWorkflow(container).run({ input: { customer_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "customer.deleted",
  context: { subscriberId: "chatwoot-erase-customer" },
}
