import { capText, collapseWhitespace, scanOrderNumbers, SCAN_CAP } from "./text-scan"

/**
 * Pure readers of Chatwoot webhook payloads: what the
 * conversation mirror, the message timestamps and the contact review take
 * from each event. No I/O; unit-tested on the sandbox's payload builders.
 */
import { chatwootMarksVerified } from "../../modules/chatwoot/identity-trust"

/** Conversation attribute holding the e-mail an anonymous contact-form sender typed (never put on the contact). */
export const CONTACT_FORM_EMAIL_ATTRIBUTE = "medusa_contact_email"

type Json = Record<string, unknown>

const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {})
const int = (v: unknown): number | null => (typeof v === "number" && Number.isInteger(v) ? v : null)
const text = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null)

/** Epoch seconds (float, as Chatwoot sends `updated_at`) or an ISO string → Date. */
export function toDate(v: unknown): Date | null {
  if (typeof v === "number" && Number.isFinite(v)) return new Date(Math.round(v * 1000))
  if (typeof v === "string" && v) {
    const n = Number(v)
    const d = Number.isFinite(n) ? new Date(Math.round(n * 1000)) : new Date(v)
    return Number.isNaN(d.getTime()) ? null : d
  }
  return null
}

const STATUSES = new Set(["open", "resolved", "pending", "snoozed"])

export type ConversationSnapshot = {
  chatwoot_conversation_id: number
  chatwoot_inbox_id: number | null
  chatwoot_contact_id: number | null
  identifier: string | null
  /**
   * Whether Chatwoot marks the conversation's contact inbox HMAC-verified
   * (identity-trust.ts): only then may the contact's identifier be trusted.
   * The channel type is no evidence: Chatwoot merges a typed e-mail into the
   * existing contact on every channel.
   */
  identity_verified: boolean
  email: string | null
  status: "open" | "resolved" | "pending" | "snoozed"
  priority: string | null
  assignee_id: number | null
  assignee_name: string | null
  team_id: number | null
  team_name: string | null
  labels: string[]
  unread_count: number
  chatwoot_created_at: Date | null
  chatwoot_updated_at: Date
  /** Raw `order_id` (or the plugin's `medusa_order_id`) conversation attribute. */
  order_ref: string | null
  /** conversation_language, else the browser's language. */
  language: string | null
}

/** The conversation webhook data (conversation events, `message.conversation`, `current_conversation`). */
export function conversationSnapshot(data: unknown): ConversationSnapshot | null {
  const c = obj(data)
  const id = int(c.id)
  const updated = toDate(c.updated_at) ?? toDate(c.last_activity_at) ?? toDate(c.timestamp)
  if (id === null || !updated) return null
  const meta = obj(c.meta)
  const sender = obj(meta.sender)
  const assignee = obj(meta.assignee)
  const team = obj(meta.team)
  const custom = obj(c.custom_attributes)
  const additional = obj(c.additional_attributes)
  const orderRef = custom.order_id ?? custom.medusa_order_id
  const status = typeof c.status === "string" && STATUSES.has(c.status) ? (c.status as ConversationSnapshot["status"]) : "open"
  return {
    chatwoot_conversation_id: id,
    chatwoot_inbox_id: int(c.inbox_id),
    chatwoot_contact_id: int(sender.id) ?? int(obj(c.contact_inbox).contact_id),
    identifier: text(sender.identifier),
    identity_verified: chatwootMarksVerified(c),
    // an anonymous contact-form sender's typed e-mail is kept on the conversation, not the contact
    email: (text(sender.email) ?? text(custom[CONTACT_FORM_EMAIL_ATTRIBUTE]))?.toLowerCase() ?? null,
    status,
    priority: text(c.priority),
    assignee_id: meta.assignee_type === "AgentBot" ? null : int(assignee.id),
    assignee_name: meta.assignee_type === "AgentBot" ? null : (text(assignee.available_name) ?? text(assignee.name)),
    team_id: int(team.id),
    team_name: text(team.name),
    labels: Array.isArray(c.labels) ? c.labels.filter((l): l is string => typeof l === "string") : [],
    unread_count: int(c.unread_count) ?? 0,
    chatwoot_created_at: toDate(c.created_at),
    chatwoot_updated_at: updated,
    order_ref: typeof orderRef === "number" ? String(orderRef) : text(orderRef),
    language: text(additional.conversation_language) ?? text(additional.browser_language),
  }
}

