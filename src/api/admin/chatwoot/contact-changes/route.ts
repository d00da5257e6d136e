import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CHATWOOT_MODULE } from "../../../../modules/chatwoot"
import type ChatwootModuleService from "../../../../modules/chatwoot/service"
import type { AdminListChatwootContactChangesType } from "../webhook-validators"

/**
 * GET /admin/chatwoot/contact-changes — changes agents made to contacts in
 * Chatwoot that differ from the Medusa customer (name, e-mail, phone), for
 * review; newest first. Nothing here is applied to Medusa automatically.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListChatwootContactChangesType>, res: MedusaResponse) => {
  const chatwoot = req.scope.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const { limit, offset, ...filters } = req.validatedQuery as AdminListChatwootContactChangesType
  const [changes, count] = await chatwoot.listAndCountChatwootContactChanges(
    { status: filters.status ?? "pending", ...(filters.account_id ? { account_id: filters.account_id } : {}), ...(filters.customer_id ? { customer_id: filters.customer_id } : {}) },
    { take: limit, skip: offset, order: { updated_at: "DESC" } }
  )
  res.json({ contact_changes: changes, count, limit, offset })
}
