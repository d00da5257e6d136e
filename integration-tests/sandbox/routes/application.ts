/** Application API (`/api/v1/accounts/{account_id}/…`, `/api/v1/profile`). */
import { requireAdmin, requireUser, type RouteContext } from "../context"
import { empty, errors, json, type Router } from "../http"
import {
  agentJson,
  customAttributeDefinitionJson,
  dashboardAppJson,
  labelJson,
  teamJson,
  userJson,
  webhookJson,
} from "../serializers"
import type {
  AttributeDisplayType,
  AttributeModel,
  CustomAttributeDefinitionRecord,
  DashboardAppRecord,
  LabelRecord,
  TeamRecord,
  WebhookRecord,
} from "../types"
import { bool, has, int, isObject, nullableStr, secureToken, str, unwrap, type JsonObject } from "../util"
import { A, scope, scoped } from "./shared"
import { registerContactRoutes } from "./contacts"
import { registerConversationRoutes } from "./conversations"
import { registerInboxRoutes } from "./inboxes"

// ---- account webhooks (§3.8) ----

/** `Webhook::ALLOWED_WEBHOOK_EVENTS` (the OpenAPI enum omits the inbox events) */
export const WEBHOOK_EVENTS = [
  "conversation_status_changed",
  "conversation_updated",
  "conversation_created",
  "contact_created",
  "contact_updated",
  "message_created",
  "message_updated",
  "webwidget_triggered",
  "inbox_created",
  "inbox_updated",
  "conversation_typing_on",
  "conversation_typing_off",
] as const

function webhookProblems(
  ctx: RouteContext,
  accountId: number,
  candidate: Pick<WebhookRecord, "url" | "subscriptions">,
  selfId?: number
): Array<[string, string]> {
  const problems: Array<[string, string]> = []
  let valid = false
  try {
    const url = new URL(candidate.url)
    valid = url.protocol === "http:" || url.protocol === "https:"
  } catch {
    valid = false
  }
  if (!valid) {
    problems.push(["url", "Url is invalid"])
  } else if (
    [...ctx.store.state.webhooks.values()].some(
      (w) => w.account_id === accountId && w.url === candidate.url && w.id !== selfId
    )
  ) {
    problems.push(["url", "Url has already been taken"])
  }
  if (
    candidate.subscriptions.length === 0 ||
    candidate.subscriptions.some((s) => !(WEBHOOK_EVENTS as readonly string[]).includes(s))
  ) {
    problems.push(["subscriptions", "Subscriptions Invalid events"])
  }
  return problems
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.map((v) => String(v)) : undefined
}

// ---- custom attribute definitions (§3.3) ----

const ATTRIBUTE_MODELS: AttributeModel[] = ["conversation_attribute", "contact_attribute", "company_attribute"]
const DISPLAY_TYPES: AttributeDisplayType[] = ["text", "number", "currency", "percent", "link", "date", "list", "checkbox"]
const STANDARD_ATTRIBUTES: Record<AttributeModel, string[]> = {
  contact_attribute: ["name", "email", "phone_number", "identifier", "country_code", "city", "created_at", "last_activity_at", "referer", "blocked", "labels", "company"],
  conversation_attribute: ["status", "priority", "assignee_id", "inbox_id", "team_id", "display_id", "campaign_id", "labels", "browser_language", "country_code", "referer", "created_at", "last_activity_at"],
  company_attribute: ["name", "domain", "description"],
}

/** Rails enums accept the name or the integer (the OpenAPI spec documents integers only). */
function enumValue<T extends string>(values: T[], raw: unknown): T | undefined {
  if (typeof raw === "number" && Number.isInteger(raw)) {
    return values[raw]
  }
  const s = str(raw)
  if (s === undefined) return undefined
  if (/^\d+$/.test(s)) return values[Number(s)]
  return (values as string[]).includes(s) ? (s as T) : undefined
}

function applyDefinitionFields(def: CustomAttributeDefinitionRecord, input: JsonObject): void {
  if (has(input, "attribute_display_name")) def.attribute_display_name = str(input.attribute_display_name) ?? ""
  if (has(input, "attribute_description")) def.attribute_description = nullableStr(input.attribute_description)
  if (has(input, "attribute_values")) def.attribute_values = stringList(input.attribute_values) ?? []
  if (has(input, "regex_pattern")) def.regex_pattern = nullableStr(input.regex_pattern)
  if (has(input, "regex_cue")) def.regex_cue = nullableStr(input.regex_cue)
  if (has(input, "default_value")) def.default_value = nullableStr(input.default_value)
  if (has(input, "attribute_display_type")) {
    const type = enumValue(DISPLAY_TYPES, input.attribute_display_type)
    if (!type) throw errors.unprocessable(`'${String(input.attribute_display_type)}' is not a valid attribute_display_type`)
    def.attribute_display_type = type
  }
}

