import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { syncChatwootCustomerWorkflow } from "../workflows/sync/workflows"

/**
 * A created or changed customer (registered, or a guest created through a
 * cart: `customer.customer.created`) refreshes their contact wherever it
 * exists, and creates it in the default storefront's account on registration.
 */
export default async function syncCustomer({ event, container }: SubscriberArgs<{ id: string }>) {
  await syncChatwootCustomerWorkflow(container).run({
    input: { customer_id: event.data.id, include_default_channel: true },
  })
}

export const config: SubscriberConfig = {
  event: ["customer.created", "customer.updated", "customer.customer.created"],
  context: { subscriberId: "chatwoot-sync-customer" },
}
