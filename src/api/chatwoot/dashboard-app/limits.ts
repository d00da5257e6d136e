import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PostgresRateLimitStore, type SqlConnection } from "../../../modules/chatwoot/store/rate-limit"
import { clientKeyOf, consumeAll, tooManyRequests } from "../../rate-limits"

/**
 * Middleware on the dashboard-app API: a per-client ceiling taken before the
 * secret is even looked up (bounds secret guessing and lookups).
 */
export async function rateLimitDashboardAppClients(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const limited = await consumeAll([["dashboard_ip", clientKeyOf(req)]])
  if (!limited.allowed) return tooManyRequests(res, limited.retryAfterMs)
  next()
}

/**
 * Per-account ceiling of the dashboard-app API, taken as soon as the secret
 * has named the account: every request counts against `dashboard_account`,
 * order actions also against `dashboard_action`. Answers 429 and returns
 * false when the account is over it.
 */
export async function withinDashboardAccountLimit(
  res: MedusaResponse,
  accountId: string,
  kind: "data" | "action"
): Promise<boolean> {
  const limited = await consumeAll([
    ["dashboard_account", accountId],
    ...(kind === "action" ? ([["dashboard_action", accountId]] as ["dashboard_action", string][]) : []),
  ])
  if (limited.allowed) return true
  tooManyRequests(res, limited.retryAfterMs)
  return false
}

/** Minimum time between two confirmation resends of one order (`CHATWOOT_RESEND_CONFIRMATION_INTERVAL_S`, default 600 s). */
export function resendConfirmationIntervalMs() {
  const value = Number(process.env.CHATWOOT_RESEND_CONFIRMATION_INTERVAL_S)
  return (Number.isFinite(value) && value > 0 ? Math.floor(value) : 600) * 1000
}

/**
 * Takes the order's one resend per interval. Kept in Postgres (table
 * `chatwoot_rate_limit`, row-locked per order), so the throttle holds across
 * restarts and across every Medusa process; parallel resends of one order
 * get one grant. Returns when the next resend is allowed, or null when granted.
 */
export async function takeOrderResend(container: MedusaContainer, orderId: string): Promise<number | null> {
  const store = new PostgresRateLimitStore(container.resolve<SqlConnection>(ContainerRegistrationKeys.PG_CONNECTION))
  const now = Date.now()
  const grant = await store.acquire(`dashboard-resend-confirmation:${orderId}`, now, 1, resendConfirmationIntervalMs())
  return grant.granted ? null : Math.max(1, grant.retryAt - now)
}
