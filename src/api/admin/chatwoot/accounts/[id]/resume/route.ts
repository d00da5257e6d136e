import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resumeChatwootAccountWorkflow } from "../../../../../../workflows/account/workflows"
import { refetchAccount } from "../../helpers"

/** POST /admin/chatwoot/accounts/:id/resume */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchAccount(req.scope, req.params.id, ["id"])
  await resumeChatwootAccountWorkflow(req.scope).run({ input: { account_id: req.params.id } })
  res.json({ account: await refetchAccount(req.scope, req.params.id) })
}
