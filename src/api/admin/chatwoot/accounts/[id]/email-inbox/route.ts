import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ensureChatwootEmailInboxWorkflow } from "../../../../../../workflows/account/workflows"
import { refetchAccount } from "../../helpers"
import type { AdminEnsureEmailInboxType } from "../../validators"

/** POST /admin/chatwoot/accounts/:id/email-inbox — add or update the account's e-mail inbox. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminEnsureEmailInboxType>, res: MedusaResponse) => {
  await refetchAccount(req.scope, req.params.id, ["id"])
  const { name, ...channel } = req.validatedBody
  await ensureChatwootEmailInboxWorkflow(req.scope).run({ input: { account_id: req.params.id, name, channel } })
  res.json({ account: await refetchAccount(req.scope, req.params.id) })
}
