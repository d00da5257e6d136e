import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { authenticateDashboardApp, resolveDashboardSubject } from "../../helpers"
import { loadDashboardContext } from "../../context"
import type { DashboardAppContextQueryType } from "../../validators"

/**
 * GET /chatwoot/dashboard-app/api/context?contact_id&conversation_id&page —
 * the customer, a page of orders, the open cart and the allowed actions for
 * the contact of a conversation, scoped to the account of the secret header.
 */
export const GET = async (req: MedusaRequest<unknown, DashboardAppContextQueryType>, res: MedusaResponse) => {
  const scope = await authenticateDashboardApp(req)
  const q = req.validatedQuery as DashboardAppContextQueryType
  const subject = await resolveDashboardSubject(req.scope, scope, q)
  res.setHeader("Cache-Control", "no-store")
  res.json(await loadDashboardContext(req.scope, scope, subject, q.page))
}
