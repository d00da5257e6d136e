/**
 * Public/Client API (`/public/api/v1/inboxes/{inbox_identifier}/…`): API inboxes
 * only, no auth, contacts identified by their contact_inbox source_id. No handle_with_exception:
 * missing records are Rails' default 404, HMAC failures a 500.
 */
import { createHmac, timingSafeEqual } from "node:crypto"

import type { RouteContext } from "../context"
import { contactInput, createContact, createConversation, createMessage, setStatus, updateContact } from "../domain"
import { errors, json, type Router } from "../http"
import { messageJson, rawContactJson, senderPushJson, workingHoursJson } from "../serializers"
import type {
  ApiChannelRecord,
  ContactInboxRecord,
  ContactRecord,
  ConversationRecord,
  InboxRecord,
  MessageRecord,
} from "../types"
import { int, isObject, obj, str, type JsonObject } from "../util"

const P = "/public/api/v1/inboxes/:inbox_identifier"

function apiInbox(ctx: RouteContext, identifier: string): InboxRecord & { channel: ApiChannelRecord } {
  const inbox = ctx.store.apiInboxByIdentifier(identifier)
  const account = inbox ? ctx.store.state.accounts.get(inbox.account_id) : undefined
  if (!inbox || inbox.channel.type !== "api" || !account) {
    throw errors.railsNotFound()
  }
  return inbox as InboxRecord & { channel: ApiChannelRecord }
}

function session(
  ctx: RouteContext,
  params: Record<string, string>
): { inbox: InboxRecord & { channel: ApiChannelRecord }; contactInbox: ContactInboxRecord; contact: ContactRecord } {
  const inbox = apiInbox(ctx, params.inbox_identifier)
  const contactInbox = ctx.store.contactInboxBySource(inbox.id, params.contact_identifier)
  const contact = contactInbox ? ctx.store.state.contacts.get(contactInbox.contact_id) : undefined
  if (!contactInbox || !contact) {
    throw errors.railsNotFound()
  }
  return { inbox, contactInbox, contact }
}

function body(ctx: RouteContext): JsonObject {
  return isObject(ctx.req.body) ? ctx.req.body : {}
}

function publicContactJson(contact: ContactRecord, ci: ContactInboxRecord) {
  return {
    id: contact.id,
    source_id: ci.source_id,
    name: contact.name,
    email: contact.email,
    phone_number: contact.phone_number,
    pubsub_token: ci.pubsub_token,
  }
}

function publicMessageJson(ctx: RouteContext, message: MessageRecord) {
  const push = messageJson(ctx.store, message)
  const sender = senderPushJson(ctx.store, message)
  return {
    id: message.id,
    content: message.content,
    message_type: push.message_type,
    content_type: message.content_type,
    content_attributes: message.content_attributes,
    created_at: push.created_at,
    conversation_id: push.conversation_id,
    ...(sender ? { sender } : {}),
  }
}

function publicMessages(ctx: RouteContext, conversation: ConversationRecord): MessageRecord[] {
  return ctx.store.messagesOf(conversation.id).filter((m) => !m.private && m.message_type !== "activity")
}

function publicConversationJson(ctx: RouteContext, conversation: ConversationRecord) {
  const contact = ctx.store.state.contacts.get(conversation.contact_id) as ContactRecord
  return {
    id: conversation.display_id,
    uuid: conversation.uuid,
    inbox_id: conversation.inbox_id,
    contact_last_seen_at: Math.floor((conversation.contact_last_seen_at ?? 0) / 1000),
    status: conversation.status,
    agent_last_seen_at: Math.floor((conversation.agent_last_seen_at ?? 0) / 1000),
    messages: publicMessages(ctx, conversation).map((m) => publicMessageJson(ctx, m)),
    contact: rawContactJson(contact),
  }
}

function conversationOf(ctx: RouteContext, contactInbox: ContactInboxRecord, rawId: string): ConversationRecord {
  const inbox = ctx.store.state.inboxes.get(contactInbox.inbox_id) as InboxRecord
  const id = int(rawId)
  const conversation = id === undefined ? undefined : ctx.store.conversationByDisplayId(inbox.account_id, id)
  if (!conversation || conversation.contact_inbox_id !== contactInbox.id) {
    throw errors.railsNotFound()
  }
  return conversation
}

/** identifier_hash check: HMAC-SHA256(key = inbox hmac_token, identifier) hex. Failure → 500. */
function verifyIdentity(inbox: InboxRecord & { channel: ApiChannelRecord }, input: JsonObject): boolean {
  const identifier = str(input.identifier)
  const hash = str(input.identifier_hash)
  if (hash === undefined && !inbox.channel.hmac_mandatory) {
    return false
  }
  const expected = createHmac("sha256", inbox.channel.hmac_token).update(identifier ?? "").digest("hex")
  const ok = hash !== undefined && hash.length === expected.length && timingSafeEqual(Buffer.from(hash), Buffer.from(expected))
  if (!ok) {
    // StandardError('HMAC failed: Invalid Identifier Hash Provided') is not rescued here
    throw errors.railsServerError()
  }
  return true
}

