import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { exportChatwootCustomer } from "../../../../../../sync/export"

/**
 * GET /admin/chatwoot/customers/:id/export — GDPR export: a JSON of
 * everything the plugin and Chatwoot hold about the customer (plugin rows;
 * per account the contact, its conversations and their messages). Sent as
 * a download; never contains a credential.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const data = await exportChatwootCustomer(req.scope, req.params.id)
  res.setHeader("Cache-Control", "no-store")
  res.setHeader("Content-Disposition", `attachment; filename="chatwoot-${req.params.id.replace(/[^\w-]/g, "")}.json"`)
  res.json(data)
}
