/** Platform API (`/platform/api/v1`). */
import { platformAccount, requirePermissible, requirePlatform, type RouteContext } from "../context"
import { empty, errors, json, type Router } from "../http"
import { accountUserJson, platformAccountJson, userJson } from "../serializers"
import { DEFAULT_FEATURES } from "../store"
import type { AccountRecord, AccountRole, UserRecord } from "../types"
import { has, int, isObject, nullableStr, obj, secureToken, str } from "../util"

const P = "/platform/api/v1"

const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/
const KNOWN_FEATURES = new Set(Object.keys(DEFAULT_FEATURES))

/** Devise + secure_password rules Chatwoot enforces on user passwords. */
export function passwordProblems(password: string): string[] {
  const problems: string[] = []
  if (password.length < 6 || password.length > 128) {
    problems.push("Password is too short (minimum is 6 characters)")
  }
  if (!/[A-Z]/.test(password) || !/[a-z]/.test(password) || !/\d/.test(password) || !/[^A-Za-z0-9]/.test(password)) {
    problems.push(
      "Password should contain atleast 1 uppercase letter, 1 lowercase letter, 1 number and 1 special character"
    )
  }
  return problems
}

function applyAccountFields(account: AccountRecord, body: Record<string, unknown>): void {
  if (has(body, "name")) {
    const name = str(body.name)
    if (!name || !name.trim()) {
      throw errors.railsUnprocessable()
    }
    account.name = name
  }
  if (has(body, "locale")) {
    account.locale = str(body.locale) ?? account.locale
  }
  if (has(body, "domain")) {
    const domain = nullableStr(body.domain)
    if (domain !== null && domain.length > 100) {
      throw errors.railsUnprocessable()
    }
    account.domain = domain
  }
  if (has(body, "support_email")) {
    const email = nullableStr(body.support_email)
    if (email !== null && !EMAIL_RE.test(email)) {
      throw errors.railsUnprocessable()
    }
    account.support_email = email
  }
  if (has(body, "status")) {
    const status = str(body.status)
    if (status !== "active" && status !== "suspended") {
      // Rails enum assignment with an unknown value raises ArgumentError → 500
      throw errors.railsServerError()
    }
    account.status = status
  }
  if (has(body, "limits")) {
    account.limits = obj(body.limits) ?? {}
  }
  if (has(body, "custom_attributes")) {
    account.custom_attributes = obj(body.custom_attributes) ?? {}
  }
  if (has(body, "features")) {
    const features = obj(body.features) ?? {}
    for (const [name, value] of Object.entries(features)) {
      if (!KNOWN_FEATURES.has(name)) {
        // feature_<name>= → NoMethodError → 500 (Platform accounts controller)
        throw errors.railsServerError()
      }
      account.features[name] = value === true || value === "true" || value === 1 || value === "1"
    }
  }
}

function platformUser(ctx: RouteContext, rawId: string): UserRecord {
  const id = int(rawId)
  const user = id === undefined ? undefined : ctx.store.state.users.get(id)
  if (!user) {
    throw errors.railsNotFound()
  }
  requirePermissible(ctx, "User", user.id)
  return user
}

function body(ctx: RouteContext): Record<string, unknown> {
  return isObject(ctx.req.body) ? ctx.req.body : {}
}

