/** Contacts: CRUD, search, filter, merge, contact inboxes, a contact's conversations. */
import { requireAdmin, type RouteContext } from "../context"
import {
  contactInput,
  createContact,
  deleteContact,
  mergeContacts,
  updateContact,
} from "../domain"
import { errors, json, type Router } from "../http"
import { contactInboxJson, contactJson, conversationJson, rawInboxJson } from "../serializers"
import type { ContactRecord } from "../types"
import { bool, int, isObject, str, type JsonObject } from "../util"
import { A, body, scope, scoped } from "./shared"

const PER_PAGE = 15
const SORTABLE = ["email", "name", "phone_number", "last_activity_at", "created_at", "company_name", "city", "country"]

function page(ctx: RouteContext): { page: number; currentPage: string | number } {
  const raw = ctx.req.query.page
  const value = typeof raw === "string" ? raw : undefined
  const n = Math.max(1, int(value) ?? 1)
  // jbuilder echoes params[:page] (a string) when given, else the integer 1
  return { page: n, currentPage: value ?? 1 }
}

function sortContacts(ctx: RouteContext, contacts: ContactRecord[]): ContactRecord[] {
  const raw = ctx.req.query.sort
  const sort = typeof raw === "string" ? raw : undefined
  if (!sort) {
    return contacts.sort((a, b) => a.id - b.id)
  }
  const desc = sort.startsWith("-")
  const key = desc ? sort.slice(1) : sort
  if (!SORTABLE.includes(key)) {
    return contacts.sort((a, b) => a.id - b.id)
  }
  const value = (c: ContactRecord): string | number => {
    switch (key) {
      case "company_name":
      case "city":
      case "country":
        return String(c.additional_attributes[key] ?? "")
      case "created_at":
        return c.created_at
      case "last_activity_at":
        return c.last_activity_at ?? 0
      default:
        return String(c[key as "email" | "name" | "phone_number"] ?? "")
    }
  }
  return contacts.sort((a, b) => {
    const va = value(a)
    const vb = value(b)
    const cmp = va < vb ? -1 : va > vb ? 1 : a.id - b.id
    return desc ? -cmp : cmp
  })
}

/** The index lists only "resolved" contacts (e-mail, phone or identifier). */
const isResolved = (c: ContactRecord) => c.email !== null || c.phone_number !== null || c.identifier !== null

function includeContactInboxes(ctx: RouteContext): boolean {
  return ctx.req.query.include_contact_inboxes !== "false"
}

// ---- filter (POST /contacts/filter) ----

const FILTER_OPERATORS = [
  "equal_to",
  "not_equal_to",
  "contains",
  "does_not_contain",
  "is_present",
  "is_not_present",
  "is_greater_than",
  "is_less_than",
  "days_before",
  "starts_with",
] as const
type FilterOperator = (typeof FILTER_OPERATORS)[number]
const STANDARD_FILTER_KEYS = ["name", "email", "phone_number", "identifier", "country_code", "city", "company", "blocked", "labels", "created_at", "last_activity_at", "referer"]

interface FilterCondition {
  key: string
  operator: FilterOperator
  values: unknown[]
  queryOperator: "AND" | "OR" | null
  custom: boolean
}

function parseConditions(ctx: RouteContext, accountId: number, raw: unknown): FilterCondition[] {
  if (!Array.isArray(raw)) {
    throw errors.paramMissing("payload")
  }
  const customKeys = new Set(
    [...ctx.store.state.customAttributeDefinitions.values()]
      .filter((d) => d.account_id === accountId && d.attribute_model === "contact_attribute")
      .map((d) => d.attribute_key)
  )
  return raw.map((item): FilterCondition => {
    if (!isObject(item)) {
      throw errors.unprocessable("Invalid filter condition")
    }
    const key = str(item.attribute_key) ?? ""
    const operator = str(item.filter_operator) as FilterOperator
    const custom = item.custom_attribute_type === "contact_attribute" || customKeys.has(key)
    if (!custom && !STANDARD_FILTER_KEYS.includes(key)) {
      throw errors.unprocessable(`Invalid attribute key - ${key}`)
    }
    if (!FILTER_OPERATORS.includes(operator)) {
      throw errors.unprocessable(`Invalid operator. The allowed operators for ${key} are [${FILTER_OPERATORS.join(",")}].`)
    }
    const qo = str(item.query_operator)?.toUpperCase()
    return {
      key,
      operator,
      values: Array.isArray(item.values) ? item.values : item.values === undefined ? [] : [item.values],
      queryOperator: qo === "AND" || qo === "OR" ? qo : null,
      custom,
    }
  })
}

