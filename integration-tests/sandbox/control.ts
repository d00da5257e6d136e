/**
 * `/__sandbox/*` control endpoints (JSON) so a standalone sandbox can be driven over HTTP (demo,
 * manual testing). They bypass faults and are never written to the request log.
 */
import { HttpError, json, type Router, type SandboxRequest } from "./http"
import { messageJson } from "./serializers"
import type { Store } from "./store"
import type { FaultMatch, Sandbox } from "./types"
import { int, isObject, obj, str } from "./util"

export interface ControlContext {
  req: SandboxRequest
  sandbox: Sandbox
}

function body(ctx: ControlContext): Record<string, unknown> {
  return isObject(ctx.req.body) ? ctx.req.body : {}
}

function requireInt(input: Record<string, unknown>, key: string): number {
  const value = int(input[key])
  if (value === undefined) {
    throw new HttpError(400, { error: `${key} (integer) is required` })
  }
  return value
}

function num(input: Record<string, unknown>, ...keys: string[]): number | undefined {
  for (const key of keys) {
    const value = input[key]
    if (typeof value === "number" && Number.isFinite(value)) {
      return value
    }
  }
  return undefined
}

/** `{ method?, path?, path_regex? }` → FaultMatch */
function faultMatch(input: Record<string, unknown>): FaultMatch | undefined {
  const raw = obj(input.match)
  if (!raw) return undefined
  const regex = str(raw.path_regex) ?? str(raw.pathRegex)
  let path: string | RegExp | undefined = str(raw.path)
  if (regex !== undefined) {
    try {
      path = new RegExp(regex)
    } catch {
      throw new HttpError(400, { error: `match.path_regex is not a valid RegExp: ${regex}` })
    }
  }
  return { method: str(raw.method), path }
}

export function stateSummary(sandbox: Sandbox) {
  const s = sandbox.state
  const count = <T extends { account_id: number }>(map: Map<number, T>, accountId: number) =>
    [...map.values()].filter((r) => r.account_id === accountId).length
  return {
    url: sandbox.url,
    auto_webhooks: sandbox.autoWebhooks,
    faults: sandbox.faultState(),
    counts: {
      accounts: s.accounts.size,
      users: s.users.size,
      account_users: s.accountUsers.size,
      inboxes: s.inboxes.size,
      contacts: s.contacts.size,
      contact_inboxes: s.contactInboxes.size,
      conversations: s.conversations.size,
      messages: s.messages.size,
      webhooks: s.webhooks.size,
      dashboard_apps: s.dashboardApps.size,
      custom_attribute_definitions: s.customAttributeDefinitions.size,
      teams: s.teams.size,
      labels: s.labels.size,
      requests: sandbox.requests.length,
      webhook_deliveries: sandbox.deliveries.length,
    },
    accounts: [...s.accounts.values()].map((account) => ({
      id: account.id,
      name: account.name,
      status: account.status,
      platform_owned: s.platformPermissibles.has(`Account:${account.id}`),
      users: [...s.accountUsers.values()]
        .filter((au) => au.account_id === account.id)
        .map((au) => ({ user_id: au.user_id, role: au.role, email: s.users.get(au.user_id)?.email ?? null })),
      inboxes: [...s.inboxes.values()]
        .filter((i) => i.account_id === account.id)
        .map((i) => ({
          id: i.id,
          name: i.name,
          channel: i.channel.type,
          website_token: i.channel.type === "web_widget" ? i.channel.website_token : undefined,
          inbox_identifier: i.channel.type === "api" ? i.channel.identifier : undefined,
        })),
      webhooks: [...s.webhooks.values()]
        .filter((w) => w.account_id === account.id)
        // the signing secret, as Chatwoot's webhook API shows it to administrators (benchmarks sign with it)
        .map((w) => ({ id: w.id, url: w.url, subscriptions: w.subscriptions, secret: w.secret })),
      dashboard_apps: count(s.dashboardApps, account.id),
      contacts: count(s.contacts, account.id),
      conversations: count(s.conversations, account.id),
      messages: count(s.messages, account.id),
    })),
  }
}

