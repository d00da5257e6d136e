import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { queueChatwootOrderNoteWorkflow, syncChatwootCustomerWorkflow } from "../workflows/sync/workflows"

/**
 * An order's customer gets fresh order attributes in the order's storefront
 * account. Most order events carry `{ id }`; fulfilment and return events
 * carry `{ order_id }`. A placed (or completed) order also queues its
 * private note; the note is sent once per order, whichever event comes first.
 */
export default async function syncOrder({ event, container }: SubscriberArgs<{ id?: string; order_id?: string }>) {
  const orderId = event.data.id ?? event.data.order_id
  if (!orderId) return
  await syncChatwootCustomerWorkflow(container).run({ input: { order_id: orderId } })
  if (event.name === "order.placed" || event.name === "order.completed") {
    await queueChatwootOrderNoteWorkflow(container).run({ input: { order_id: orderId } })
  }
}

export const config: SubscriberConfig = {
  event: [
    "order.placed",
    "order.updated",
    "order.canceled",
    "order.completed",
    "order.fulfillment_created",
    "order.return_requested",
    "order.return_received",
  ],
  context: { subscriberId: "chatwoot-sync-order" },
}