function definitionProblems(ctx: RouteContext, def: CustomAttributeDefinitionRecord): Array<[string, string]> {
  const problems: Array<[string, string]> = []
  if (!def.attribute_display_name.trim()) problems.push(["attribute_display_name", "Attribute display name can't be blank"])
  if (!def.attribute_key) {
    problems.push(["attribute_key", "Attribute key can't be blank"])
  } else if (!/^[a-zA-Z0-9_.-]+$/.test(def.attribute_key)) {
    problems.push(["attribute_key", "Attribute key is invalid"])
  } else if (STANDARD_ATTRIBUTES[def.attribute_model].includes(def.attribute_key)) {
    problems.push(["attribute_key", "Attribute key cannot be same as standard attributes"])
  } else if (
    [...ctx.store.state.customAttributeDefinitions.values()].some(
      (d) =>
        d.account_id === def.account_id &&
        d.attribute_model === def.attribute_model &&
        d.attribute_key === def.attribute_key &&
        d.id !== def.id
    )
  ) {
    problems.push(["attribute_key", "Attribute key has already been taken"])
  }
  return problems
}

// ---- dashboard apps (§3.9) ----

function dashboardContent(raw: unknown): DashboardAppRecord["content"] | undefined {
  if (!Array.isArray(raw) || raw.length === 0) return undefined
  const content: DashboardAppRecord["content"] = []
  for (const item of raw) {
    if (!isObject(item) || item.type !== "frame" || typeof item.url !== "string" || !/^https?:\/\//.test(item.url)) {
      return undefined
    }
    content.push({ type: "frame", url: item.url })
  }
  return content
}