export function registerControlRoutes(router: Router<ControlContext>, sandbox: Sandbox, store: Store): void {
  router.on("GET", "/__sandbox/state", () => json(200, stateSummary(sandbox)))

  router.on("GET", "/__sandbox/requests", (ctx) => {
    const since = int(ctx.req.query.since) ?? 0
    return json(200, { requests: sandbox.requests.filter((r) => r.id > since) })
  })

  router.on("DELETE", "/__sandbox/requests", () => {
    sandbox.clearLog()
    return json(200, { ok: true })
  })

  router.on("GET", "/__sandbox/deliveries", () => json(200, { deliveries: sandbox.deliveries }))

  /** Conversations (optionally `?account_id=`), each with its contact and messages: what an agent would see. */
  router.on("GET", "/__sandbox/conversations", (ctx) => {
    const accountId = int(ctx.req.query.account_id)
    const s = sandbox.state
    const conversations = [...s.conversations.values()]
      .filter((c) => accountId === undefined || c.account_id === accountId)
      .map((c) => {
        const contact = s.contacts.get(c.contact_id)
        return {
          account_id: c.account_id,
          id: c.display_id,
          inbox_id: c.inbox_id,
          status: c.status,
          priority: c.priority,
          team_id: c.team_id,
          labels: c.labels,
          custom_attributes: c.custom_attributes,
          contact: contact
            ? { id: contact.id, name: contact.name, email: contact.email, identifier: contact.identifier }
            : null,
          messages: [...s.messages.values()]
            .filter((m) => m.conversation_id === c.id)
            .map((m) => ({ id: m.id, content: m.content, message_type: m.message_type, private: m.private })),
        }
      })
    return json(200, { conversations })
  })

  /**
   * Body keys (snake_case; camelCase also accepted): latency_ms, rate_limit {retry_after_seconds,
   * retry_after_date, requests, for_ms, match}, server_error {status, requests, match}, timeout
   * {requests, match}, outage {for_ms}, clear (true = clear everything first); match =
   * {method?, path? (exact), path_regex?}.
   */
  router.on("POST", "/__sandbox/faults", (ctx) => {
    const input = body(ctx)
    if (input.clear === true) {
      sandbox.faults.clear()
    }
    const latency = num(input, "latency_ms", "latencyMs", "latency")
    if (latency !== undefined) {
      sandbox.faults.latency(latency)
    }
    const rateLimit = obj(input.rate_limit) ?? obj(input.rateLimit)
    if (rateLimit) {
      const date = str(rateLimit.retry_after_date) ?? str(rateLimit.retryAfterDate)
      sandbox.faults.rateLimit({
        retryAfterSeconds: num(rateLimit, "retry_after_seconds", "retryAfterSeconds"),
        retryAfterDate: date ? new Date(date) : undefined,
        requests: num(rateLimit, "requests"),
        forMs: num(rateLimit, "for_ms", "forMs"),
        match: faultMatch(rateLimit),
      })
    }
    const serverError = obj(input.server_error) ?? obj(input.serverError)
    if (serverError) {
      const status = num(serverError, "status")
      if (status !== undefined && ![500, 502, 503, 504].includes(status)) {
        throw new HttpError(400, { error: "server_error.status must be 500, 502, 503 or 504" })
      }
      sandbox.faults.serverError({
        status: status as 500 | 502 | 503 | 504 | undefined,
        requests: num(serverError, "requests"),
        match: faultMatch(serverError),
      })
    }
    const timeout = obj(input.timeout)
    if (timeout) {
      sandbox.faults.timeout({ requests: num(timeout, "requests"), match: faultMatch(timeout) })
    }
    // Chatwoot's per-minute throttle (rack-attack); null or 0 switches it off
    if (input.rate_limit_per_minute !== undefined) {
      const perMinute = input.rate_limit_per_minute === null ? 0 : Number(input.rate_limit_per_minute)
      if (!Number.isInteger(perMinute) || perMinute < 0) {
        throw new HttpError(400, { error: "rate_limit_per_minute must be a whole number ≥ 0" })
      }
      sandbox.faults.ratePerMinute(perMinute || null)
    }
    const outage = obj(input.outage)
    if (outage) {
      const forMs = num(outage, "for_ms", "forMs")
      if (forMs === undefined) {
        throw new HttpError(400, { error: "outage.for_ms is required" })
      }
      sandbox.faults.outage({ forMs })
    }
    return json(200, { faults: sandbox.faultState(), rate_limit_per_minute: sandbox.faults.ratePerMinuteLimit })
  })

  router.on("POST", "/__sandbox/reset", () => {
    sandbox.reset()
    return json(200, { ok: true })
  })

  router.on("POST", "/__sandbox/auto-webhooks", (ctx) => {
    sandbox.autoWebhooks = body(ctx).enabled !== false
    return json(200, { auto_webhooks: sandbox.autoWebhooks })
  })

  /** { account_id, event, payload, sign?, timestamp?, delivery_id? } → per-endpoint results */
  router.on("POST", "/__sandbox/webhook", async (ctx) => {
    const input = body(ctx)
    const accountId = requireInt(input, "account_id")
    const event = str(input.event)
    if (!event) {
      throw new HttpError(400, { error: "event is required" })
    }
    const results = await sandbox.sendWebhook(accountId, event, obj(input.payload) ?? {}, {
      sign: input.sign !== false,
      timestamp: int(input.timestamp),
      deliveryId: str(input.delivery_id),
    })
    return json(200, { results })
  })

  /** { account_id, conversation_id (display id), content, private?, user_id? } → message JSON */
  router.on("POST", "/__sandbox/agent-reply", (ctx) => {
    const input = body(ctx)
    const content = str(input.content)
    if (!content) {
      throw new HttpError(400, { error: "content is required" })
    }
    const message = sandbox.agentReply({
      accountId: requireInt(input, "account_id"),
      conversationId: requireInt(input, "conversation_id"),
      content,
      private: input.private === true,
      userId: int(input.user_id),
    })
    return json(200, messageJson(store, message))
  })

  /** { website_token, identifier?, identifier_hash?, email?, name?, phone_number?, content? } → { contact_id, source_id, hmac_verified, conversation_id } */
  router.on("POST", "/__sandbox/widget-visitor", (ctx) => {
    const input = body(ctx)
    const websiteToken = str(input.website_token)
    if (!websiteToken) {
      throw new HttpError(400, { error: "website_token is required" })
    }
    return json(
      200,
      sandbox.widgetVisitor({
        websiteToken,
        identifier: str(input.identifier),
        identifierHash: str(input.identifier_hash),
        email: str(input.email),
        name: str(input.name),
        phoneNumber: str(input.phone_number),
        content: str(input.content),
      })
    )
  })

  /** { name?, email? } → { account_id, user_id, access_token } (link-mode setup for the demo) */
  router.on("POST", "/__sandbox/account-with-admin", (ctx) => {
    const input = body(ctx)
    const created = sandbox.createAccountWithAdmin({ name: str(input.name), email: str(input.email) })
    return json(200, { account_id: created.accountId, user_id: created.userId, access_token: created.accessToken })
  })
}
