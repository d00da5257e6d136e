import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"

export const cancelChatwootBackfillStepId = "chatwoot-cancel-backfill"

/**
 * Stops a running backfill: no further page is queued (rows already queued
 * are still sent). 404 for an unknown one, 400 when it is not running.
 * Compensation puts it back to running.
 */
export const cancelChatwootBackfillStep = createStep(
  cancelChatwootBackfillStepId,
  async (input: { id: string }, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const [backfill] = await chatwoot.listChatwootBackfills({ id: input.id })
    if (!backfill) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Backfill ${input.id} was not found`)
    if (backfill.status !== "running") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Backfill ${backfill.id} is ${backfill.status}, not running`)
    }
    const [updated] = await chatwoot.updateChatwootBackfills([{ id: backfill.id, status: "canceled", finished_at: new Date() }])
    return new StepResponse(updated, backfill.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container
      .resolve<ChatwootModuleService>(CHATWOOT_MODULE)
      .updateChatwootBackfills([{ id, status: "running", finished_at: null }])
  }
)
