import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { authenticateDashboardApp, resolveDashboardSubject } from "../../helpers"
import { loadDashboardContext } from "../../context"
import type { DashboardAppContextQueryType } from "../../validators"
import { withinDashboardAccountLimit } from "../../limits"

/**
 * GET /chatwoot/dashboard-app/api/context?contact_id&conversation_id&page —
 * the customer, a page of orders, the open cart and the allowed actions for
 * the contact of a conversation, scoped to the account of the secret header.
 */
export const GET = async (req: MedusaRequest<unknown, DashboardAppContextQueryType>, res: MedusaResponse) => {
  const started = process.hrtime.bigint()
  const scope = await authenticateDashboardApp(req)
  if (!(await withinDashboardAccountLimit(res, scope.account.id, "data"))) return
  const authenticated = process.hrtime.bigint()
  const q = req.validatedQuery as DashboardAppContextQueryType
  const subject = await resolveDashboardSubject(req.scope, scope, q)
  const resolved = process.hrtime.bigint()
  const timings: Record<string, number> = {}
  const context = await loadDashboardContext(req.scope, scope, subject, q.page, timings)
  res.setHeader("Cache-Control", "no-store")
  // the route's own time (auth, scoping, Medusa reads), for npm run bench:dashboard and browser dev tools
  const ms = (from: bigint, to: bigint) => (Number(to - from) / 1e6).toFixed(1)
  res.setHeader(
    "Server-Timing",
    [
      `context;dur=${ms(started, process.hrtime.bigint())}`,
      `auth;dur=${ms(started, authenticated)}`,
      `scope;dur=${ms(authenticated, resolved)}`,
      ...Object.entries(timings).map(([name, dur]) => `${name};dur=${dur.toFixed(1)}`),
    ].join(", ")
  )
  res.json(context)
}
