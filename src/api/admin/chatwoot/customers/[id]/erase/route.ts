import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { eraseChatwootCustomerWorkflow } from "../../../../../../workflows/chatwoot-sync"
import { eraseChatwootCustomerMirrorWorkflow } from "../../../../../../workflows/erase-chatwoot-customer-mirror"

/**
 * POST /admin/chatwoot/customers/:id/erase — GDPR erase without deleting the
 * Medusa customer: queues the deletion of their contact in every account and
 * the purge of the plugin's rows about them (the same flow as a deleted
 * customer). A later interaction of the customer creates a new contact.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await eraseChatwootCustomerWorkflow(req.scope).run({ input: { customer_id: req.params.id } })
  // the conversation mirror and contact-review rows go at once
  await eraseChatwootCustomerMirrorWorkflow(req.scope).run({ input: { customer_id: req.params.id } })
  res.status(202).json({ customer_id: req.params.id, queued: result.length })
}
