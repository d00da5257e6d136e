import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"

export const markChatwootConversationRoutedStepId = "chatwoot-mark-conversation-routed"

/**
 * Records on the mirror when and for which tier the conversation was routed
 * (or, with routing off, only the customer's tier). Compensation restores both.
 */
export const markChatwootConversationRoutedStep = createStep(
  markChatwootConversationRoutedStepId,
  async (
    input: { mirror_id: string | null; tier: string | null; skipped: string | null; tier_only?: boolean },
    { container }
  ) => {
    if (!input.mirror_id || (input.skipped && !input.tier_only)) return new StepResponse(false, null)
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const before = await chatwoot.retrieveChatwootConversation(input.mirror_id, { select: ["id", "routed_at", "routed_tier"] })
    await chatwoot.updateChatwootConversations(
      input.tier_only ? { id: input.mirror_id, routed_tier: input.tier } : { id: input.mirror_id, routed_at: new Date(), routed_tier: input.tier }
    )
    return new StepResponse(true, { id: before.id, routed_at: before.routed_at, routed_tier: before.routed_tier })
  },
  async (before, { container }) => {
    if (!before) return
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    await chatwoot.updateChatwootConversations(before)
  }
)
