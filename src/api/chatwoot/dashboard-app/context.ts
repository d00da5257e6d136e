import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { getLastFulfillmentStatus, getLastPaymentStatus } from "@medusajs/medusa/core-flows"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import { tierFor } from "../../../lib/tiers"
import type { DashboardScope, DashboardSubject } from "./helpers"

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

/** A number from Medusa's BigNumber-ish values. */
export function amount(value: unknown): number {
  if (value === null || value === undefined) return 0
  if (typeof value === "number") return value
  if (typeof value === "string") return Number(value) || 0
  const v = value as { numeric?: number; value?: string; toJSON?: () => unknown }
  if (typeof v.numeric === "number") return v.numeric
  if (typeof v.toJSON === "function") return Number(v.toJSON()) || 0
  return Number(v.value) || 0
}

const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null)
const round = (n: number) => Math.round(n * 100) / 100

function adminUrl(publicUrl: string, path: string) {
  return `${publicUrl.replace(/\/+$/, "")}/app/${path}`
}

/**
 * Orders of the subject in the account's storefronts: by customer id for a
 * verified customer; otherwise by e-mail, and only guest orders (no customer):
 * an unverified e-mail never opens a registered customer's orders.
 */
function orderFilters(subject: DashboardSubject, channelIds: string[]) {
  const base = { sales_channel_id: channelIds, is_draft_order: false }
  return subject.customer_id ? { ...base, customer_id: subject.customer_id } : { ...base, email: subject.email!, ...guestOnly(subject) }
}

/** Filter: no customer, or one of the e-mail's guest records (never a registered customer). */
function guestOnly(subject: DashboardSubject) {
  return subject.guest_customer_ids.length
    ? { $or: [{ customer_id: null }, { customer_id: subject.guest_customer_ids }] }
    : { customer_id: null }
}

const NO_ACTIONS = { cancel_order: false, resend_confirmation: false, create_return: false }

/** One order as the app shows it. */
export function orderView(order: Record<string, any>, publicUrl: string) {
  const fulfillments = (order.fulfillments ?? []) as Record<string, any>[]
  const items = ((order.items ?? []) as Record<string, any>[]).filter(Boolean)
  let paymentStatus = "not_paid"
  let fulfillmentStatus = "not_fulfilled"
  try {
    paymentStatus = getLastPaymentStatus({ ...order, payment_collections: order.payment_collections ?? [] } as never)
    fulfillmentStatus = getLastFulfillmentStatus({ ...order, fulfillments, items } as never)
  } catch {
    // a partial record (e.g. no payment data) keeps the defaults
  }
  const live = fulfillments.filter((f) => !f.canceled_at)
  const returnable = items.some(
    (i) => amount(i.detail?.fulfilled_quantity) > amount(i.detail?.returned_quantity) + amount(i.detail?.return_requested_quantity)
  )
  return {
    id: order.id as string,
    display_id: order.display_id as number,
    status: order.status as string,
    created_at: iso(order.created_at),
    currency_code: order.currency_code as string,
    total: round(amount(order.total)),
    subtotal: round(amount(order.subtotal)),
    shipping_total: round(amount(order.shipping_total)),
    tax_total: round(amount(order.tax_total)),
    discount_total: round(amount(order.discount_total)),
    payment_status: paymentStatus,
    fulfillment_status: fulfillmentStatus,
    items: items.map((i) => ({
      id: i.id as string,
      title: i.title as string,
      variant_title: (i.variant_title as string | null) ?? null,
      quantity: amount(i.quantity),
      unit_price: round(amount(i.unit_price)),
      total: round(amount(i.total)),
    })),
    shipments: live.flatMap((f) =>
      ((f.labels ?? []) as Record<string, any>[]).map((l) => ({
        tracking_number: (l.tracking_number as string | null) ?? null,
        tracking_url: /^https?:\/\//.test(l.tracking_url ?? "") ? (l.tracking_url as string) : null,
        shipped_at: iso(f.shipped_at),
        delivered_at: iso(f.delivered_at),
      }))
    ),
    returns: ((order.returns ?? []) as Record<string, any>[]).map((r) => ({
      id: r.id as string,
      status: r.status as string,
      created_at: iso(r.created_at),
    })),
    admin_url: adminUrl(publicUrl, `orders/${order.id}`),
    can_cancel: !["canceled", "completed", "archived", "draft"].includes(order.status) && live.length === 0,
    can_return: order.status !== "canceled" && returnable,
  }
}

