import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CHATWOOT_MODULE } from "../../../../../modules/chatwoot"
import type ChatwootModuleService from "../../../../../modules/chatwoot/service"
import { startChatwootBackfillWorkflow } from "../../../../../workflows/sync/workflows"
import { backfillProgress } from "../../../../../sync/backfill"
import { kickChatwootSync } from "../../../../../sync/wake"
import type { AdminGetChatwootBackfillsType, AdminPostChatwootBackfillType } from "../validators"

/**
 * GET /admin/chatwoot/sync/backfill — the latest backfills, newest first,
 * with progress: done/total, percent, rate per minute and ETA.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetChatwootBackfillsType>,
  res: MedusaResponse
) => {
  const chatwoot = req.scope.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const { limit } = req.validatedQuery as AdminGetChatwootBackfillsType
  const rows = await chatwoot.listChatwootBackfills({}, { order: { created_at: "DESC" }, take: limit ?? 5 })
  const backfills = await Promise.all(rows.map((row) => backfillProgress(chatwoot, row as never)))
  res.json({ backfills })
}

/**
 * POST /admin/chatwoot/sync/backfill `{ sales_channel_id? }` — starts a
 * backfill of every customer (into one storefront's account, or into every
 * account the customer belongs to) in the background; 202 with its progress. 409 while
 * another one runs.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminPostChatwootBackfillType>,
  res: MedusaResponse
) => {
  const { result } = await startChatwootBackfillWorkflow(req.scope).run({
    input: { sales_channel_id: req.validatedBody.sales_channel_id ?? null },
  })
  kickChatwootSync(req.scope, 0)
  const chatwoot = req.scope.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  res.status(202).json({ backfill: await backfillProgress(chatwoot, result as never) })
}
