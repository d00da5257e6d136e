import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { suspendChatwootAccountWorkflow } from "../../../../../../workflows/account/workflows"
import { refetchAccount } from "../../helpers"

/** POST /admin/chatwoot/accounts/:id/suspend */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchAccount(req.scope, req.params.id, ["id"])
  await suspendChatwootAccountWorkflow(req.scope).run({ input: { account_id: req.params.id } })
  res.json({ account: await refetchAccount(req.scope, req.params.id) })
}
