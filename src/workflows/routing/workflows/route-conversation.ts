import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  applyChatwootRoutingStep,
  markChatwootConversationRoutedStep,
  planChatwootRoutingStep,
  type RouteConversationInput,
} from "../steps"

export const routeChatwootConversationWorkflowId = "chatwoot-route-conversation"

/**
 * Applies the storefront's routing rules to a conversation in Chatwoot
 * (priority by tier, team by storefront or language, labels) once when it is
 * created, and again when the customer's tier changes.
 */
export const routeChatwootConversationWorkflow = createWorkflow(
  routeChatwootConversationWorkflowId,
  (input: RouteConversationInput) => {
    const planned = planChatwootRoutingStep(input)
    const apply = transform({ planned }, ({ planned }) => ({
      account_id: planned.account_id,
      chatwoot_conversation_id: planned.chatwoot_conversation_id,
      plan: planned.skipped ? null : planned.plan,
      current: planned.current,
    }))
    const changed = applyChatwootRoutingStep(apply)
    const mark = transform({ planned, changed }, ({ planned }) => ({
      mirror_id: planned.mirror_id,
      tier: planned.tier,
      skipped: planned.skipped,
      tier_only: planned.tier_only,
    }))
    markChatwootConversationRoutedStep(mark)
    const result = transform({ planned, changed }, ({ planned, changed }) => ({
      skipped: planned.skipped,
      tier: planned.tier,
      changed,
    }))
    return new WorkflowResponse(result)
  }
)
