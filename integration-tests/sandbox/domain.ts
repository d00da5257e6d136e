/**
 * State transitions shared by the Application API, the Public API and the control endpoints.
 * Each one fires the account webhooks Chatwoot's listeners would (`app/listeners/webhook_listener.rb`).
 */
import type { RouteContext } from "./context"
import { errors } from "./http"
import type { ChangedAttributes } from "./json-types"
import {
  contactWebhookData,
  conversationWebhookData,
  messageWebhookPayload,
} from "./serializers"
import type {
  ContactInboxRecord,
  ContactRecord,
  ConversationPriority,
  ConversationRecord,
  ConversationStatus,
  InboxRecord,
  MessageRecord,
  MessageType,
  SenderType,
} from "./types"
import { clone, has, isObject, nullableStr, obj, sameJson, str, uuid, type JsonObject } from "./util"

// Devise's e-mail regex (Devise.email_regexp) and Chatwoot's E.164 check
const EMAIL_RE = /^[^@\s]+@[^@\s]+$/
const E164_RE = /^\+[1-9]\d{1,14}$/

export interface ContactInput {
  name?: string
  email?: string | null
  phone_number?: string | null
  identifier?: string | null
  blocked?: boolean
  avatar_url?: string
  additional_attributes?: JsonObject
  custom_attributes?: JsonObject
}

/** Read the permitted contact params of a request body (Rails strong params; unknown keys ignored). */
export function contactInput(body: JsonObject): ContactInput {
  const input: ContactInput = {}
  if (has(body, "name")) {
    input.name = str(body.name) ?? ""
  }
  if (has(body, "email")) {
    input.email = body.email === null ? null : (str(body.email) ?? String(body.email))
  }
  if (has(body, "phone_number")) {
    input.phone_number = body.phone_number === null ? null : (str(body.phone_number) ?? String(body.phone_number))
  }
  if (has(body, "identifier")) {
    input.identifier = body.identifier === null ? null : (str(body.identifier) ?? String(body.identifier))
  }
  if (has(body, "blocked")) {
    input.blocked = body.blocked === true || body.blocked === "true"
  }
  if (has(body, "avatar_url")) {
    input.avatar_url = str(body.avatar_url) ?? ""
  }
  if (has(body, "additional_attributes")) {
    input.additional_attributes = obj(body.additional_attributes) ?? {}
  }
  if (has(body, "custom_attributes")) {
    input.custom_attributes = obj(body.custom_attributes) ?? {}
  }
  return input
}

/** Chatwoot's contact validations: per-account unique e-mail / identifier / phone, formats. */
export function contactProblems(
  ctx: RouteContext,
  accountId: number,
  candidate: Pick<ContactRecord, "email" | "identifier" | "phone_number">,
  selfId?: number
): Array<[string, string]> {
  const problems: Array<[string, string]> = []
  const others = ctx.store.contactsOf(accountId).filter((c) => c.id !== selfId)
  if (candidate.email !== null) {
    if (!EMAIL_RE.test(candidate.email)) {
      problems.push(["email", "Email Invalid email"])
    } else if (others.some((c) => c.email !== null && c.email === candidate.email)) {
      problems.push(["email", "Email has already been taken"])
    }
  }
  if (candidate.identifier !== null && others.some((c) => c.identifier === candidate.identifier)) {
    problems.push(["identifier", "Identifier has already been taken"])
  }
  if (candidate.phone_number !== null) {
    if (!E164_RE.test(candidate.phone_number)) {
      problems.push(["phone_number", "Phone number should be in e164 format"])
    } else if (others.some((c) => c.phone_number === candidate.phone_number)) {
      problems.push(["phone_number", "Phone number has already been taken"])
    }
  }
  return problems
}

function normaliseEmail(email: string | null | undefined): string | null {
  const value = nullableStr(email)
  return value === null ? null : value.trim().toLowerCase()
}

