import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CHATWOOT_MODULE } from "../../../../../../../modules/chatwoot"
import type ChatwootModuleService from "../../../../../../../modules/chatwoot/service"
import { cancelChatwootBackfillWorkflow } from "../../../../../../../workflows/sync/workflows"
import { backfillProgress } from "../../../../../../../sync/backfill"

/**
 * POST /admin/chatwoot/sync/backfill/:id/cancel — stops a running backfill:
 * no further pages are queued (rows already queued are still sent).
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await cancelChatwootBackfillWorkflow(req.scope).run({ input: { id: req.params.id } })
  const chatwoot = req.scope.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  res.json({ backfill: await backfillProgress(chatwoot, result as never) })
}
