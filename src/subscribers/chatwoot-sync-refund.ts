import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { syncChatwootCustomerWorkflow } from "../workflows/sync/workflows"

/**
 * A refunded payment (`{ id }` of the payment) refreshes the contact of the
 * order it paid for: payment → payment collection → order.
 */
export default async function syncRefund({ event, container }: SubscriberArgs<{ id: string }>) {
  const orderId = await orderOfPayment(container, event.data.id)
  if (!orderId) return
  await syncChatwootCustomerWorkflow(container).run({ input: { order_id: orderId } })
}

async function orderOfPayment(
  container: SubscriberArgs<unknown>["container"],
  paymentId: string | undefined
): Promise<string | null> {
  if (!paymentId) return null
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: payments } = await query.graph({
    entity: "payment",
    fields: ["id", "payment_collection_id"],
    filters: { id: paymentId },
  })
  const collectionId = (payments[0] as { payment_collection_id?: string } | undefined)?.payment_collection_id
  if (!collectionId) return null
  const { data: links } = await query.graph({
    entity: "order_payment_collection",
    fields: ["order_id"],
    filters: { payment_collection_id: collectionId },
  })
  return (links[0] as { order_id?: string } | undefined)?.order_id ?? null
}

export const config: SubscriberConfig = {
  event: "payment.refunded",
  context: { subscriberId: "chatwoot-sync-refund" },
}