function attributeValue(contact: ContactRecord, condition: FilterCondition): unknown {
  if (condition.custom) return contact.custom_attributes[condition.key]
  switch (condition.key) {
    case "country_code":
    case "city":
    case "company":
    case "referer":
      return contact.additional_attributes[condition.key === "company" ? "company_name" : condition.key]
    case "labels":
      return contact.labels
    case "created_at":
      return contact.created_at
    case "last_activity_at":
      return contact.last_activity_at
    default:
      return contact[condition.key as "name" | "email" | "phone_number" | "identifier" | "blocked"]
  }
}

function matches(ctx: RouteContext, contact: ContactRecord, c: FilterCondition): boolean {
  const actual = attributeValue(contact, c)
  // e-mail comparisons are case-insensitive (stored lower-cased); other text is compared as stored
  const norm = (v: unknown) => (c.key === "email" ? String(v ?? "").toLowerCase() : String(v ?? ""))
  const values = c.values.map(norm)
  const present = actual !== null && actual !== undefined && actual !== "" && !(Array.isArray(actual) && actual.length === 0)
  switch (c.operator) {
    case "equal_to":
      return Array.isArray(actual) ? actual.some((a) => values.includes(norm(a))) : present && values.includes(norm(actual))
    case "not_equal_to":
      return Array.isArray(actual) ? !actual.some((a) => values.includes(norm(a))) : !values.includes(norm(actual))
    case "contains":
      return present && values.some((v) => norm(actual).toLowerCase().includes(v.toLowerCase()))
    case "does_not_contain":
      return !values.some((v) => norm(actual).toLowerCase().includes(v.toLowerCase()))
    case "starts_with":
      return present && values.some((v) => norm(actual).toLowerCase().startsWith(v.toLowerCase()))
    case "is_present":
      return present
    case "is_not_present":
      return !present
    case "is_greater_than":
      return present && Number(actual) > Number(c.values[0])
    case "is_less_than":
      return present && Number(actual) < Number(c.values[0])
    case "days_before": {
      const days = Number(c.values[0])
      return present && typeof actual === "number" && actual < ctx.store.now() - days * 86_400_000
    }
  }
}

function applyFilter(ctx: RouteContext, contacts: ContactRecord[], conditions: FilterCondition[]): ContactRecord[] {
  return contacts.filter((contact) => {
    let result = true
    let pending: "AND" | "OR" | null = null
    conditions.forEach((c, i) => {
      const m = matches(ctx, contact, c)
      result = i === 0 ? m : pending === "OR" ? result || m : result && m
      pending = c.queryOperator
    })
    return result
  })
}

