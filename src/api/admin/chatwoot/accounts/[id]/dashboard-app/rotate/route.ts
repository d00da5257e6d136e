import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rotateChatwootDashboardAppSecretWorkflow } from "../../../../../../../workflows/account/workflows"

/**
 * POST /admin/chatwoot/accounts/:id/dashboard-app/rotate — a new secret for
 * the account's dashboard app: its URL in Chatwoot is updated and the old
 * secret stops working. The secret itself is never returned.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await rotateChatwootDashboardAppSecretWorkflow(req.scope).run({
    input: { account_id: req.params.id },
  })
  res.json({ account_id: req.params.id, dashboard_app_id: result.dashboard_app_id, rotated: true })
}
