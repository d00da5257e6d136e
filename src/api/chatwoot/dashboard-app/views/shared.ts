import { medusaAdminUrl } from "../../../../lib/admin-urls"
import { NO_AGENT_ACTIONS } from "../../../../lib/agent-actions"
import type { DashboardSubject } from "../helpers"

/** An ISO time, or null. */
export const iso = (d: string | Date | null | undefined) => (d ? new Date(d).toISOString() : null)

/** A page of the Medusa admin. */
export const adminUrl = medusaAdminUrl

/** What an agent may do when the subject is unverified or the storefront allows nothing. */
export const NO_ACTIONS = NO_AGENT_ACTIONS

/** Filter: no customer, or one of the e-mail's guest records (never a registered customer). */
export function guestOnly(subject: DashboardSubject) {
  return subject.guest_customer_ids.length
    ? { $or: [{ customer_id: null }, { customer_id: subject.guest_customer_ids }] }
    : { customer_id: null }
}

/**
 * Whose orders and carts the app shows: a verified customer's by customer id;
 * otherwise the e-mail's, and only guest ones (no customer): an unverified
 * e-mail never opens a registered customer's records.
 */
export function ownerFilter(subject: DashboardSubject) {
  return subject.customer_id ? { customer_id: subject.customer_id } : { email: subject.email!, ...guestOnly(subject) }
}