export function registerContactRoutes(router: Router<RouteContext>): void {
  router.on("GET", `${A}/contacts`, (ctx, params) => {
    const { account } = scope(ctx, params)
    const { page: n, currentPage } = page(ctx)
    const all = sortContacts(ctx, ctx.store.contactsOf(account.id).filter(isResolved))
    const slice = all.slice((n - 1) * PER_PAGE, n * PER_PAGE)
    return json(200, {
      meta: { count: all.length, current_page: currentPage },
      payload: slice.map((c) => contactJson(ctx.store, c, includeContactInboxes(ctx))),
    })
  })

  // search: q matches name/email/phone (case-insensitive substring) and identifier (case-sensitive)
  router.on("GET", `${A}/contacts/search`, (ctx, params) => {
    const { account } = scope(ctx, params)
    const q = (typeof ctx.req.query.q === "string" ? ctx.req.query.q : "").trim()
    const lower = q.toLowerCase()
    const { page: n, currentPage } = page(ctx)
    const found = sortContacts(
      ctx,
      ctx.store
        .contactsOf(account.id)
        .filter(
          (c) =>
            c.name.toLowerCase().includes(lower) ||
            (c.email ?? "").toLowerCase().includes(lower) ||
            (c.phone_number ?? "").toLowerCase().includes(lower) ||
            (c.identifier ?? "").includes(q)
        )
    )
    const slice = found.slice((n - 1) * PER_PAGE, n * PER_PAGE)
    return json(200, {
      // search meta.count is the page size, has_more tells whether another page exists
      meta: { count: slice.length, current_page: currentPage, has_more: found.length > n * PER_PAGE },
      payload: slice.map((c) => contactJson(ctx.store, c, includeContactInboxes(ctx))),
    })
  })

  router.on("POST", `${A}/contacts/filter`, (ctx, params) => {
    const { account } = scope(ctx, params)
    const conditions = parseConditions(ctx, account.id, body(ctx).payload)
    const { page: n, currentPage } = page(ctx)
    const found = sortContacts(ctx, applyFilter(ctx, ctx.store.contactsOf(account.id), conditions))
    const slice = found.slice((n - 1) * PER_PAGE, n * PER_PAGE)
    return json(200, {
      meta: { count: found.length, current_page: currentPage },
      payload: slice.map((c) => contactJson(ctx.store, c, includeContactInboxes(ctx))),
    })
  })

  router.on("POST", `${A}/contacts`, (ctx, params) => {
    const { account } = scope(ctx, params)
    const input = body(ctx)
    const inboxId = int(input.inbox_id)
    const inbox = inboxId === undefined ? undefined : ctx.store.inbox(account.id, inboxId)
    if (inboxId !== undefined && !inbox) {
      throw errors.notFound()
    }
    const contact = createContact(ctx, account.id, contactInput(input))
    const ci = inbox
      ? ctx.store.createContactInbox(contact.id, inbox.id, str(input.source_id) || undefined)
      : undefined
    return json(200, {
      payload: {
        contact: contactJson(ctx.store, contact),
        contact_inbox: { inbox: inbox ? rawInboxJson(inbox) : null, source_id: ci?.source_id ?? null },
      },
    })
  })

  router.on("GET", `${A}/contacts/:id`, (ctx, params) => {
    const { account } = scope(ctx, params)
    const contact = scoped(ctx.store.state.contacts, account.id, params.id)
    return json(200, { payload: contactJson(ctx.store, contact, includeContactInboxes(ctx)) })
  })

  const update = (ctx: RouteContext, params: Record<string, string>) => {
    const { account } = scope(ctx, params)
    const contact = scoped(ctx.store.state.contacts, account.id, params.id)
    updateContact(ctx, contact, contactInput(body(ctx)))
    return json(200, { payload: contactJson(ctx.store, contact) })
  }
  router.on("PUT", `${A}/contacts/:id`, update)
  router.on("PATCH", `${A}/contacts/:id`, update)

  router.on("DELETE", `${A}/contacts/:id`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const contact = scoped(ctx.store.state.contacts, s.account.id, params.id)
    deleteContact(ctx, contact)
    return { status: 200, empty: true }
  })

  // latest 20, no paging
  router.on("GET", `${A}/contacts/:id/conversations`, (ctx, params) => {
    const { account } = scope(ctx, params)
    const contact = scoped(ctx.store.state.contacts, account.id, params.id)
    const conversations = ctx.store
      .conversationsOf(account.id)
      .filter((c) => c.contact_id === contact.id)
      .sort((a, b) => b.last_activity_at - a.last_activity_at || b.id - a.id)
      .slice(0, 20)
    return json(200, { payload: conversations.map((c) => conversationJson(ctx.store, c)) })
  })

  // idempotent on (contact, inbox, source_id) via first_or_create
  router.on("POST", `${A}/contacts/:id/contact_inboxes`, (ctx, params) => {
    const { account } = scope(ctx, params)
    const contact = scoped(ctx.store.state.contacts, account.id, params.id)
    const input = body(ctx)
    const inboxId = int(input.inbox_id)
    const inbox = inboxId === undefined ? undefined : ctx.store.inbox(account.id, inboxId)
    if (!inbox) {
      throw errors.notFound()
    }
    const sourceId = str(input.source_id) || undefined
    let ci = sourceId ? ctx.store.contactInboxBySource(inbox.id, sourceId) : undefined
    if (ci && ci.contact_id !== contact.id) {
      throw errors.invalid([["source_id", "Source has already been taken"]])
    }
    ci ??= ctx.store.createContactInbox(contact.id, inbox.id, sourceId, bool(input.hmac_verified) ?? false)
    return json(200, contactInboxJson(ctx.store, ci))
  })

  router.on("POST", `${A}/actions/contact_merge`, (ctx, params) => {
    const { account } = scope(ctx, params)
    const input: JsonObject = body(ctx)
    const baseId = int(input.base_contact_id)
    const mergeeId = int(input.mergee_contact_id)
    if (baseId === undefined) throw errors.paramMissing("base_contact_id")
    if (mergeeId === undefined) throw errors.paramMissing("mergee_contact_id")
    const base = scoped(ctx.store.state.contacts, account.id, String(baseId))
    const mergee = scoped(ctx.store.state.contacts, account.id, String(mergeeId))
    mergeContacts(ctx, base, mergee)
    return json(200, contactJson(ctx.store, base))
  })
}
