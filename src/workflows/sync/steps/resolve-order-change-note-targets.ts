import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import type { EnqueueSyncJobInput } from "../../../modules/chatwoot/sync-queue"
import { accountOfChannel } from "./resolve-sync-targets"

export const ORDER_CHANGES = ["fulfilled", "shipped", "canceled", "refunded"] as const
export type OrderChange = (typeof ORDER_CHANGES)[number]

export type OrderChangeNoteInput = {
  change: OrderChange
  order_id?: string | null
  /** fulfilled / shipped: the fulfillment */
  fulfillment_id?: string | null
  /** refunded: the payment (its newest refund is the one noted) */
  payment_id?: string | null
}

async function first<T>(container: MedusaContainer, entity: string, fields: string[], filters: Record<string, unknown>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity, fields, filters })
  return (data[0] ?? null) as T | null
}

export const resolveChatwootOrderChangeNoteTargetsStepId = "chatwoot-resolve-order-change-note-targets"

/**
 * An order change worth a private note (shipped, canceled, refunded): one
 * private_note row in the order's storefront account, keyed by order, change
 * and the fulfillment or refund, so each change is noted once and never folds
 * into another. The note goes out only if the customer has an open
 * conversation then (the handler checks).
 */
export const resolveChatwootOrderChangeNoteTargetsStep = createStep(
  resolveChatwootOrderChangeNoteTargetsStepId,
  async (input: OrderChangeNoteInput, { container }) => {
    const none = new StepResponse([] as EnqueueSyncJobInput[])
    let orderId = input.order_id ?? null
    let ref: string | null = null
    if (input.change === "fulfilled" || input.change === "shipped") {
      if (!input.fulfillment_id) return none
      ref = input.fulfillment_id
      orderId ??= (await first<{ order_id: string }>(container, "order_fulfillment", ["order_id"], { fulfillment_id: ref }))?.order_id ?? null
    } else if (input.change === "refunded") {
      if (!input.payment_id) return none
      const payment = await first<{ payment_collection_id: string; refunds?: { id: string; created_at: string }[] }>(
        container, "payment", ["id", "payment_collection_id", "refunds.id", "refunds.created_at"], { id: input.payment_id })
      if (!payment) return none
      const newest = [...(payment.refunds ?? [])].sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)))[0]
      ref = newest?.id ?? input.payment_id
      orderId ??= (await first<{ order_id: string }>(container, "order_payment_collection", ["order_id"], {
        payment_collection_id: payment.payment_collection_id,
      }))?.order_id ?? null
    } else {
      ref = "order"
    }
    if (!orderId) return none
    const order = await first<{ customer_id: string | null; sales_channel_id: string | null }>(
      container, "order", ["id", "customer_id", "sales_channel_id"], { id: orderId })
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const accountId = await accountOfChannel(chatwoot, order?.sales_channel_id)
    if (!order?.customer_id || !accountId) return none
    return new StepResponse<EnqueueSyncJobInput[]>([
      {
        account_id: accountId,
        kind: "private_note",
        subject: order.customer_id,
        coalesce_key: `${accountId}:private_note:${orderId}:${input.change}:${ref}`,
        payload: { order_id: orderId, change: input.change, ref },
      },
    ])
  }
)
