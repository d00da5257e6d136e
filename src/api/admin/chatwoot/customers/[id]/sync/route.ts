import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { syncChatwootCustomerWorkflow } from "../../../../../../workflows/sync/workflows"
import { kickChatwootSync } from "../../../../../../sync/wake"

/**
 * POST /admin/chatwoot/customers/:id/sync — "Sync now": queues a refresh of
 * the customer's contact in every account it concerns and drains the queue now.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await syncChatwootCustomerWorkflow(req.scope).run({
    input: { customer_id: req.params.id, include_default_channel: true },
  })
  if (result.length) kickChatwootSync(req.scope)
  res.status(202).json({ customer_id: req.params.id, queued: result.length })
}
