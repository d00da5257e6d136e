import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { authenticateDashboardApp, resolveDashboardSubject } from "../../helpers"
import { loadOrdersPage } from "../../views/orders"
import type { DashboardAppContextQueryType } from "../../validators"
import { withinDashboardAccountLimit } from "../../limits"

/** GET /chatwoot/dashboard-app/api/orders?contact_id&conversation_id&page — one more page of the contact's orders. */
export const GET = async (req: MedusaRequest<unknown, DashboardAppContextQueryType>, res: MedusaResponse) => {
  const scope = await authenticateDashboardApp(req)
  if (!(await withinDashboardAccountLimit(res, scope.account.id, "data"))) return
  const q = req.validatedQuery as DashboardAppContextQueryType
  const subject = await resolveDashboardSubject(req.scope, scope, q)
  res.setHeader("Cache-Control", "no-store")
  res.json({ orders: await loadOrdersPage(req.scope, scope, subject, q.page) })
}
