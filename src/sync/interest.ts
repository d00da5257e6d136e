/**
 * A logged-in customer's recent interest, summarized from a batch of
 * storefront events (POST /store/chatwoot/events) and carried in a
 * contact_upsert row's payload as `interest`. The latest batch wins while the
 * row is pending; Chatwoot merges custom attributes, so keys a batch lacks
 * keep their earlier values.
 */
export type ContactInterest = {
  last_activity_at?: string
  recent_product_ids?: string[]
  last_cart_product_id?: string
  checkout_started_at?: string
}

export type StorefrontEvent = {
  type: "page_view" | "product_view" | "add_to_cart" | "remove_from_cart" | "checkout_started"
  at?: string
  product_id?: string
}

const MAX_RECENT = 5

/** The interest a batch shows (events in order; `now` for events without a time). */
export function summarizeInterest(events: StorefrontEvent[], now: Date): ContactInterest {
  const interest: ContactInterest = {}
  const recent: string[] = []
  let latest = 0
  for (const event of events) {
    const at = event.at ? Math.min(Date.parse(event.at), now.getTime()) : now.getTime()
    if (Number.isFinite(at) && at > latest) latest = at
    const when = new Date(Number.isFinite(at) ? at : now.getTime()).toISOString()
    if (event.product_id && (event.type === "product_view" || event.type === "add_to_cart")) {
      const i = recent.indexOf(event.product_id)
      if (i >= 0) recent.splice(i, 1)
      recent.unshift(event.product_id)
    }
    if (event.type === "add_to_cart" && event.product_id) interest.last_cart_product_id = event.product_id
    if (event.type === "checkout_started") interest.checkout_started_at = when
  }
  if (latest) interest.last_activity_at = new Date(latest).toISOString()
  if (recent.length) interest.recent_product_ids = recent.slice(0, MAX_RECENT)
  return interest
}

/** The contact's custom attributes for an `interest` payload (unknown shapes give none). */
export function interestAttributes(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object") return {}
  const interest = value as ContactInterest
  const out: Record<string, string> = {}
  const text = (v: unknown) => (typeof v === "string" && v.length <= 2048 ? v : undefined)
  const activity = text(interest.last_activity_at)
  if (activity) out.medusa_last_activity_at = activity
  if (Array.isArray(interest.recent_product_ids)) {
    const ids = interest.recent_product_ids.filter((id): id is string => typeof id === "string").slice(0, MAX_RECENT)
    if (ids.length) out.medusa_recent_product_ids = ids.join(",")
  }
  const cart = text(interest.last_cart_product_id)
  if (cart) out.medusa_last_cart_product_id = cart
  const checkout = text(interest.checkout_started_at)
  if (checkout) out.medusa_checkout_started_at = checkout
  return out
}
