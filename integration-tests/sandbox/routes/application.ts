/** Application API (`/api/v1/accounts/{account_id}/…`, `/api/v1/profile`). */
import { requireAdmin, requireUser, type RouteContext } from "../context"
import { empty, errors, json, type Router } from "../http"
import { agentJson, userJson } from "../serializers"
import { has, str, unwrap, type JsonObject } from "../util"
import { A, scope } from "./shared"
import { registerContactRoutes } from "./contacts"
import { registerConversationRoutes } from "./conversations"
import { registerInboxRoutes } from "./inboxes"
import { registerCustomAttributeRoutes } from "./custom-attributes"
import { registerTeamAndLabelRoutes } from "./teams-labels"
import { registerAccountWebhookRoutes } from "./account-webhooks"
import { registerDashboardAppRoutes } from "./dashboard-apps"

export { WEBHOOK_EVENTS } from "./account-webhooks"

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
  registerCustomAttributeRoutes(router)
  registerTeamAndLabelRoutes(router)
  registerAccountWebhookRoutes(router)
  registerDashboardAppRoutes(router)
}
