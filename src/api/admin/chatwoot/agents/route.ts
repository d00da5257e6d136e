import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { addChatwootAgentsWorkflow } from "../../../../workflows/account/workflows"
import type { AdminAddChatwootAgentsType } from "../accounts/validators"

/** POST /admin/chatwoot/agents — add a person as agent or administrator to one or many storefront accounts. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminAddChatwootAgentsType>, res: MedusaResponse) => {
  const { result } = await addChatwootAgentsWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({
    agents: result.map((a) => ({
      id: a.id,
      account_id: a.account_id,
      chatwoot_user_id: a.chatwoot_user_id,
      email: a.email,
      name: a.name,
      role: a.role,
    })),
  })
}
