import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { eraseChatwootCustomerMirrorWorkflow } from "../workflows/sync/workflows"

/** A deleted customer leaves no conversation mirror or contact-review rows behind (GDPR). */
export default async function eraseCustomerMirror({ event, container }: SubscriberArgs<{ id: string }>) {
  await eraseChatwootCustomerMirrorWorkflow(container).run({ input: { customer_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "customer.deleted",
  context: { subscriberId: "chatwoot-erase-customer-mirror" },
}
