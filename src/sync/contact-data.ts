import { createHash } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ContactFields } from "../modules/chatwoot/client/types"
import { contactName } from "../lib/customer-name"
import { currencyTotalsOf, lifetimeValueOf, loadCurrencyTotals, type CurrencyTotal } from "../lib/lifetime-value"
import { medusaAdminUrl } from "../lib/admin-urls"
import { amount, roundMoney } from "../lib/money"
import { toE164 } from "../lib/phone"
import { tierFor, type Tier } from "../lib/tiers"
import { processState } from "./process-state"

export type ContactAccountScope = {
  /** Sales channels served by the account: orders elsewhere stay out of its contacts. */
  sales_channel_ids: string[]
  /** Sales channel of the interaction that queued the sync, if known. */
  interaction_sales_channel_id?: string | null
}

type CustomerRow = {
  id: string
  email?: string | null
  first_name?: string | null
  last_name?: string | null
  phone?: string | null
  created_at?: string | Date | null
}

type OrderRow = {
  id: string
  display_id?: number | null
  status?: string | null
  is_draft_order?: boolean | null
  created_at?: string | Date | null
  currency_code?: string | null
  total?: unknown
  sales_channel_id?: string | null
}

type CartRow = {
  id: string
  total?: unknown
  completed_at?: string | Date | null
  updated_at?: string | Date | null
  items?: ({ quantity?: unknown } | null)[] | null
}

const iso = (d: string | Date | null | undefined) => (d ? new Date(d).toISOString() : null)

/** Stable JSON (sorted keys) for hashing what would be sent. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`
  if (value && typeof value === "object") {
    return `{${Object.keys(value as object)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(",")}}`
  }
  return JSON.stringify(value)
}

export function hashContactFields(fields: ContactFields): string {
  return createHash("sha256").update(stable(fields), "utf8").digest("hex")
}

/**
 * Pure: the contact a customer becomes in one account. Orders are those of
 * the account's storefronts (drafts left out); the lifetime value is in the
 * currency most of them were placed in (canceled orders count as orders but
 * add no value).
 */
export function contactFieldsFor(input: {
  customer: CustomerRow
  orders: OrderRow[]
  /**
   * The orders' totals per currency from the shared aggregate (what the
   * dashboard app shows); without them, they are taken from `orders`.
   */
  totals?: CurrencyTotal[]
  /** The customer's carts in the account's storefronts; the latest open one is the "cart". */
  carts?: CartRow[]
  channelNames: Record<string, string>
  scope: ContactAccountScope
  tiers: Tier[]
  publicUrl: string
}): ContactFields {
  const { customer, scope } = input
  const orders = input.orders
    .filter((o) => !o.is_draft_order && o.status !== "draft")
    .sort((a, b) => new Date(b.created_at ?? 0).getTime() - new Date(a.created_at ?? 0).getTime())
  const { count, lifetime_value: lifetimeValue, currency } = lifetimeValueOf(input.totals ?? currencyTotalsOf(orders))
  const last = orders[0]
  const storefrontChannel =
    last?.sales_channel_id ?? scope.interaction_sales_channel_id ?? scope.sales_channel_ids[0] ?? null
  const cart = (input.carts ?? [])
    .filter((c) => !c.completed_at)
    .sort((a, b) => new Date(b.updated_at ?? 0).getTime() - new Date(a.updated_at ?? 0).getTime())[0]

  const custom: Record<string, string | number | null> = {
    medusa_orders_count: count,
    medusa_lifetime_value: lifetimeValue,
    medusa_currency: currency,
    medusa_last_order_id: last ? String(last.display_id ?? last.id) : null,
    medusa_last_order_date: last ? iso(last.created_at) : null,
    medusa_last_order_status: last?.status ?? null,
    medusa_tier: tierFor(lifetimeValue, input.tiers),
    medusa_customer_since: iso(customer.created_at),
    medusa_storefront: storefrontChannel ? (input.channelNames[storefrontChannel] ?? storefrontChannel) : null,
    // an open cart's value and item count; 0 once it is completed or gone (PATCH merges, so send 0, not nothing)
    medusa_cart_value: cart ? roundMoney(amount(cart.total)) : 0,
    medusa_cart_items: cart ? (cart.items ?? []).reduce((n, i) => n + amount(i?.quantity), 0) : 0,
    medusa_admin_link: medusaAdminUrl(input.publicUrl, `customers/${customer.id}`),
  }
  const fields: ContactFields = {
    identifier: customer.id,
    name: contactName(customer),
    custom_attributes: Object.fromEntries(Object.entries(custom).filter(([, v]) => v !== null)),
  }
  if (customer.email) fields.email = customer.email.trim().toLowerCase()
  const phone = toE164(customer.phone)
  if (phone) fields.phone_number = phone
  return fields
}

/** Sales channel names, cached for a few seconds: a burst or a backfill asks for the same few over and over. */
const CHANNEL_NAMES_TTL_MS = 5_000
const channelNameState = () => processState("sync-channel-names", () => ({ cache: { at: 0, names: new Map<string, string>() } }))

async function channelNames(container: MedusaContainer, ids: string[]): Promise<Record<string, string>> {
  const state = channelNameState()
  if (Date.now() - state.cache.at > CHANNEL_NAMES_TTL_MS) state.cache = { at: Date.now(), names: new Map() }
  const channelNameCache = state.cache
  const missing = ids.filter((id) => !channelNameCache.names.has(id))
  if (missing.length) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "sales_channel", fields: ["id", "name"], filters: { id: missing } })
    for (const c of data as { id: string; name: string }[]) channelNameCache.names.set(c.id, c.name)
  }
  return Object.fromEntries(ids.filter((id) => channelNameCache.names.has(id)).map((id) => [id, channelNameCache.names.get(id)!]))
}


/** Loads a customer with the orders of the account's storefronts and computes its contact; null when gone. */
export async function loadContactFields(
  container: MedusaContainer,
  customerId: string,
  scope: ContactAccountScope,
  options: { tiers: Tier[]; public_url: string }
): Promise<ContactFields | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: customers } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name", "phone", "created_at"],
    filters: { id: customerId },
  })
  const customer = customers[0] as CustomerRow | undefined
  if (!customer) return null
  const channelIds = [...new Set([...scope.sales_channel_ids, scope.interaction_sales_channel_id].filter(Boolean))] as string[]
  const inChannels = scope.sales_channel_ids.length > 0
  const [{ data: orders }, { totals }, { data: carts }] = await Promise.all([
    inChannels
      ? query.graph({
          entity: "order",
          fields: ["id", "display_id", "status", "is_draft_order", "created_at", "currency_code", "sales_channel_id"],
          filters: { customer_id: customerId, sales_channel_id: scope.sales_channel_ids },
        })
      : { data: [] as OrderRow[] },
    // the lifetime value as the dashboard app computes it
    loadCurrencyTotals(container, { customer_id: customerId }, scope.sales_channel_ids),
    inChannels
      ? query.graph({
          entity: "cart",
          fields: ["id", "total", "completed_at", "updated_at", "items.quantity"],
          filters: { customer_id: customerId, sales_channel_id: scope.sales_channel_ids },
        })
      : { data: [] as CartRow[] },
  ])
  const channels = await channelNames(container, channelIds)
  return contactFieldsFor({
    customer,
    orders: orders as OrderRow[],
    totals,
    carts: carts as CartRow[],
    channelNames: channels,
    scope,
    tiers: options.tiers,
    publicUrl: options.public_url,
  })
}
