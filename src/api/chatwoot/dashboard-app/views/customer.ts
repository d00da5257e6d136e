import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { fullName } from "../../../../lib/customer-name"
import { lifetimeValueOf, loadCurrencyTotals, type OrderOwner } from "../../../../lib/lifetime-value"
import { tierFor, type Tier } from "../../../../lib/tiers"
import type { DashboardSubject } from "../helpers"
import { adminUrl, iso } from "./shared"

/** A customer as the app reads it. */
export type CustomerRecord = {
  id: string
  email?: string | null
  first_name?: string | null
  last_name?: string | null
  created_at?: string | Date | null
}

/** Orders count, lifetime value and currency (as the contact sync computes them), and the first order's date. */
export type OrderStats = { count: number; lifetime_value: number; currency: string | null; first_order_at: string | null }

const ownerOf = (subject: DashboardSubject): OrderOwner =>
  subject.customer_id
    ? { customer_id: subject.customer_id }
    : { email: subject.email!, guest_customer_ids: subject.guest_customer_ids }

/** The subject's order stats in the account's storefronts: the shared lifetime-value aggregate. */
export async function loadOrderStats(container: MedusaContainer, subject: DashboardSubject, channelIds: string[]): Promise<OrderStats> {
  const { totals, first_order_at } = await loadCurrencyTotals(container, ownerOf(subject), channelIds)
  return { ...lifetimeValueOf(totals), first_order_at }
}

/** The subject's Medusa customer record (none for an unverified subject). */
export async function loadCustomer(container: MedusaContainer, subject: DashboardSubject): Promise<CustomerRecord | null> {
  if (!subject.customer_id) return null
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name", "created_at"],
    filters: { id: subject.customer_id },
  })
  return (data[0] as CustomerRecord | undefined) ?? null
}

/** The contact as the app shows it: who it is, how far they are trusted, and their value. */
export function customerView(
  subject: DashboardSubject,
  customer: CustomerRecord | null,
  stats: OrderStats,
  options: { tiers: Tier[]; public_url: string }
) {
  return {
    id: subject.customer_id,
    is_guest: !subject.customer_id,
    /** identity-trust.ts: false = the name and e-mail are the visitor's claim; only guest orders are shown */
    verified: subject.verified,
    verification: subject.verification,
    unverified_reason: subject.unverified_reason,
    name: fullName(customer) || subject.name || null,
    email: customer?.email ?? subject.email,
    tier: tierFor(stats.lifetime_value, options.tiers),
    lifetime_value: stats.lifetime_value,
    currency: stats.currency,
    orders_count: stats.count,
    customer_since: customer ? iso(customer.created_at) : stats.first_order_at,
    admin_url: subject.customer_id ? adminUrl(options.public_url, `customers/${subject.customer_id}`) : null,
  }
}
