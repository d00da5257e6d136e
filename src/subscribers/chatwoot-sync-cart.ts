import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { syncChatwootCustomerWorkflow } from "../workflows/sync/workflows"

/** A cart in a storefront makes its customer (guest or registered) a contact of that storefront's account. */
export default async function syncCart({ event, container }: SubscriberArgs<{ id: string }>) {
  await syncChatwootCustomerWorkflow(container).run({ input: { cart_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: ["cart.created", "cart.updated", "cart.customer_transferred"],
  context: { subscriberId: "chatwoot-sync-cart" },
}
