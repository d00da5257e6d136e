/**
 * A web-widget visitor, as Chatwoot's widget API (`/api/v1/widget/*`) handles one (`app/controllers/api/v1/widget/`): a new anonymous contact and contact inbox; `setUser` (identifier + optional
 * identifier_hash, checked like `Widget::ContactsController#valid_hmac?`: a match marks the contact
 * inbox `hmac_verified`, a mismatch is 401) and the pre-chat form (e-mail/name) both run
 * `ContactIdentifyAction`, which merges the visitor into an existing contact with the same
 * identifier, else e-mail, else phone (existing = base). Then the conversation and the first
 * incoming message, with their webhooks. `hmac_mandatory` only rejects an unverified setUser: it
 * does not stop a pre-chat e-mail from being merged.
 */
import { createHmac, timingSafeEqual } from "node:crypto"

import type { RouteContext } from "./context"
import { createContact, createConversation, createMessage, mergeContacts, updateContact } from "./domain"
import { HttpError } from "./http"
import type { ContactRecord, InboxRecord, WebWidgetChannelRecord } from "./types"

export interface WidgetVisitorInput {
  websiteToken: string
  /** setUser(identifier, { identifier_hash, email, name }) */
  identifier?: string
  identifierHash?: string
  /** pre-chat form (or setUser) e-mail / name */
  email?: string
  name?: string
  phoneNumber?: string
  /** the first message; omitted: no conversation is started */
  content?: string
}

export interface WidgetVisitorResult {
  contact_id: number
  source_id: string
  hmac_verified: boolean
  /** display id */
  conversation_id: number | null
}

function websiteInbox(ctx: RouteContext, token: string): InboxRecord & { channel: WebWidgetChannelRecord } {
  const inbox = [...ctx.store.state.inboxes.values()].find(
    (i) => i.channel.type === "web_widget" && i.channel.website_token === token
  )
  if (!inbox) throw new HttpError(404, { error: "web widget does not exist" })
  return inbox as InboxRecord & { channel: WebWidgetChannelRecord }
}

/** `valid_hmac?`: checked when a hash is sent or the inbox enforces HMAC; failure → 401. */
function checkHmac(channel: WebWidgetChannelRecord, identifier: string, hash: string | undefined): boolean {
  if (hash === undefined && !channel.hmac_mandatory) return false
  const expected = Buffer.from(createHmac("sha256", channel.hmac_token).update(identifier).digest("hex"))
  const given = Buffer.from(hash ?? "")
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new HttpError(401, { error: "HMAC failed: Invalid Identifier Hash Provided" })
  }
  return true
}

/**
 * `ContactIdentifyAction`: merge into the contact with this identifier, else (when that contact has
 * no other identifier) this e-mail, else this phone; the existing contact is the base. Otherwise
 * the fields are written onto the visitor's contact.
 */
export function identifyContact(
  ctx: RouteContext,
  contact: ContactRecord,
  params: { identifier?: string; email?: string; name?: string; phone_number?: string }
): ContactRecord {
  const others = ctx.store.contactsOf(contact.account_id).filter((c) => c.id !== contact.id)
  const identifier = params.identifier ?? null
  const email = params.email ? params.email.trim().toLowerCase() : null
  const mergeable = (c: ContactRecord | undefined) =>
    c && (!c.identifier || !identifier || c.identifier === identifier) && (!contact.identifier || contact.identifier === c.identifier)
  let current = contact
  const byIdentifier = identifier ? others.find((c) => c.identifier === identifier) : undefined
  if (byIdentifier) current = mergeContacts(ctx, byIdentifier, current)
  const byEmail = email ? others.find((c) => c.email === email && c.id !== current.id) : undefined
  if (byEmail && mergeable(byEmail)) current = mergeContacts(ctx, byEmail, current)
  const byPhone = params.phone_number ? others.find((c) => c.phone_number === params.phone_number && c.id !== current.id) : undefined
  if (byPhone && mergeable(byPhone)) current = mergeContacts(ctx, byPhone, current)
  const taken = (field: "email" | "phone_number", value: string | null) =>
    value !== null && ctx.store.contactsOf(contact.account_id).some((c) => c.id !== current.id && c[field] === value)
  updateContact(ctx, current, {
    ...(identifier && !current.identifier ? { identifier } : {}),
    ...(email && !current.email && !taken("email", email) ? { email } : {}),
    ...(params.name && !current.name ? { name: params.name } : {}),
    ...(params.phone_number && !current.phone_number && !taken("phone_number", params.phone_number)
      ? { phone_number: params.phone_number }
      : {}),
  })
  return current
}

export function widgetVisitor(ctx: RouteContext, input: WidgetVisitorInput): WidgetVisitorResult {
  const inbox = websiteInbox(ctx, input.websiteToken)
  // an identifier is checked before anything is created (the widget call fails as a whole)
  const verified = input.identifier !== undefined ? checkHmac(inbox.channel, input.identifier, input.identifierHash) : false
  const guest = createContact(ctx, inbox.account_id, {})
  const ci = ctx.store.createContactInbox(guest.id, inbox.id, undefined, false)
  if (verified) ci.hmac_verified = true
  let contact = guest
  if (input.identifier !== undefined || input.email || input.name || input.phoneNumber) {
    contact = identifyContact(ctx, guest, {
      identifier: input.identifier,
      email: input.email,
      name: input.name,
      phone_number: input.phoneNumber,
    })
  }
  let conversationId: number | null = null
  if (input.content) {
    const conversation = createConversation(ctx, inbox, ci, {})
    createMessage(ctx, conversation, {
      content: input.content,
      message_type: "incoming",
      sender_type: "Contact",
      sender_id: contact.id,
    })
    conversationId = conversation.display_id
  }
  return { contact_id: contact.id, source_id: ci.source_id, hmac_verified: ci.hmac_verified, conversation_id: conversationId }
}
