import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { RoutingRulesInput } from "../../../modules/chatwoot/routing-rules"
import { ensureChatwootRoutingTeamsStep, saveChatwootRoutingRulesStep } from "../steps"

export const updateChatwootRoutingRulesWorkflowId = "chatwoot-update-routing-rules"

/** Saves a storefront's routing rules, creating the teams they name in its Chatwoot account. */
export const updateChatwootRoutingRulesWorkflow = createWorkflow(
  updateChatwootRoutingRulesWorkflowId,
  (input: { sales_channel_id: string; rules: RoutingRulesInput }) => {
    const rules = ensureChatwootRoutingTeamsStep(input)
    const saved = saveChatwootRoutingRulesStep({ sales_channel_id: input.sales_channel_id, rules })
    return new WorkflowResponse(saved)
  }
)
