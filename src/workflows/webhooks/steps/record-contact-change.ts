import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import type { PreparedContactChange } from "../planner"

export const recordChatwootContactChangeStepId = "chatwoot-record-contact-change"

/**
 * Keeps an agent's change of a contact for the admin to review (never
 * written over the Medusa customer). Compensation removes a row it created.
 */
export const recordChatwootContactChangeStep = createStep(
  recordChatwootContactChangeStepId,
  async (input: PreparedContactChange | null, { container }) => {
    if (!input) return new StepResponse(null as string | null, null as string | null)
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const { id, inserted } = await chatwoot.upsertContactChange(input)
    return new StepResponse(id as string | null, inserted ? id : null)
  },
  async (createdId, { container }) => {
    if (!createdId) return
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    await chatwoot.deleteChatwootContactChanges(createdId)
  }
)
