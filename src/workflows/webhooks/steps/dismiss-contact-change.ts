import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"

export const dismissChatwootContactChangeStepId = "chatwoot-dismiss-contact-change"

/** Marks a pending contact change dismissed. Compensation makes it pending again. */
export const dismissChatwootContactChangeStep = createStep(
  dismissChatwootContactChangeStepId,
  async (input: { id: string; actor_id: string | null }, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const [change] = await chatwoot.listChatwootContactChanges({ id: input.id })
    if (!change) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Contact change ${input.id} was not found`)
    if (change.status === "dismissed") return new StepResponse(change, null)
    const updated = await chatwoot.updateChatwootContactChanges({
      id: change.id,
      status: "dismissed",
      dismissed_at: new Date(),
      dismissed_by: input.actor_id,
    })
    return new StepResponse(updated, change.id)
  },
  async (id, { container }) => {
    if (!id) return
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    await chatwoot.updateChatwootContactChanges({ id, status: "pending", dismissed_at: null, dismissed_by: null })
  }
)
