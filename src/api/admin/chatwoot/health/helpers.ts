import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../../../../modules/chatwoot"
import type ChatwootModuleService from "../../../../modules/chatwoot/service"
import { withHealth } from "../accounts/helpers"

const DAY_MS = 24 * 60 * 60 * 1000
/** Sync lag above which the page warns (the target is seconds). */
const LAG_WARNING_SECONDS = 300

type Warning = { code: string; message: string }

/**
 * Health of every account: status and credentials, last
 * successful call, sync lag and queue rows, recent 429/5xx from the client's
 * counters, webhook deliveries accepted/rejected in the last 24 h, HMAC
 * enforcement per storefront, and warnings an admin can act on.
 */
export async function chatwootHealth(container: MedusaContainer, now: Date = new Date()) {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const since = new Date(now.getTime() - DAY_MS)
  const rows = await chatwoot.listChatwootAccounts({}, { select: ["id", "name", "status", "chatwoot_account_id", "mode"], order: { created_at: "ASC" } })
  const withBase = await withHealth(container, rows.map((r) => ({ ...r })))
  const channelIds = [...new Set((await chatwoot.listChatwootStorefronts({}, { select: ["sales_channel_id"] })).map((s) => s.sales_channel_id))]
  const { data: channels } = channelIds.length
    ? await query.graph({ entity: "sales_channel", fields: ["id", "name"], filters: { id: channelIds } })
    : { data: [] as { id: string; name: string }[] }
  const channelName = new Map((channels as { id: string; name: string }[]).map((c) => [c.id, c.name]))
  const metrics = chatwoot.getClient().metrics

  const accounts = await Promise.all(
    withBase.map(async (account) => {
      const health = (account as unknown as { health: Record<string, any> }).health
      // delivery rows are aggregates (a refusal row counts `hits` refusals): summed, not counted
      const [sync, deliveries, lastAccepted, conversations, open] = await Promise.all([
        chatwoot.syncQueueStats({ account_id: account.id, failed_limit: 20, now }),
        chatwoot.webhookDeliveryStats({ account_id: account.id, since }),
        chatwoot.listChatwootWebhookDeliveries({ account_id: account.id, outcome: "accepted" }, { take: 1, order: { created_at: "DESC" }, select: ["created_at"] }),
        chatwoot.listAndCountChatwootConversations({ account_id: account.id }, { take: 1, select: ["id"] }),
        chatwoot.listAndCountChatwootConversations({ account_id: account.id, status: "open" }, { take: 1, select: ["id"] }),
      ])
      const calls = account.chatwoot_account_id ? metrics.counts(account.chatwoot_account_id, DAY_MS) : metrics.counts(-1)
      const lastSuccess = [calls.last_success_at, health.last_success_at ? new Date(health.last_success_at) : null]
        .filter((d): d is Date => Boolean(d))
        .sort((a, b) => b.getTime() - a.getTime())[0] ?? null
      const storefronts = (health.storefronts as { sales_channel_id: string; enabled: boolean; website_inbox: boolean; hmac_enforced: boolean }[]).map((s) => ({
        ...s,
        name: channelName.get(s.sales_channel_id) ?? s.sales_channel_id,
      }))
      const webhooks = {
        accepted_24h: deliveries.accepted,
        rejected_24h: deliveries.rejected,
        duplicate_24h: deliveries.duplicate,
        last_accepted_at: lastAccepted[0]?.created_at ?? null,
      }
      const warnings: Warning[] = []
      if (account.status !== "active") {
        warnings.push({ code: `account_${account.status}`, message: `The account is ${account.status}${health.last_error ? `: ${health.last_error}` : ""}` })
      }
      if (health.webhook !== "signed") {
        warnings.push({ code: "webhook_missing", message: "The account webhook is missing or unsigned: run Retry to recreate it" })
      }
      if (!health.dashboard_app) {
        warnings.push({ code: "dashboard_app_missing", message: "The agent dashboard app is not installed: run Retry" })
      }
      const lastWebhookAt = webhooks.last_accepted_at ? new Date(webhooks.last_accepted_at) : null
      if (conversations[1] > 0 && (!lastWebhookAt || lastWebhookAt < since)) {
        warnings.push({
          code: "no_webhooks",
          message: `No webhook received for a day although ${conversations[1]} conversation(s) exist: check the webhook in Chatwoot (URL reachable, SafeFetch allows private networks)`,
        })
      }
      if (webhooks.rejected_24h > 0) {
        warnings.push({ code: "webhooks_rejected", message: `${webhooks.rejected_24h} webhook deliveries were rejected in the last 24 h (bad signature or stale timestamp)` })
      }
      if (sync.counts.failed > 0) {
        warnings.push({ code: "sync_failed", message: `${sync.counts.failed} change(s) could not be sent to Chatwoot: replay them once the cause is fixed` })
      }
      if (sync.lag_seconds > LAG_WARNING_SECONDS) {
        warnings.push({ code: "sync_lag", message: `The oldest pending change waits for ${Math.round(sync.lag_seconds / 60)} min` })
      }
      if (calls.rate_limited > 0 || calls.server_errors > 0) {
        warnings.push({
          code: "chatwoot_errors",
          message: `Chatwoot answered ${calls.rate_limited} time(s) 429 and ${calls.server_errors} time(s) 5xx in the last 24 h`,
        })
      }
      for (const s of storefronts) {
        if (s.enabled && !s.hmac_enforced) {
          warnings.push({ code: "hmac_not_enforced", message: `${s.name}: identity verification (HMAC) is not enforced on the website inbox` })
        }
      }
      return {
        id: account.id,
        name: account.name,
        status: account.status,
        mode: account.mode,
        chatwoot_account_id: account.chatwoot_account_id,
        ok: warnings.length === 0,
        last_success_at: lastSuccess,
        last_error: health.last_error ?? null,
        webhook: health.webhook,
        dashboard_app: health.dashboard_app,
        storefronts,
        sync: { counts: sync.counts, lag_seconds: sync.lag_seconds, oldest_pending_at: sync.oldest_pending_at, failed: sync.failed },
        calls_24h: {
          calls: calls.calls,
          rate_limited: calls.rate_limited,
          server_errors: calls.server_errors,
          network_errors: calls.network_errors,
        },
        webhooks,
        conversations: { total: conversations[1], open: open[1] },
        warnings,
      }
    })
  )
  return { generated_at: now, ok: accounts.every((a) => a.ok), accounts }
}
