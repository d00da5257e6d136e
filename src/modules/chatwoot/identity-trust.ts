/**
 * The one rule deciding whether a Chatwoot conversation belongs to a Medusa
 * customer. It is used by the conversation mirror, routing, the
 * agent dashboard app and the admin Conversations page; nothing else decides.
 *
 * A conversation is the customer's only when
 *  - Chatwoot marks its contact inbox as HMAC-verified (`meta.hmac_verified` /
 *    `contact_inbox.hmac_verified`: the session proved the identifier with
 *    the inbox's HMAC token, which only Medusa knows), or
 *  - the plugin itself created it for a logged-in customer's session (the
 *    contact form posted with a customer token), recorded in the plugin's own
 *    table when it was created, so no webhook can claim it later.
 *
 * Never evidence: the channel type, the inbox's `hmac_mandatory` setting
 * (Chatwoot still merges a pre-chat e-mail into an existing contact), the
 * contact's identifier or e-mail alone (anyone can type an e-mail, and
 * Chatwoot reuses the contact that has it).
 */

/** How a conversation's customer link was established; null: it was not. */
export type IdentitySource = "hmac" | "contact_form"
export const IDENTITY_SOURCES = ["hmac", "contact_form"] as const

export type IdentityVerdict =
  | { verified: true; source: IdentitySource; reason: null }
  | { verified: false; source: null; reason: string }

export const UNVERIFIED_REASON =
  "Chatwoot did not mark this session as HMAC-verified and the plugin did not create the conversation for a logged-in customer: name, e-mail and identifier are the visitor's claim"

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {}

/** Whether Chatwoot marks the conversation's contact inbox HMAC-verified (webhook or API conversation JSON). */
export function chatwootMarksVerified(conversation: unknown): boolean {
  const c = obj(conversation)
  return obj(c.meta).hmac_verified === true || obj(c.contact_inbox).hmac_verified === true
}

/** The verdict from the two kinds of evidence; anything else is not evidence. */
export function identityVerdict(evidence: {
  /** Chatwoot's own mark on the contact inbox. */
  hmac_verified?: boolean | null
  /** The plugin's record (mirror `identity_source`) written when it created the conversation. */
  recorded_source?: string | null
}): IdentityVerdict {
  if (evidence.recorded_source === "contact_form") return { verified: true, source: "contact_form", reason: null }
  if (evidence.hmac_verified === true || evidence.recorded_source === "hmac") return { verified: true, source: "hmac", reason: null }
  return { verified: false, source: null, reason: UNVERIFIED_REASON }
}

/**
 * The customer a mirror row is trusted to belong to: its `customer_id` only
 * when the row also records how the link was verified (rows linked before
 * this rule existed carry no source and count as a guest's).
 */
export function trustedCustomerId(row: { customer_id?: string | null; identity_source?: string | null } | null | undefined): string | null {
  if (!row?.customer_id) return null
  return (IDENTITY_SOURCES as readonly string[]).includes(row.identity_source ?? "") ? row.customer_id : null
}

/**
 * The customers whose orders an unverified e-mail may match: guest records
 * (`has_account: false`, what Medusa creates for a guest checkout) with that
 * e-mail. A registered customer's orders are never among them. Orders with no
 * customer at all match too (see isGuestOrder).
 */
export async function guestCustomerIds(
  query: { graph: (q: { entity: string; fields: string[]; filters: Record<string, unknown> }) => Promise<{ data: unknown[] }> },
  email: string | null | undefined
): Promise<string[]> {
  const value = email?.trim().toLowerCase()
  if (!value) return []
  const pattern = value.replace(/[\\%_]/g, (c) => `\\${c}`)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "email"],
    filters: { email: { $ilike: pattern }, has_account: false },
  })
  return (data as { id: string }[]).map((c) => c.id)
}

/** Whether an order is a guest order (no customer, or one of the e-mail's guest records). */
export function isGuestOrder(order: { customer_id?: string | null }, guestIds: string[]): boolean {
  return !order.customer_id || guestIds.includes(order.customer_id)
}