export function registerPlatformRoutes(router: Router<RouteContext>): void {
  // GET /accounts: the app's accounts (not in the OpenAPI spec)
  router.on("GET", `${P}/accounts`, (ctx) => {
    requirePlatform(ctx)
    const accounts = [...ctx.store.state.accounts.values()].filter((a) =>
      ctx.store.state.platformPermissibles.has(`Account:${a.id}`)
    )
    return json(200, accounts.map(platformAccountJson))
  })

  // POST /accounts: not idempotent: every call makes a new account
  router.on("POST", `${P}/accounts`, (ctx) => {
    requirePlatform(ctx)
    const input = body(ctx)
    const name = str(input.name)
    if (!name || !name.trim()) {
      throw errors.railsUnprocessable()
    }
    const account = ctx.store.createAccount({ name }, true)
    try {
      applyAccountFields(account, input)
    } catch (err) {
      ctx.store.state.accounts.delete(account.id)
      ctx.store.state.platformPermissibles.delete(`Account:${account.id}`)
      throw err
    }
    return json(200, platformAccountJson(account))
  })

  router.on("GET", `${P}/accounts/:account_id`, (ctx, params) => {
    requirePlatform(ctx)
    return json(200, platformAccountJson(platformAccount(ctx, params.account_id)))
  })

  router.on("PATCH", `${P}/accounts/:account_id`, (ctx, params) => {
    requirePlatform(ctx)
    const account = platformAccount(ctx, params.account_id)
    const before = structuredClone(account)
    try {
      applyAccountFields(account, body(ctx))
    } catch (err) {
      Object.assign(account, before)
      throw err
    }
    account.updated_at = ctx.store.now()
    return json(200, platformAccountJson(account))
  })

  // DELETE /accounts/{id}: Chatwoot enqueues DeleteObjectJob; the sandbox deletes at once
  router.on("DELETE", `${P}/accounts/:account_id`, (ctx, params) => {
    requirePlatform(ctx)
    const account = platformAccount(ctx, params.account_id)
    deleteAccount(ctx, account.id)
    return empty(200)
  })

  router.on("GET", `${P}/accounts/:account_id/account_users`, (ctx, params) => {
    requirePlatform(ctx)
    const account = platformAccount(ctx, params.account_id)
    const records = [...ctx.store.state.accountUsers.values()].filter((au) => au.account_id === account.id)
    return json(200, records.map(accountUserJson))
  })

  // POST account_users: find-or-initialize by user, then update the role (idempotent)
  router.on("POST", `${P}/accounts/:account_id/account_users`, (ctx, params) => {
    requirePlatform(ctx)
    const account = platformAccount(ctx, params.account_id)
    const input = body(ctx)
    const userId = int(input.user_id)
    const user = userId === undefined ? undefined : ctx.store.state.users.get(userId)
    if (!user) {
      throw errors.railsNotFound()
    }
    const role = (str(input.role) ?? "agent") as AccountRole
    if (role !== "administrator" && role !== "agent") {
      throw errors.railsServerError()
    }
    const record = ctx.store.upsertAccountUser(account.id, user.id, role)
    return json(200, accountUserJson(record))
  })

  // DELETE account_users: { user_id } in the body, not the path
  router.on("DELETE", `${P}/accounts/:account_id/account_users`, (ctx, params) => {
    requirePlatform(ctx)
    const account = platformAccount(ctx, params.account_id)
    const userId = int(body(ctx).user_id)
    const record = userId === undefined ? undefined : ctx.store.accountUser(account.id, userId)
    if (!record) {
      throw errors.railsNotFound()
    }
    ctx.store.state.accountUsers.delete(record.id)
    return empty(200)
  })

  // POST /users: idempotent by e-mail (returns the existing user, ignores name/password)
  router.on("POST", `${P}/users`, (ctx) => {
    requirePlatform(ctx)
    const input = body(ctx)
    const email = str(input.email)?.trim().toLowerCase()
    if (email) {
      const existing = ctx.store.userByEmail(email)
      if (existing) {
        ctx.store.state.platformPermissibles.add(`User:${existing.id}`)
        return json(200, userJson(ctx.store, existing))
      }
    }
    const name = str(input.name)
    const password = str(input.password)
    if (!email || !EMAIL_RE.test(email) || !name || !name.trim() || !password || passwordProblems(password).length) {
      throw errors.railsUnprocessable()
    }
    const user = ctx.store.createUser(
      {
        name,
        email,
        display_name: nullableStr(input.display_name),
        custom_attributes: obj(input.custom_attributes) ?? {},
      },
      true
    )
    return json(200, userJson(ctx.store, user))
  })

  router.on("GET", `${P}/users/:id`, (ctx, params) => {
    requirePlatform(ctx)
    return json(200, userJson(ctx.store, platformUser(ctx, params.id)))
  })

  // PATCH /users/{id}: custom_attributes merged; e-mail change skips reconfirmation
  router.on("PATCH", `${P}/users/:id`, (ctx, params) => {
    requirePlatform(ctx)
    const user = platformUser(ctx, params.id)
    const input = body(ctx)
    if (has(input, "email")) {
      const email = str(input.email)?.trim().toLowerCase()
      const clash = email ? ctx.store.userByEmail(email) : undefined
      if (!email || !EMAIL_RE.test(email) || (clash && clash.id !== user.id)) {
        throw errors.railsUnprocessable()
      }
      user.email = email
    }
    if (has(input, "password")) {
      const password = str(input.password) ?? ""
      if (passwordProblems(password).length) {
        throw errors.railsUnprocessable()
      }
    }
    if (has(input, "name")) {
      const name = str(input.name)
      if (!name || !name.trim()) {
        throw errors.railsUnprocessable()
      }
      user.name = name
    }
    if (has(input, "display_name")) {
      user.display_name = nullableStr(input.display_name)
    }
    if (has(input, "custom_attributes")) {
      user.custom_attributes = { ...user.custom_attributes, ...(obj(input.custom_attributes) ?? {}) }
    }
    user.updated_at = ctx.store.now()
    return json(200, userJson(ctx.store, user))
  })

  router.on("DELETE", `${P}/users/:id`, (ctx, params) => {
    requirePlatform(ctx)
    const user = platformUser(ctx, params.id)
    ctx.store.state.users.delete(user.id)
    for (const au of ctx.store.accountUsersOf(user.id)) {
      ctx.store.state.accountUsers.delete(au.id)
    }
    ctx.store.state.platformPermissibles.delete(`User:${user.id}`)
    return empty(200)
  })

  // one-time SSO link, valid 5 minutes in Chatwoot
  router.on("GET", `${P}/users/:id/login`, (ctx, params) => {
    requirePlatform(ctx)
    const user = platformUser(ctx, params.id)
    const url = new URL("/app/login", ctx.baseUrl)
    url.searchParams.set("email", user.email)
    url.searchParams.set("sso_auth_token", secureToken(32))
    return json(200, { url: url.toString() })
  })

  // POST /users/{id}/token (not in the OpenAPI spec): the user's access token
  router.on("POST", `${P}/users/:id/token`, (ctx, params) => {
    requirePlatform(ctx)
    const user = platformUser(ctx, params.id)
    return json(200, {
      access_token: user.access_token,
      expiry: null,
      user: {
        id: user.id,
        name: user.name,
        display_name: user.display_name,
        email: user.email,
        pubsub_token: user.pubsub_token,
      },
    })
  })
}

/** Remove an account and everything scoped to it. */
export function deleteAccount(ctx: { store: RouteContext["store"] }, accountId: number): void {
  const s = ctx.store.state
  s.accounts.delete(accountId)
  s.platformPermissibles.delete(`Account:${accountId}`)
  const inboxIds = new Set<number>()
  for (const [id, inbox] of s.inboxes) {
    if (inbox.account_id === accountId) {
      inboxIds.add(id)
      s.inboxes.delete(id)
    }
  }
  const contactIds = new Set<number>()
  for (const [id, contact] of s.contacts) {
    if (contact.account_id === accountId) {
      contactIds.add(id)
      s.contacts.delete(id)
    }
  }
  for (const [id, ci] of s.contactInboxes) {
    if (inboxIds.has(ci.inbox_id) || contactIds.has(ci.contact_id)) {
      s.contactInboxes.delete(id)
    }
  }
  const scoped = [s.accountUsers, s.conversations, s.messages, s.webhooks, s.dashboardApps, s.customAttributeDefinitions, s.teams, s.labels] as Array<
    Map<number, { account_id: number }>
  >
  for (const map of scoped) {
    for (const [id, record] of map) {
      if (record.account_id === accountId) {
        map.delete(id)
      }
    }
  }
}