export function registerPublicRoutes(router: Router<RouteContext>): void {
  router.on("GET", P, (ctx, params) => {
    const inbox = apiInbox(ctx, params.inbox_identifier)
    return json(200, {
      identifier: inbox.channel.identifier,
      identity_validation_enabled: inbox.channel.hmac_mandatory,
      name: inbox.name,
      timezone: inbox.timezone,
      working_hours: workingHoursJson(inbox),
      working_hours_enabled: inbox.working_hours_enabled,
      csat_survey_enabled: inbox.csat_survey_enabled,
      greeting_enabled: inbox.greeting_enabled,
    })
  })

  // ContactsController#create: the hash is checked (process_hmac, before the contact inbox exists, so
  // nothing is marked verified) and `identifier`/`identifier_hash` are dropped; then
  // ContactInboxWithContactBuilder: an existing contact inbox by source_id, else a contact found by
  // e-mail, then phone, else a new one, with a new (unverified) contact inbox
  router.on("POST", `${P}/contacts`, (ctx, params) => {
    const inbox = apiInbox(ctx, params.inbox_identifier)
    const input = body(ctx)
    verifyIdentity(inbox, input)
    const { identifier: _dropped, ...fields } = contactInput(input)
    const sourceId = str(input.source_id) || undefined
    const existing = sourceId ? ctx.store.contactInboxBySource(inbox.id, sourceId) : undefined
    if (existing) {
      return json(200, publicContactJson(ctx.store.state.contacts.get(existing.contact_id) as ContactRecord, existing))
    }
    const contacts = ctx.store.contactsOf(inbox.account_id)
    const email = fields.email ? fields.email.trim().toLowerCase() : null
    const phone = fields.phone_number ? fields.phone_number.trim() : null
    const contact =
      (email !== null ? contacts.find((c) => c.email === email) : undefined) ??
      (phone !== null ? contacts.find((c) => c.phone_number === phone) : undefined) ??
      createContact(ctx, inbox.account_id, fields)
    const ci = ctx.store.createContactInbox(contact.id, inbox.id, sourceId, false)
    return json(200, publicContactJson(contact, ci))
  })

  router.on("GET", `${P}/contacts/:contact_identifier`, (ctx, params) => {
    const { contact, contactInbox } = session(ctx, params)
    return json(200, publicContactJson(contact, contactInbox))
  })

  // process_hmac marks the session's contact inbox verified; ContactIdentifyAction never takes the identifier
  router.on("PATCH", `${P}/contacts/:contact_identifier`, (ctx, params) => {
    const { inbox, contact, contactInbox } = session(ctx, params)
    const input = body(ctx)
    if (verifyIdentity(inbox, input)) contactInbox.hmac_verified = true
    const { identifier: _dropped, ...fields } = contactInput(input)
    updateContact(ctx, contact, fields)
    return json(200, rawContactJson(contact))
  })

  router.on("GET", `${P}/contacts/:contact_identifier/conversations`, (ctx, params) => {
    const { contactInbox } = session(ctx, params)
    const inbox = ctx.store.state.inboxes.get(contactInbox.inbox_id) as InboxRecord
    const conversations = ctx.store
      .conversationsOf(inbox.account_id)
      .filter((c) => c.contact_inbox_id === contactInbox.id)
      .sort((a, b) => a.id - b.id)
    return json(200, conversations.map((c) => publicConversationJson(ctx, c)))
  })

  router.on("POST", `${P}/contacts/:contact_identifier/conversations`, (ctx, params) => {
    const { inbox, contactInbox } = session(ctx, params)
    const conversation = createConversation(ctx, inbox, contactInbox, {
      custom_attributes: obj(body(ctx).custom_attributes),
    })
    return json(200, publicConversationJson(ctx, conversation))
  })

  router.on("GET", `${P}/contacts/:contact_identifier/conversations/:conversation_id`, (ctx, params) => {
    const { contactInbox } = session(ctx, params)
    return json(200, publicConversationJson(ctx, conversationOf(ctx, contactInbox, params.conversation_id)))
  })

  router.on("POST", `${P}/contacts/:contact_identifier/conversations/:conversation_id/toggle_status`, (ctx, params) => {
    const { contactInbox } = session(ctx, params)
    const conversation = conversationOf(ctx, contactInbox, params.conversation_id)
    setStatus(ctx, conversation, "resolved", null)
    return json(200, publicConversationJson(ctx, conversation))
  })

  router.on("GET", `${P}/contacts/:contact_identifier/conversations/:conversation_id/messages`, (ctx, params) => {
    const { contactInbox } = session(ctx, params)
    const conversation = conversationOf(ctx, contactInbox, params.conversation_id)
    const before = int(ctx.req.query.before)
    let messages = publicMessages(ctx, conversation)
    if (before !== undefined) messages = messages.filter((m) => m.id < before)
    return json(200, messages.slice(-20).map((m) => publicMessageJson(ctx, m)))
  })

  // always incoming
  router.on("POST", `${P}/contacts/:contact_identifier/conversations/:conversation_id/messages`, (ctx, params) => {
    const { contactInbox, contact } = session(ctx, params)
    const conversation = conversationOf(ctx, contactInbox, params.conversation_id)
    const input = body(ctx)
    const content = input.content === undefined || input.content === null ? "" : String(input.content)
    if (!content) {
      throw errors.railsUnprocessable()
    }
    const message = createMessage(ctx, conversation, {
      content,
      message_type: "incoming",
      echo_id: str(input.echo_id) ?? null,
      sender_type: "Contact",
      sender_id: contact.id,
    })
    return json(200, publicMessageJson(ctx, message))
  })
}
