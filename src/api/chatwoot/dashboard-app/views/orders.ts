import type { MedusaContainer, OrderDetailDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { getLastFulfillmentStatus, getLastPaymentStatus } from "@medusajs/medusa/core-flows"
import { CHATWOOT_MODULE } from "../../../../modules/chatwoot"
import type ChatwootModuleService from "../../../../modules/chatwoot/service"
import { amount, roundMoney as round } from "../../../../lib/money"
import type { DashboardScope, DashboardSubject } from "../helpers"
import { adminUrl, iso, NO_ACTIONS, ownerFilter } from "./shared"

export const ORDERS_PAGE_SIZE = 10

const ORDER_FIELDS = [
  "id",
  "display_id",
  "status",
  "created_at",
  "currency_code",
  "sales_channel_id",
  "total",
  "subtotal",
  "shipping_total",
  "tax_total",
  "discount_total",
  "items.id",
  "items.title",
  "items.variant_title",
  "items.quantity",
  "items.unit_price",
  "items.total",
  "items.detail.fulfilled_quantity",
  "items.detail.returned_quantity",
  "items.detail.return_requested_quantity",
  "returns.id",
  "returns.status",
  "returns.created_at",
  "fulfillments.id",
  "fulfillments.packed_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "fulfillments.labels.tracking_number",
  "fulfillments.labels.tracking_url",
  "payment_collections.status",
  "payment_collections.amount",
  "payment_collections.captured_amount",
  "payment_collections.refunded_amount",
]

type When = string | Date | null | undefined

/** An order as `ORDER_FIELDS` reads it (amounts are Medusa's BigNumber-ish values). */
export type DashboardOrderRecord = {
  id: string
  display_id: number
  status: string
  created_at?: When
  currency_code: string
  sales_channel_id?: string | null
  total?: unknown
  subtotal?: unknown
  shipping_total?: unknown
  tax_total?: unknown
  discount_total?: unknown
  items?: ({
    id: string
    title: string
    variant_title?: string | null
    quantity?: unknown
    unit_price?: unknown
    total?: unknown
    detail?: ItemDetail | null
  } | null)[] | null
  returns?: { id: string; status: string; created_at?: When }[] | null
  fulfillments?: {
    id?: string
    packed_at?: When
    shipped_at?: When
    delivered_at?: When
    canceled_at?: When
    labels?: { tracking_number?: string | null; tracking_url?: string | null }[] | null
  }[] | null
  payment_collections?: { status: string; amount?: unknown; captured_amount?: unknown; refunded_amount?: unknown }[] | null
}

type ItemDetail = { fulfilled_quantity?: unknown; returned_quantity?: unknown; return_requested_quantity?: unknown }

/** How many of an order item can still be returned: fulfilled, less returned or already requested. */
export function returnableQuantity(item: { detail?: ItemDetail | null }): number {
  const d = item.detail
  return amount(d?.fulfilled_quantity) - amount(d?.returned_quantity) - amount(d?.return_requested_quantity)
}

/** Medusa's own status rules read only the currency, payment collections, fulfillments and items of an order. */
type StatusInput = Pick<DashboardOrderRecord, "currency_code" | "items"> &
  Required<Pick<DashboardOrderRecord, "payment_collections" | "fulfillments">>
const paymentStatusOf = getLastPaymentStatus as (order: StatusInput | OrderDetailDTO) => string
const fulfillmentStatusOf = getLastFulfillmentStatus as (order: StatusInput | OrderDetailDTO) => string

/** One order as the app shows it. */
export function orderView(order: DashboardOrderRecord, publicUrl: string) {
  const fulfillments = order.fulfillments ?? []
  const items = (order.items ?? []).filter((i): i is NonNullable<typeof i> => !!i)
  let paymentStatus = "not_paid"
  let fulfillmentStatus = "not_fulfilled"
  try {
    paymentStatus = paymentStatusOf({ ...order, fulfillments, payment_collections: order.payment_collections ?? [] })
    fulfillmentStatus = fulfillmentStatusOf({ ...order, fulfillments, items, payment_collections: order.payment_collections ?? [] })
  } catch {
    // a partial record (e.g. no payment data) keeps the defaults
  }
  const live = fulfillments.filter((f) => !f.canceled_at)
  const returnable = items.some((i) => returnableQuantity(i) > 0)
  return {
    id: order.id,
    display_id: order.display_id,
    status: order.status,
    created_at: iso(order.created_at),
    currency_code: order.currency_code,
    total: round(amount(order.total)),
    subtotal: round(amount(order.subtotal)),
    shipping_total: round(amount(order.shipping_total)),
    tax_total: round(amount(order.tax_total)),
    discount_total: round(amount(order.discount_total)),
    payment_status: paymentStatus,
    fulfillment_status: fulfillmentStatus,
    items: items.map((i) => ({
      id: i.id,
      title: i.title,
      variant_title: i.variant_title ?? null,
      quantity: amount(i.quantity),
      unit_price: round(amount(i.unit_price)),
      total: round(amount(i.total)),
    })),
    shipments: live.flatMap((f) =>
      (f.labels ?? []).map((l) => ({
        tracking_number: l.tracking_number ?? null,
        tracking_url: l.tracking_url && /^https?:\/\//.test(l.tracking_url) ? l.tracking_url : null,
        shipped_at: iso(f.shipped_at),
        delivered_at: iso(f.delivered_at),
      }))
    ),
    returns: (order.returns ?? []).map((r) => ({ id: r.id, status: r.status, created_at: iso(r.created_at) })),
    admin_url: adminUrl(publicUrl, `orders/${order.id}`),
    can_cancel: !["canceled", "completed", "archived", "draft"].includes(order.status) && live.length === 0,
    can_return: order.status !== "canceled" && returnable,
  }
}

export type DashboardOrderView = ReturnType<typeof orderView>

type OrderQuery = {
  graph(config: {
    entity: "order"
    fields: string[]
    filters: Record<string, unknown>
    pagination: { skip: number; take: number; order: Record<string, "ASC" | "DESC"> }
  }): Promise<{ data: DashboardOrderRecord[]; metadata?: { count?: number } }>
}

/** A page of the subject's orders in the account's storefronts, newest first. */
export async function loadOrdersPage(
  container: MedusaContainer,
  scope: DashboardScope,
  subject: DashboardSubject,
  page: number
) {
  const query = container.resolve<OrderQuery>(ContainerRegistrationKeys.QUERY)
  const publicUrl = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE).getPublicOptions().public_url
  const channelIds = scope.storefronts.map((s) => s.sales_channel_id)
  if (!channelIds.length) return { items: [], count: 0, page, page_size: ORDERS_PAGE_SIZE }
  const { data, metadata } = await query.graph({
    entity: "order",
    fields: ORDER_FIELDS,
    filters: { sales_channel_id: channelIds, is_draft_order: false, ...ownerFilter(subject) },
    pagination: { skip: (page - 1) * ORDERS_PAGE_SIZE, take: ORDERS_PAGE_SIZE, order: { created_at: "DESC", id: "DESC" } },
  })
  // an unverified subject gets no order actions (the action route refuses them with 403)
  const actionsOf = (channelId: string | null | undefined) =>
    (subject.verified ? scope.storefronts.find((s) => s.sales_channel_id === channelId)?.actions : null) ?? NO_ACTIONS
  return {
    // what the order's own storefront allows (several storefronts may share an account)
    items: data.map((o) => ({ ...orderView(o, publicUrl), actions: actionsOf(o.sales_channel_id) })),
    count: metadata?.count ?? data.length,
    page,
    page_size: ORDERS_PAGE_SIZE,
  }
}
