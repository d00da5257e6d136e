/** Application API: account webhooks (administrators). */
import { requireAdmin, type RouteContext } from "../context"
import { empty, errors, json, type Router } from "../http"
import { webhookJson } from "../serializers"
import type { WebhookRecord } from "../types"
import { has, int, nullableStr, secureToken, str, unwrap } from "../util"
import { A, scope, scoped } from "./shared"

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

export function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.map((v) => String(v)) : undefined
}

export function registerAccountWebhookRoutes(router: Router<RouteContext>): void {
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
      // stored and echoed, but does not filter deliveries
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
}