export type DashboardOrderView = ReturnType<typeof orderView>

/** A page of the subject's orders, newest first. */
export async function loadOrdersPage(
  container: MedusaContainer,
  scope: DashboardScope,
  subject: DashboardSubject,
  page: number
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const publicUrl = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE).getPublicOptions().public_url
  const channelIds = scope.storefronts.map((s) => s.sales_channel_id)
  if (!channelIds.length) return { items: [], count: 0, page, page_size: ORDERS_PAGE_SIZE }
  const { data, metadata } = await query.graph({
    entity: "order",
    fields: ORDER_FIELDS,
    filters: orderFilters(subject, channelIds) as never,
    pagination: { skip: (page - 1) * ORDERS_PAGE_SIZE, take: ORDERS_PAGE_SIZE, order: { created_at: "DESC", id: "DESC" } },
  })
  // an unverified subject gets no order actions (the action route refuses them with 403)
  const actionsOf = (channelId: string) =>
    (subject.verified ? scope.storefronts.find((s) => s.sales_channel_id === channelId)?.actions : null) ?? NO_ACTIONS
  return {
    // what the order's own storefront allows (several storefronts may share an account)
    items: (data as Record<string, any>[]).map((o) => ({ ...orderView(o, publicUrl), actions: actionsOf(o.sales_channel_id) })),
    count: metadata?.count ?? data.length,
    page,
    page_size: ORDERS_PAGE_SIZE,
  }
}

/**
 * Orders count, lifetime value (non-canceled orders, in the currency most
 * orders were placed in, as the contact sync computes it) and first order
 * date. One aggregate over the orders' stored summaries (the order module's
 * own `order_summary.totals`, the figure Medusa's admin shows as the order
 * total) instead of loading every order through the module: a customer with
 * hundreds of orders must not cost hundreds of hydrated records per view.
 */
async function loadOrderStats(container: MedusaContainer, subject: DashboardSubject, channelIds: string[]) {
  if (!channelIds.length) return { count: 0, lifetime_value: 0, currency: null as string | null, first_order_at: null as string | null }
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as {
    raw(sql: string, bindings: unknown[]): Promise<{ rows: { currency: string | null; count: number; total: string | null; first_at: Date | null }[] }>
  }
  const guests = subject.guest_customer_ids
  const who = subject.customer_id
    ? "o.customer_id = ?"
    : `lower(o.email) = ? and (o.customer_id is null${guests.length ? ` or o.customer_id in (${guests.map(() => "?").join(", ")})` : ""})`
  const { rows } = await pg.raw(
    `select lower(o.currency_code) as currency, count(*)::int as count, min(o.created_at) as first_at,
            sum(case when o.status = 'canceled' then 0 else coalesce(
              (s.totals -> 'raw_current_order_total' ->> 'value')::numeric,
              (s.totals ->> 'current_order_total')::numeric, 0) end) as total
       from "order" o
       left join order_summary s on s.order_id = o.id and s.version = o.version and s.deleted_at is null
      where o.deleted_at is null and o.is_draft_order = false and ${who}
        and o.sales_channel_id in (${channelIds.map(() => "?").join(", ")})
      group by 1`,
    [subject.customer_id ?? subject.email, ...(subject.customer_id ? [] : guests), ...channelIds]
  )
  const byCurrency = rows.map((r) => ({ currency: r.currency ?? "", count: r.count, total: Number(r.total ?? 0) }))
  const main = [...byCurrency].sort((a, b) => b.count - a.count || b.total - a.total)[0]
  const first = rows.map((r) => r.first_at).filter(Boolean).map((d) => new Date(d!).getTime()).sort((a, b) => a - b)[0]
  return {
    count: byCurrency.reduce((n, r) => n + r.count, 0),
    lifetime_value: round(main?.total ?? 0),
    currency: main?.currency ? main.currency.toUpperCase() : null,
    first_order_at: first === undefined ? null : new Date(first).toISOString(),
  }
}