export function createContact(ctx: RouteContext, accountId: number, input: ContactInput): ContactRecord {
  const now = ctx.store.now()
  const draft: ContactRecord = {
    id: 0,
    account_id: accountId,
    name: input.name ?? "",
    email: normaliseEmail(input.email),
    phone_number: nullableStr(input.phone_number),
    identifier: nullableStr(input.identifier),
    blocked: input.blocked ?? false,
    avatar_url: "",
    additional_attributes: input.additional_attributes ?? {},
    custom_attributes: input.custom_attributes ?? {},
    labels: [],
    last_activity_at: null,
    created_at: now,
    updated_at: now,
  }
  const problems = contactProblems(ctx, accountId, draft)
  if (problems.length) {
    throw errors.invalid(problems)
  }
  draft.id = ctx.store.nextId("contact")
  ctx.store.state.contacts.set(draft.id, draft)
  ctx.emit(accountId, "contact_created", { ...contactWebhookData(ctx.store, draft) })
  return draft
}

const TRACKED_CONTACT_FIELDS = [
  "name",
  "email",
  "phone_number",
  "identifier",
  "blocked",
  "additional_attributes",
  "custom_attributes",
] as const

/** PATCH/PUT semantics: attributes hashes are merged, other fields overwritten. */
export function updateContact(ctx: RouteContext, contact: ContactRecord, input: ContactInput): ContactRecord {
  const next: ContactRecord = clone(contact)
  if (input.name !== undefined) next.name = input.name
  if (input.email !== undefined) next.email = normaliseEmail(input.email)
  if (input.phone_number !== undefined) next.phone_number = nullableStr(input.phone_number)
  if (input.identifier !== undefined) next.identifier = nullableStr(input.identifier)
  if (input.blocked !== undefined) next.blocked = input.blocked
  if (input.additional_attributes) {
    next.additional_attributes = { ...contact.additional_attributes, ...input.additional_attributes }
  }
  if (input.custom_attributes) {
    next.custom_attributes = { ...contact.custom_attributes, ...input.custom_attributes }
  }
  const problems = contactProblems(ctx, contact.account_id, next, contact.id)
  if (problems.length) {
    throw errors.invalid(problems)
  }
  commitContact(ctx, contact, next)
  return contact
}

/** Apply `next` onto `contact`, firing contact_updated when something changed (§5.1). */
export function commitContact(ctx: RouteContext, contact: ContactRecord, next: ContactRecord): void {
  const changed: ChangedAttributes = []
  for (const field of TRACKED_CONTACT_FIELDS) {
    if (!sameJson(contact[field], next[field])) {
      changed.push({ [field]: { previous_value: contact[field], current_value: next[field] } })
    }
  }
  if (!changed.length) {
    return
  }
  next.updated_at = ctx.store.now()
  Object.assign(contact, next)
  ctx.emit(contact.account_id, "contact_updated", {
    ...contactWebhookData(ctx.store, contact),
    changed_attributes: changed,
  })
}

export function deleteContact(ctx: RouteContext, contact: ContactRecord): void {
  const s = ctx.store.state
  s.contacts.delete(contact.id)
  for (const ci of ctx.store.contactInboxesOf(contact.id)) {
    s.contactInboxes.delete(ci.id)
  }
  for (const conversation of [...s.conversations.values()]) {
    if (conversation.contact_id === contact.id) {
      s.conversations.delete(conversation.id)
      for (const m of ctx.store.messagesOf(conversation.id)) {
        s.messages.delete(m.id)
      }
    }
  }
}

/** `POST /actions/contact_merge`: base wins, mergee fills blanks; the mergee is deleted. */
export function mergeContacts(ctx: RouteContext, base: ContactRecord, mergee: ContactRecord): ContactRecord {
  if (base.id === mergee.id) {
    return base
  }
  const s = ctx.store.state
  for (const conversation of s.conversations.values()) {
    if (conversation.contact_id === mergee.id) conversation.contact_id = base.id
  }
  for (const message of s.messages.values()) {
    if (message.sender_type === "Contact" && message.sender_id === mergee.id) message.sender_id = base.id
  }
  for (const ci of s.contactInboxes.values()) {
    if (ci.contact_id === mergee.id) ci.contact_id = base.id
  }
  s.contacts.delete(mergee.id)
  const next = clone(base)
  next.name = base.name || mergee.name
  next.email = base.email ?? mergee.email
  next.phone_number = base.phone_number ?? mergee.phone_number
  next.identifier = base.identifier ?? mergee.identifier
  next.additional_attributes = deepFill(base.additional_attributes, mergee.additional_attributes)
  next.custom_attributes = deepFill(base.custom_attributes, mergee.custom_attributes)
  commitContact(ctx, base, next)
  return base
}

