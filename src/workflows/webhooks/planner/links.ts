import { isGuestOrder } from "../../../modules/chatwoot/identity-trust"
import { orderNumbersIn, type ConversationSnapshot } from "../mirror-data"
import type { PlannerAccount, PlannerOrder, WebhookLookups } from "./types"

/** A customer id the planner may link: a Medusa customer id that exists. */
export async function existingCustomer(lookups: WebhookLookups, id: string | null): Promise<string | null> {
  if (!id || !id.startsWith("cus_")) return null
  return (await lookups.customerExists(id)) ? id : null
}

const inAccount = (account: PlannerAccount, order: PlannerOrder) =>
  order.sales_channel_id !== null && account.sales_channel_ids.includes(order.sales_channel_id)

/** How the `order_id` conversation attribute is looked up: an order id or a display number. */
export function orderRefFilters(ref: string | null): { id: string } | { display_id: number } | null {
  if (!ref) return null
  if (/^\d{1,9}$/.test(ref)) return { display_id: Number(ref) }
  return ref.startsWith("order_") ? { id: ref } : null
}

/**
 * The `order_id` conversation attribute (an order id or display number)
 * links an order of the account's storefronts that belongs to the
 * conversation's verified customer (or, otherwise, a guest order placed with
 * the conversation's e-mail).
 */
export async function orderFromAttribute(
  lookups: WebhookLookups,
  account: PlannerAccount,
  snap: ConversationSnapshot,
  customerId: string | null
): Promise<string | null> {
  const filters = orderRefFilters(snap.order_ref)
  if (!filters) return null
  const orders = await lookups.orders(filters)
  const guests = customerId ? [] : await lookups.guestCustomerIds(snap.email)
  const order = orders.find(
    (o) =>
      inAccount(account, o) &&
      // an unverified e-mail only ever matches a guest order (identity-trust.ts)
      (customerId ? o.customer_id === customerId : isGuestOrder(o, guests) && !!snap.email && o.email?.toLowerCase() === snap.email)
  )
  return order?.id ?? null
}

/** An order number the customer wrote, confirmed to be one of their orders in this account's storefronts. */
export async function orderFromMention(
  lookups: WebhookLookups,
  account: PlannerAccount,
  customerId: string | null,
  content: string | null
): Promise<string | null> {
  // order numbers are looked for only in a conversation linked to a customer
  if (!customerId) return null
  const numbers = orderNumbersIn(content)
  if (!numbers.length) return null
  const mine = (await lookups.orders({ display_id: numbers, customer_id: customerId })).filter(
    (o) => o.sales_channel_id && account.sales_channel_ids.includes(o.sales_channel_id)
  )
  for (const n of numbers) {
    const hit = mine.find((o) => o.display_id === n)
    if (hit) return hit.id
  }
  return null
}
