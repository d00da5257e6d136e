import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../../../../../../../modules/chatwoot"
import type ChatwootModuleService from "../../../../../../../modules/chatwoot/service"
import { backfillProgress } from "../../../../../../../workflows/sync/backfill"

/**
 * POST /admin/chatwoot/sync/backfill/:id/cancel — stops a running backfill:
 * no further pages are queued (rows already queued are still sent).
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const chatwoot = req.scope.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const [backfill] = await chatwoot.listChatwootBackfills({ id: req.params.id })
  if (!backfill) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Backfill ${req.params.id} was not found`)
  if (backfill.status !== "running") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Backfill ${backfill.id} is ${backfill.status}, not running`)
  }
  const [updated] = await chatwoot.updateChatwootBackfills([{ id: backfill.id, status: "canceled", finished_at: new Date() }])
  res.json({ backfill: await backfillProgress(chatwoot, updated as never) })
}
