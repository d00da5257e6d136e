import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import type { ErasurePlan } from "../erasure/plan"

export const recordChatwootErasureStepId = "chatwoot-record-erasure"

/**
 * Writes the erase's tombstone and audit entry before anything is deleted:
 * from now on no change queued before it creates a contact for these
 * subjects. Only keyed hashes are stored. Compensation removes it (the erase
 * did not get queued and is asked for again).
 */
export const recordChatwootErasureStep = createStep(
  recordChatwootErasureStepId,
  async (plan: ErasurePlan, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const erasure = await chatwoot.createChatwootErasures({
      // json columns typed as objects by the DML; they hold arrays (checked with `@>`)
      subject_hashes: plan.customer_ids.map((id) => chatwoot.erasureHash(id)) as unknown as Record<string, unknown>,
      email_hashes: plan.emails.map((e) => chatwoot.erasureHash(e)) as unknown as Record<string, unknown>,
      erased_at: new Date(),
      account_ids: plan.account_ids as unknown as Record<string, unknown>,
      counts: {},
      completed_at: plan.account_ids.length ? null : new Date(),
    })
    return new StepResponse({ id: erasure.id }, erasure.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<ChatwootModuleService>(CHATWOOT_MODULE).deleteChatwootErasures(id)
  }
)
