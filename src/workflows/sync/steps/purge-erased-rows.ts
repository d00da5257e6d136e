import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import type { ErasurePlan } from "../erasure/plan"

export const purgeChatwootErasedRowsStepId = "chatwoot-purge-erased-rows"

/**
 * Removes the plugin's rows about the subjects at once (contacts, mirror,
 * contact changes, queued and failed rows with their text). No
 * compensation: an erase is final.
 */
export const purgeChatwootErasedRowsStep = createStep(
  purgeChatwootErasedRowsStepId,
  async (plan: ErasurePlan, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const counts = await chatwoot.purgeErasedSubjects({ customer_ids: plan.customer_ids, emails: plan.emails })
    return new StepResponse(counts)
  }
)
