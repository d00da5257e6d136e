import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateAccountRecordStep, updateRemoteAccountStep } from "../steps"

export const resumeChatwootAccountWorkflowId = "chatwoot-resume-account"

/** Resumes a suspended account. */
export const resumeChatwootAccountWorkflow = createWorkflow(
  resumeChatwootAccountWorkflowId,
  (input: { account_id: string }) => {
    updateRemoteAccountStep(transform({ input }, ({ input }) => ({ account_id: input.account_id, status: "active" as const })))
    updateAccountRecordStep(transform({ input }, ({ input }) => ({ account_id: input.account_id, status: "active" as const })))
    return new WorkflowResponse(input.account_id)
  }
)
