import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { eraseChatwootCustomerWorkflow } from "../../../../../../workflows/sync/workflows"
import { eraseChatwootCustomerMirrorWorkflow } from "../../../../../../workflows/sync/workflows"

/**
 * POST /admin/chatwoot/customers/:id/erase — GDPR erase without deleting the
 * Medusa customer: the customer, their guest records with the same e-mail and
 * every e-mail they used. Writes the tombstone, purges the plugin's rows at
 * once and queues the deletion of their contacts (by identifier or e-mail) in
 * every account (the same flow as a deleted customer). Changes queued before
 * the erase never re-create a contact; a later interaction creates a new one.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await eraseChatwootCustomerWorkflow(req.scope).run({ input: { customer_id: req.params.id } })
  // the conversation mirror and contact-review rows go at once
  await eraseChatwootCustomerMirrorWorkflow(req.scope).run({ input: { customer_id: req.params.id } })
  res.status(202).json({ customer_id: req.params.id, queued: result.length })
}
