import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { removeChatwootAgentWorkflow } from "../../../../../../../workflows/account/workflows"

/** DELETE /admin/chatwoot/accounts/:id/agents/:agent_id — take an agent out of the account. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await removeChatwootAgentWorkflow(req.scope).run({
    input: { account_id: req.params.id, agent_id: req.params.agent_id },
  })
  if (!result.removed) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Agent ${req.params.agent_id} was not found in account ${req.params.id}`)
  }
  res.json({ id: req.params.agent_id, object: "chatwoot_agent", deleted: true })
}