function deepFill(base: JsonObject, filler: JsonObject): JsonObject {
  const out: JsonObject = { ...filler }
  for (const [key, value] of Object.entries(base)) {
    const other = out[key]
    out[key] = isObject(value) && isObject(other) ? deepFill(value, other) : value
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// conversations

export interface ConversationInput {
  status?: ConversationStatus
  assignee_id?: number | null
  team_id?: number | null
  additional_attributes?: JsonObject
  custom_attributes?: JsonObject
  snoozed_until?: number | null
}

export function createConversation(
  ctx: RouteContext,
  inbox: InboxRecord,
  contactInbox: ContactInboxRecord,
  input: ConversationInput
): ConversationRecord {
  const now = ctx.store.now()
  const conversation: ConversationRecord = {
    id: ctx.store.nextId("conversation"),
    display_id: ctx.store.nextDisplayId(inbox.account_id),
    account_id: inbox.account_id,
    inbox_id: inbox.id,
    contact_id: contactInbox.contact_id,
    contact_inbox_id: contactInbox.id,
    uuid: uuid(),
    status: input.status ?? "open",
    priority: null,
    assignee_id: input.assignee_id ?? null,
    team_id: input.team_id ?? null,
    labels: [],
    custom_attributes: input.custom_attributes ?? {},
    additional_attributes: input.additional_attributes ?? {},
    snoozed_until: input.snoozed_until ?? null,
    muted: false,
    first_reply_created_at: null,
    waiting_since: now,
    agent_last_seen_at: null,
    assignee_last_seen_at: null,
    contact_last_seen_at: null,
    last_activity_at: now,
    created_at: now,
    updated_at: now,
  }
  ctx.store.state.conversations.set(conversation.id, conversation)
  ctx.emit(conversation.account_id, "conversation_created", conversationWebhookData(ctx.store, conversation))
  return conversation
}

// attributes whose change fires conversation_updated (§5.1)
const CONVERSATION_UPDATE_FIELDS = [
  "team_id",
  "assignee_id",
  "status",
  "snoozed_until",
  "custom_attributes",
  "labels",
  "waiting_since",
  "first_reply_created_at",
  "priority",
] as const

const toDbValue = (field: string, value: unknown): unknown =>
  (field === "waiting_since" || field === "first_reply_created_at" || field === "snoozed_until") &&
  typeof value === "number"
    ? new Date(value).toISOString()
    : value

/**
 * Mutate a conversation and fire conversation_status_changed (status) and conversation_updated
 * (tracked attributes), in Chatwoot's after_update_commit order.
 */
export function changeConversation(
  ctx: RouteContext,
  conversation: ConversationRecord,
  mutate: (draft: ConversationRecord) => void
): ChangedAttributes {
  const before = clone(conversation)
  mutate(conversation)
  const changed: ChangedAttributes = []
  for (const field of CONVERSATION_UPDATE_FIELDS) {
    if (!sameJson(before[field], conversation[field])) {
      // Chatwoot reports the label list as `label_list`
      const name = field === "labels" ? "label_list" : field
      changed.push({
        [name]: { previous_value: toDbValue(field, before[field]), current_value: toDbValue(field, conversation[field]) },
      })
    }
  }
  if (!sameJson(before, conversation)) {
    conversation.updated_at = ctx.store.now()
  }
  if (before.status !== conversation.status) {
    ctx.emit(conversation.account_id, "conversation_status_changed", {
      ...conversationWebhookData(ctx.store, conversation),
      changed_attributes: null,
    })
  }
  if (changed.length) {
    ctx.emit(conversation.account_id, "conversation_updated", {
      ...conversationWebhookData(ctx.store, conversation),
      changed_attributes: changed,
    })
  }
  return changed
}

export function setStatus(
  ctx: RouteContext,
  conversation: ConversationRecord,
  status: ConversationStatus,
  snoozedUntil: number | null
): void {
  changeConversation(ctx, conversation, (c) => {
    c.status = status
    c.snoozed_until = status === "snoozed" ? snoozedUntil : null
    if (status === "resolved") {
      c.waiting_since = null
    }
  })
}

export function setPriority(ctx: RouteContext, conversation: ConversationRecord, priority: ConversationPriority | null) {
  changeConversation(ctx, conversation, (c) => {
    c.priority = priority
  })
}

// ---------------------------------------------------------------------------------------------
// messages

export interface MessageInput {
  content: string | null
  message_type: MessageType
  private?: boolean
  content_type?: string
  content_attributes?: JsonObject
  source_id?: string | null
  echo_id?: string | null
  sender_type: SenderType | null
  sender_id: number | null
  external_created_at?: number
}

export function createMessage(ctx: RouteContext, conversation: ConversationRecord, input: MessageInput): MessageRecord {
  const now = ctx.store.now()
  const message: MessageRecord = {
    id: ctx.store.nextId("message"),
    account_id: conversation.account_id,
    inbox_id: conversation.inbox_id,
    conversation_id: conversation.id,
    content: input.content,
    content_type: input.content_type ?? "text",
    content_attributes: input.content_attributes ?? {},
    message_type: input.message_type,
    private: input.private ?? false,
    status: "sent",
    source_id: input.source_id ?? null,
    echo_id: input.echo_id ?? null,
    sender_type: input.sender_type,
    sender_id: input.sender_id,
    additional_attributes: {},
    external_source_ids: {},
    created_at: input.external_created_at ?? now,
    updated_at: now,
  }
  ctx.store.state.messages.set(message.id, message)

  // Message after_create_commit: reopen, activity, waiting_since / first reply
  changeConversation(ctx, conversation, (c) => {
    c.last_activity_at = now
    if (message.message_type === "incoming") {
      if (c.status === "resolved" || c.status === "snoozed") {
        c.status = "open"
        c.snoozed_until = null
      }
      if (c.waiting_since === null) {
        c.waiting_since = now
      }
    } else if (message.message_type === "outgoing" && !message.private && message.sender_type === "User") {
      if (c.first_reply_created_at === null) {
        c.first_reply_created_at = now
      }
      c.waiting_since = null
    }
  })
  if (message.message_type === "incoming" && message.sender_type === "Contact" && message.sender_id !== null) {
    const contact = ctx.store.state.contacts.get(message.sender_id)
    if (contact) {
      contact.last_activity_at = now
    }
  }
  if (message.message_type !== "activity") {
    ctx.emit(conversation.account_id, "message_created", messageWebhookPayload(ctx.store, message, "message_created"))
  }
  return message
}

/** An agent's reply typed in the dashboard (control endpoint / `sandbox.agentReply`). */
export function createOutgoingMessage(
  ctx: RouteContext,
  input: { accountId: number; conversationId: number; content: string; private?: boolean; userId?: number }
): MessageRecord {
  const conversation = ctx.store.conversationByDisplayId(input.accountId, input.conversationId)
  if (!conversation) {
    throw errors.notFound()
  }
  let userId = input.userId
  if (userId === undefined) {
    const members = [...ctx.store.state.accountUsers.values()]
      .filter((au) => au.account_id === input.accountId)
      .sort((a, b) => (a.role === b.role ? a.id - b.id : a.role === "administrator" ? -1 : 1))
    userId = conversation.assignee_id ?? members[0]?.user_id
  }
  if (userId === undefined || !ctx.store.accountUser(input.accountId, userId)) {
    throw errors.unprocessable("agent reply needs a user of the account (create an account user first)")
  }
  return createMessage(ctx, conversation, {
    content: input.content,
    message_type: "outgoing",
    private: input.private ?? false,
    sender_type: "User",
    sender_id: userId,
  })
}
