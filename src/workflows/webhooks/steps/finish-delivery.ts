import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"

export const finishChatwootWebhookDeliveryStepId = "chatwoot-finish-webhook-delivery"

/** Marks a webhook delivery processed (with what was skipped, if anything). No compensation: last step. */
export const finishChatwootWebhookDeliveryStep = createStep(
  finishChatwootWebhookDeliveryStepId,
  async (input: { delivery_id: string; note: string | null }, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    await chatwoot.updateChatwootWebhookDeliveries({
      id: input.delivery_id,
      processed_at: new Date(),
      reason: input.note,
    })
    return new StepResponse(input.delivery_id)
  }
)