/** The subject's latest open cart in the account's storefronts (a guest cart for an unverified subject). */
async function loadCart(container: MedusaContainer, subject: DashboardSubject, channelIds: string[]) {
  if (!channelIds.length) return null
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const filters = subject.customer_id
    ? { customer_id: subject.customer_id, sales_channel_id: channelIds, completed_at: null }
    : { email: subject.email!, ...guestOnly(subject), sales_channel_id: channelIds, completed_at: null }
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "currency_code", "total", "updated_at", "items.title", "items.variant_title", "items.quantity", "items.total"],
    filters: filters as never,
    pagination: { take: 1, order: { updated_at: "DESC" } },
  })
  const cart = data[0] as Record<string, any> | undefined
  if (!cart || !(cart.items ?? []).length) return null
  return {
    id: cart.id as string,
    currency_code: cart.currency_code as string,
    total: round(amount(cart.total)),
    updated_at: iso(cart.updated_at),
    items: ((cart.items ?? []) as Record<string, any>[]).filter(Boolean).map((i) => ({
      title: i.variant_title ? `${i.title} (${i.variant_title})` : (i.title as string),
      quantity: amount(i.quantity),
      total: round(amount(i.total)),
    })),
  }
}

/** Everything the dashboard app shows for one contact, read in parallel. */
export async function loadDashboardContext(
  container: MedusaContainer,
  scope: DashboardScope,
  subject: DashboardSubject,
  page: number,
  /** Filled with the duration (ms) of each read, for the Server-Timing header. */
  timings: Record<string, number> = {}
) {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const options = chatwoot.getPublicOptions()
  const timed = <T>(name: string, work: Promise<T>) => {
    const started = performance.now()
    return work.then((value) => {
      timings[name] = performance.now() - started
      return value
    })
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const channelIds = scope.storefronts.map((s) => s.sales_channel_id)
  const [customerRows, stats, orders, cart] = await Promise.all([
    subject.customer_id
      ? timed("customer", query
          .graph({
            entity: "customer",
            fields: ["id", "email", "first_name", "last_name", "created_at"],
            filters: { id: subject.customer_id },
          })
          .then((r) => r.data as Record<string, any>[]))
      : Promise.resolve([] as Record<string, any>[]),
    timed("stats", loadOrderStats(container, subject, channelIds)),
    timed("orders", loadOrdersPage(container, scope, subject, page)),
    timed("cart", loadCart(container, subject, channelIds)),
  ])
  const customer = customerRows[0]
  const name = customer ? [customer.first_name, customer.last_name].filter(Boolean).join(" ").trim() : ""
  const storefront =
    scope.storefronts.find((s) => s.sales_channel_id === subject.sales_channel_id) ??
    (scope.storefronts.length === 1 ? scope.storefronts[0] : null)
  const actions = (subject.verified ? storefront?.actions : null) ?? NO_ACTIONS
  return {
    storefront: storefront ? { sales_channel_id: storefront.sales_channel_id, name: storefront.name } : null,
    storefronts: scope.storefronts.map((s) => ({ sales_channel_id: s.sales_channel_id, name: s.name })),
    customer: {
      id: subject.customer_id,
      is_guest: !subject.customer_id,
      /** identity-trust.ts: false = the name and e-mail are the visitor's claim; only guest orders are shown */
      verified: subject.verified,
      verification: subject.verification,
      unverified_reason: subject.unverified_reason,
      name: name || subject.name || null,
      email: (customer?.email as string | undefined) ?? subject.email,
      tier: tierFor(stats.lifetime_value, options.tiers),
      lifetime_value: stats.lifetime_value,
      currency: stats.currency,
      orders_count: stats.count,
      customer_since: customer ? iso(customer.created_at) : stats.first_order_at,
      admin_url: subject.customer_id ? `${options.public_url.replace(/\/+$/, "")}/app/customers/${subject.customer_id}` : null,
    },
    orders,
    cart,
    actions,
  }
}
