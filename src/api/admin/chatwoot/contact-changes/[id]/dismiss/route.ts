import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { dismissChatwootContactChangeWorkflow } from "../../../../../../workflows/webhooks/workflows"

/** POST /admin/chatwoot/contact-changes/:id/dismiss — marks a reviewed change dismissed. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await dismissChatwootContactChangeWorkflow(req.scope).run({
    input: { id: req.params.id, actor_id: req.auth_context?.actor_id ?? null },
  })
  res.json({ contact_change: result })
}
