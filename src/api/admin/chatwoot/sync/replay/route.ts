import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CHATWOOT_MODULE } from "../../../../../modules/chatwoot"
import type ChatwootModuleService from "../../../../../modules/chatwoot/service"
import { kickChatwootSync } from "../../../../../sync/wake"
import type { AdminReplayChatwootSyncType } from "../validators"

/**
 * POST /admin/chatwoot/sync/replay `{ ids? }` — failed rows (all, or the
 * given ones) go back to pending with fresh attempts and are drained now.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReplayChatwootSyncType>, res: MedusaResponse) => {
  const chatwoot = req.scope.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const result = await chatwoot.replaySyncJobs(req.validatedBody.ids)
  if (result.replayed.length) kickChatwootSync(req.scope)
  res.json(result)
}
