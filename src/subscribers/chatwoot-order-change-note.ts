import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { queueChatwootOrderChangeNoteWorkflow } from "../workflows/sync/workflows"
import type { OrderChange } from "../workflows/sync/steps/resolve-order-change-note-targets"

type Data = { id?: string; order_id?: string; fulfillment_id?: string }

/** Which change an event means, and its subject (pure; events carry different shapes). */
export function orderChangeOf(name: string, data: Data): { change: OrderChange; order_id?: string; fulfillment_id?: string; payment_id?: string } | null {
  switch (name) {
    case "order.fulfillment_created":
      return data.fulfillment_id ? { change: "fulfilled", order_id: data.order_id, fulfillment_id: data.fulfillment_id } : null
    case "shipment.created":
      return data.id ? { change: "shipped", fulfillment_id: data.id } : null
    case "order.canceled":
      return data.id ? { change: "canceled", order_id: data.id } : null
    case "payment.refunded":
      return data.id ? { change: "refunded", payment_id: data.id } : null
    default:
      return null
  }
}

/**
 * An order was fulfilled, shipped, canceled or refunded: the agent gets a
 * private note with the change in the customer's open conversation (through
 * the sync queue, once per change).
 */
export default async function chatwootOrderChangeNote({ event, container }: SubscriberArgs<Data>) {
  const input = orderChangeOf(event.name, event.data)
  if (!input) return
  await queueChatwootOrderChangeNoteWorkflow(container).run({ input })
}

export const config: SubscriberConfig = {
  event: ["order.fulfillment_created", "shipment.created", "order.canceled", "payment.refunded"],
  context: { subscriberId: "chatwoot-order-change-note" },
}
