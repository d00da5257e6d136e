import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateAccountRecordStep, updateRemoteAccountStep } from "../steps"

export const suspendChatwootAccountWorkflowId = "chatwoot-suspend-account"

/** Suspends an account: Chatwoot refuses its agents and the widget is switched off. */
export const suspendChatwootAccountWorkflow = createWorkflow(
  suspendChatwootAccountWorkflowId,
  (input: { account_id: string }) => {
    updateRemoteAccountStep(transform({ input }, ({ input }) => ({ account_id: input.account_id, status: "suspended" as const })))
    updateAccountRecordStep(transform({ input }, ({ input }) => ({ account_id: input.account_id, status: "suspended" as const })))
    return new WorkflowResponse(input.account_id)
  }
)
