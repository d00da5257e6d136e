import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CHATWOOT_MODULE } from "../../../../modules/chatwoot"
import type ChatwootModuleService from "../../../../modules/chatwoot/service"
import type { AdminGetChatwootSyncType } from "./validators"

/**
 * GET /admin/chatwoot/sync — the durable sync queue: rows per status, the
 * oldest pending change (sync lag) and the failed rows with their errors.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetChatwootSyncType>, res: MedusaResponse) => {
  const chatwoot = req.scope.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const query = req.validatedQuery as AdminGetChatwootSyncType
  res.json({ sync: await chatwoot.syncQueueStats({ account_id: query.account_id, failed_limit: query.failed_limit }) })
}
