import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setAccountStatusStep } from "../steps"

export const markChatwootAccountFailedWorkflowId = "chatwoot-mark-account-failed"

/** Records a failed provisioning: status `failed` and the reason, for the admin to see and retry. */
export const markChatwootAccountFailedWorkflow = createWorkflow(
  markChatwootAccountFailedWorkflowId,
  (input: { account_id: string; last_error: string }) => {
    const status = setAccountStatusStep(
      transform({ input }, ({ input }) => ({
        account_id: input.account_id,
        status: "failed" as const,
        last_error: input.last_error,
      }))
    )
    return new WorkflowResponse(status)
  }
)
