/** Domain: contact input, validations, create/update/delete/merge (firing contact webhooks). */
import type { RouteContext } from "../context"
import { errors } from "../http"
import type { ChangedAttributes } from "../json-types"
import { contactWebhookData } from "../serializers"
import type { ContactRecord } from "../types"
import { clone, has, isObject, nullableStr, obj, sameJson, str, type JsonObject } from "../util"

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

/** Apply `next` onto `contact`, firing contact_updated when something changed. */
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