export type MessageFacts = {
  /** customer: an incoming public message; agent: an outgoing public reply; ignored otherwise. */
  from: "customer" | "agent" | null
  at: Date | null
  preview: string | null
  content: string | null
}

/**
 * A `message_created` payload: private notes, activity messages and
 * templates never count as the customer's messages.
 */
export function messageFacts(payload: unknown): MessageFacts {
  const m = obj(payload)
  const type = m.message_type
  const isPrivate = m.private === true
  // only the first SCAN_CAP characters are ever read (preview, order numbers)
  const content = typeof m.content === "string" ? capText(m.content, SCAN_CAP) : null
  let from: MessageFacts["from"] = null
  if (!isPrivate && (type === "incoming" || type === 0)) from = "customer"
  else if (!isPrivate && (type === "outgoing" || type === 1)) {
    const senderType = obj(m.sender).type
    // an outgoing message with a contact sender does not happen; bots and agents reply
    from = senderType === "contact" ? null : "agent"
  }
  const preview = content ? collapseWhitespace(content, 280) || null : null
  return { from, at: toDate(m.created_at), preview, content }
}

/**
 * Order numbers a customer mentions: "#1042", "order 1042", "order no. 1042",
 * "Bestellung 1042", "pedido 1042", "commande 1042". At most five, in order.
 * Linear time, over the first 4 KB only (text-scan.ts): a chat message can
 * never hold up the event loop.
 */
export function orderNumbersIn(content: string | null | undefined): number[] {
  if (!content) return []
  return scanOrderNumbers(content, 5)
}

export type ContactFacts = {
  chatwoot_contact_id: number
  identifier: string | null
  name: string | null
  email: string | null
  phone_number: string | null
  /** Fields the delivery says changed (null: unknown, consider all). */
  changed: string[] | null
}

export function contactFacts(payload: unknown): ContactFacts | null {
  const c = obj(payload)
  const id = int(c.id)
  if (id === null) return null
  const changed = Array.isArray(c.changed_attributes)
    ? c.changed_attributes.flatMap((entry) => Object.keys(obj(entry)))
    : null
  return {
    chatwoot_contact_id: id,
    identifier: text(c.identifier),
    name: text(c.name),
    email: text(c.email)?.toLowerCase() ?? null,
    phone_number: text(c.phone_number),
    changed,
  }
}

export const REVIEWED_CONTACT_FIELDS = ["name", "email", "phone_number"] as const

/**
 * The differences worth an admin's review: a standard field the delivery
 * changed (name, e-mail, phone) whose Chatwoot value is not what Medusa has.
 * Changes the plugin's own sync made match Medusa and yield nothing.
 */
export function contactDifferences(
  contact: ContactFacts,
  medusa: { name: string | null; email: string | null; phone_number: string | null }
): Record<string, { chatwoot: string | null; medusa: string | null }> {
  const out: Record<string, { chatwoot: string | null; medusa: string | null }> = {}
  for (const field of REVIEWED_CONTACT_FIELDS) {
    if (contact.changed && !contact.changed.includes(field)) continue
    const ours = medusa[field]
    const theirs = contact[field]
    const same = field === "email" ? (theirs ?? "") === (ours ?? "").toLowerCase() : (theirs ?? "") === (ours ?? "")
    if (!same) out[field] = { chatwoot: theirs, medusa: ours }
  }
  return out
}

/** Whether a contact delivery may have changed the customer's tier attribute. */
export function tierMayHaveChanged(payload: unknown): boolean {
  const changed = obj(payload).changed_attributes
  if (!Array.isArray(changed)) return true
  return changed.some((entry) => {
    const ca = obj(entry).custom_attributes
    if (!ca) return false
    const before = obj(obj(ca).previous_value).medusa_tier
    const after = obj(obj(ca).current_value).medusa_tier
    return before !== after
  })
}