export function registerApplicationRoutes(router: Router<RouteContext>): void {
  // installation info, no auth: feature-detect the version (webhook signing needs ≥ 4.12.0)
  router.on("GET", "/api", (ctx) =>
    json(200, {
      version: "4.15.1",
      timestamp: new Date(ctx.store.now()).toISOString().replace("T", " ").slice(0, 19),
      queue_services: "ok",
      data_services: "ok",
    })
  )

  router.on("GET", "/api/v1/profile", (ctx) => json(200, userJson(ctx.store, requireUser(ctx))))

  router.on("GET", A, (ctx, params) => {
    const { account } = scope(ctx, params)
    const enabled = Object.fromEntries(Object.entries(account.features).filter(([, on]) => on))
    const out: JsonObject = {
      id: account.id,
      name: account.name,
      locale: account.locale,
      status: account.status,
      created_at: new Date(account.created_at).toISOString(),
      cache_keys: {},
      features: enabled,
      settings: {},
      custom_attributes: account.custom_attributes,
      latest_chatwoot_version: "4.15.1",
      subscribed_features: [],
    }
    if (account.domain !== null) out.domain = account.domain
    if (account.support_email !== null) out.support_email = account.support_email
    return json(200, out)
  })

  router.on("GET", `${A}/agents`, (ctx, params) => {
    const { account } = scope(ctx, params)
    const agents = [...ctx.store.state.accountUsers.values()]
      .filter((au) => au.account_id === account.id)
      .map((au) => ctx.store.state.users.get(au.user_id))
      .filter((u) => u !== undefined)
      .map((u) => agentJson(ctx.store, u, account.id))
    return json(200, agents)
  })

  // Agents (administrators): Chatwoot finds or invites the user by e-mail and adds the membership;
  // an e-mail that already belongs to an agent of the account is a 422.
  router.on("POST", `${A}/agents`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const input = unwrap(ctx.req.body, "agent")
    const email = str(input.email)?.trim().toLowerCase()
    const name = str(input.name)?.trim()
    const role = str(input.role)
    if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) throw errors.invalid([["email", "Email is invalid"]])
    if (!name) throw errors.invalid([["name", "Name can't be blank"]])
    if (role !== "agent" && role !== "administrator") throw errors.unprocessable(`'${String(input.role)}' is not a valid role`)
    const user = ctx.store.userByEmail(email) ?? ctx.store.createUser({ name, email }, false)
    if (ctx.store.accountUser(s.account.id, user.id)) throw errors.invalid([["email", "Email has already been taken"]])
    ctx.store.upsertAccountUser(s.account.id, user.id, role)
    return json(200, agentJson(ctx.store, user, s.account.id))
  })

  router.on("PATCH", `${A}/agents/:id`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const input = unwrap(ctx.req.body, "agent")
    const membership = ctx.store.accountUser(s.account.id, Number(params.id))
    const user = membership && ctx.store.state.users.get(membership.user_id)
    if (!membership || !user) throw errors.notFound()
    const role = str(input.role)
    if (role !== undefined) {
      if (role !== "agent" && role !== "administrator") throw errors.unprocessable(`'${role}' is not a valid role`)
      membership.role = role
    }
    const name = str(input.name)
    if (name) user.name = name
    return json(200, agentJson(ctx.store, user, s.account.id))
  })

  router.on("DELETE", `${A}/agents/:id`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const membership = ctx.store.accountUser(s.account.id, Number(params.id))
    if (!membership) throw errors.notFound()
    ctx.store.state.accountUsers.delete(membership.id)
    return empty(200)
  })

  registerInboxRoutes(router)
  registerContactRoutes(router)
  registerConversationRoutes(router)

  // ---- custom attribute definitions ----
  router.on("GET", `${A}/custom_attribute_definitions`, (ctx, params) => {
    const { account } = scope(ctx, params)
    const raw = ctx.req.query.attribute_model
    const model = raw === undefined ? "conversation_attribute" : enumValue(ATTRIBUTE_MODELS, raw)
    const defs = [...ctx.store.state.customAttributeDefinitions.values()].filter(
      (d) => d.account_id === account.id && d.attribute_model === model
    )
    return json(200, defs.map(customAttributeDefinitionJson))
  })

  router.on("POST", `${A}/custom_attribute_definitions`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const input = unwrap(ctx.req.body, "custom_attribute_definition")
    const model = has(input, "attribute_model") ? enumValue(ATTRIBUTE_MODELS, input.attribute_model) : "conversation_attribute"
    if (!model) {
      throw errors.unprocessable(`'${String(input.attribute_model)}' is not a valid attribute_model`)
    }
    const now = ctx.store.now()
    const def: CustomAttributeDefinitionRecord = {
      id: 0,
      account_id: s.account.id,
      attribute_display_name: "",
      attribute_display_type: "text",
      attribute_description: null,
      attribute_key: str(input.attribute_key) ?? "",
      attribute_model: model,
      attribute_values: [],
      regex_pattern: null,
      regex_cue: null,
      default_value: null,
      created_at: now,
      updated_at: now,
    }
    applyDefinitionFields(def, input)
    const problems = definitionProblems(ctx, def)
    if (problems.length) throw errors.invalid(problems)
    def.id = ctx.store.nextId("customAttributeDefinition")
    ctx.store.state.customAttributeDefinitions.set(def.id, def)
    return json(200, customAttributeDefinitionJson(def))
  })

  router.on("GET", `${A}/custom_attribute_definitions/:id`, (ctx, params) => {
    const { account } = scope(ctx, params)
    return json(200, customAttributeDefinitionJson(scoped(ctx.store.state.customAttributeDefinitions, account.id, params.id)))
  })

  router.on("PATCH", `${A}/custom_attribute_definitions/:id`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const def = scoped(ctx.store.state.customAttributeDefinitions, s.account.id, params.id)
    const draft = structuredClone(def)
    applyDefinitionFields(draft, unwrap(ctx.req.body, "custom_attribute_definition"))
    const problems = definitionProblems(ctx, draft)
    if (problems.length) throw errors.invalid(problems)
    Object.assign(def, draft, { updated_at: ctx.store.now() })
    return json(200, customAttributeDefinitionJson(def))
  })

  router.on("DELETE", `${A}/custom_attribute_definitions/:id`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const def = scoped(ctx.store.state.customAttributeDefinitions, s.account.id, params.id)
    ctx.store.state.customAttributeDefinitions.delete(def.id)
    return { status: 204, empty: true }
  })

  // ---- teams (§3.6) ----
  router.on("GET", `${A}/teams`, (ctx, params) => {
    const { account } = scope(ctx, params)
    const teams = [...ctx.store.state.teams.values()].filter((t) => t.account_id === account.id)
    return json(200, teams.map((t) => teamJson(t)))
  })

  router.on("POST", `${A}/teams`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const input = unwrap(ctx.req.body, "team")
    const name = str(input.name)?.trim() ?? ""
    if (!name) throw errors.invalid([["name", "Name can't be blank"]])
    if ([...ctx.store.state.teams.values()].some((t) => t.account_id === s.account.id && t.name === name.toLowerCase())) {
      throw errors.invalid([["name", "Name has already been taken"]])
    }
    const now = ctx.store.now()
    const team: TeamRecord = {
      id: ctx.store.nextId("team"),
      account_id: s.account.id,
      // Team#before_validation downcases the name
      name: name.toLowerCase(),
      description: nullableStr(input.description),
      allow_auto_assign: bool(input.allow_auto_assign) ?? true,
      created_at: now,
      updated_at: now,
    }
    ctx.store.state.teams.set(team.id, team)
    return json(200, teamJson(team))
  })

  router.on("GET", `${A}/teams/:team_id`, (ctx, params) => {
    const { account } = scope(ctx, params)
    return json(200, teamJson(scoped(ctx.store.state.teams, account.id, params.team_id)))
  })

  router.on("PATCH", `${A}/teams/:team_id`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const team = scoped(ctx.store.state.teams, s.account.id, params.team_id)
    const input = unwrap(ctx.req.body, "team")
    if (has(input, "name")) team.name = (str(input.name) ?? team.name).toLowerCase()
    if (has(input, "description")) team.description = nullableStr(input.description)
    if (has(input, "allow_auto_assign")) team.allow_auto_assign = bool(input.allow_auto_assign) ?? team.allow_auto_assign
    team.updated_at = ctx.store.now()
    return json(200, teamJson(team))
  })

  router.on("DELETE", `${A}/teams/:team_id`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const team = scoped(ctx.store.state.teams, s.account.id, params.team_id)
    ctx.store.state.teams.delete(team.id)
    return { status: 200, empty: true }
  })

  // ---- labels (§3.6) ----
  router.on("GET", `${A}/labels`, (ctx, params) => {
    const { account } = scope(ctx, params)
    const labels = [...ctx.store.state.labels.values()].filter((l) => l.account_id === account.id)
    return json(200, { payload: labels.map(labelJson) })
  })

  router.on("POST", `${A}/labels`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const input = unwrap(ctx.req.body, "label")
    const title = (str(input.title) ?? "").toLowerCase()
    if (!title) throw errors.invalid([["title", "Title can't be blank"]])
    if (!/^[\p{L}\p{N}_-]+$/u.test(title)) throw errors.invalid([["title", "Title is invalid"]])
    if ([...ctx.store.state.labels.values()].some((l) => l.account_id === s.account.id && l.title === title)) {
      throw errors.invalid([["title", "Title has already been taken"]])
    }
    const now = ctx.store.now()
    const label: LabelRecord = {
      id: ctx.store.nextId("label"),
      account_id: s.account.id,
      title,
      description: nullableStr(input.description),
      color: str(input.color) ?? "#1f93ff",
      show_on_sidebar: bool(input.show_on_sidebar) ?? false,
      created_at: now,
      updated_at: now,
    }
    ctx.store.state.labels.set(label.id, label)
    return json(200, labelJson(label))
  })

  // ---- account webhooks (administrators) ----
  router.on("GET", `${A}/webhooks`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const webhooks = [...ctx.store.state.webhooks.values()].filter((w) => w.account_id === s.account.id)
    return json(200, { payload: { webhooks: webhooks.map((w) => webhookJson(ctx.store, w)) } })
  })

  router.on("POST", `${A}/webhooks`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const input = unwrap(ctx.req.body, "webhook")
    const candidate = { url: str(input.url) ?? "", subscriptions: stringList(input.subscriptions) ?? [] }
    const problems = webhookProblems(ctx, s.account.id, candidate)
    if (problems.length) throw errors.invalid(problems)
    const now = ctx.store.now()
    const inboxId = int(input.inbox_id)
    const webhook: WebhookRecord = {
      id: ctx.store.nextId("webhook"),
      account_id: s.account.id,
      url: candidate.url,
      name: nullableStr(input.name),
      subscriptions: candidate.subscriptions,
      secret: secureToken(),
      // stored and echoed, but does not filter deliveries (§3.8)
      inbox_id: inboxId !== undefined && ctx.store.inbox(s.account.id, inboxId) ? inboxId : null,
      created_at: now,
      updated_at: now,
    }
    ctx.store.state.webhooks.set(webhook.id, webhook)
    return json(200, { payload: { webhook: webhookJson(ctx.store, webhook) } })
  })

  router.on("PATCH", `${A}/webhooks/:webhook_id`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const webhook = scoped(ctx.store.state.webhooks, s.account.id, params.webhook_id)
    const input = unwrap(ctx.req.body, "webhook")
    const candidate = {
      url: has(input, "url") ? (str(input.url) ?? "") : webhook.url,
      subscriptions: has(input, "subscriptions") ? (stringList(input.subscriptions) ?? []) : webhook.subscriptions,
    }
    const problems = webhookProblems(ctx, s.account.id, candidate, webhook.id)
    if (problems.length) throw errors.invalid(problems)
    webhook.url = candidate.url
    webhook.subscriptions = candidate.subscriptions
    if (has(input, "name")) webhook.name = nullableStr(input.name)
    if (has(input, "inbox_id")) {
      const inboxId = int(input.inbox_id)
      webhook.inbox_id = inboxId !== undefined && ctx.store.inbox(s.account.id, inboxId) ? inboxId : null
    }
    webhook.updated_at = ctx.store.now()
    return json(200, { payload: { webhook: webhookJson(ctx.store, webhook) } })
  })

  router.on("DELETE", `${A}/webhooks/:webhook_id`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const webhook = scoped(ctx.store.state.webhooks, s.account.id, params.webhook_id)
    ctx.store.state.webhooks.delete(webhook.id)
    return { status: 200, empty: true }
  })

  // ---- dashboard apps: no Pundit policy, any account member (§3.9); index = bare array ----
  router.on("GET", `${A}/dashboard_apps`, (ctx, params) => {
    const { account } = scope(ctx, params)
    const apps = [...ctx.store.state.dashboardApps.values()].filter((a) => a.account_id === account.id)
    return json(200, apps.map(dashboardAppJson))
  })

  router.on("POST", `${A}/dashboard_apps`, (ctx, params) => {
    const s = scope(ctx, params)
    const input = unwrap(ctx.req.body, "dashboard_app")
    const title = str(input.title) ?? ""
    const content = dashboardContent(input.content)
    const problems: Array<[string, string]> = []
    if (!title.trim()) problems.push(["title", "Title can't be blank"])
    if (!content) problems.push(["content", "Content : Invalid data"])
    if (problems.length || !content) throw errors.invalid(problems)
    const now = ctx.store.now()
    const app: DashboardAppRecord = {
      id: ctx.store.nextId("dashboardApp"),
      account_id: s.account.id,
      user_id: s.user.id,
      title,
      content,
      created_at: now,
      updated_at: now,
    }
    ctx.store.state.dashboardApps.set(app.id, app)
    return json(200, dashboardAppJson(app))
  })

  router.on("GET", `${A}/dashboard_apps/:id`, (ctx, params) => {
    const { account } = scope(ctx, params)
    return json(200, dashboardAppJson(scoped(ctx.store.state.dashboardApps, account.id, params.id)))
  })

  router.on("PATCH", `${A}/dashboard_apps/:id`, (ctx, params) => {
    const { account } = scope(ctx, params)
    const app = scoped(ctx.store.state.dashboardApps, account.id, params.id)
    const input = unwrap(ctx.req.body, "dashboard_app")
    if (has(input, "title")) {
      const title = str(input.title) ?? ""
      if (!title.trim()) throw errors.invalid([["title", "Title can't be blank"]])
      app.title = title
    }
    if (has(input, "content")) {
      const content = dashboardContent(input.content)
      if (!content) throw errors.invalid([["content", "Content : Invalid data"]])
      app.content = content
    }
    app.updated_at = ctx.store.now()
    return json(200, dashboardAppJson(app))
  })

  router.on("DELETE", `${A}/dashboard_apps/:id`, (ctx, params) => {
    const { account } = scope(ctx, params)
    const app = scoped(ctx.store.state.dashboardApps, account.id, params.id)
    ctx.store.state.dashboardApps.delete(app.id)
    return { status: 204, empty: true }
  })
}
