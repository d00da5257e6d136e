import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { syncAccountNamesStep, updateAccountRecordStep } from "../steps"

export const updateChatwootAccountWorkflowId = "chatwoot-update-account"

/** Admin edit of an account's name or locale (null: follow the store again). */
export const updateChatwootAccountWorkflow = createWorkflow(
  updateChatwootAccountWorkflowId,
  (input: { account_id: string; custom_name?: string | null; custom_locale?: string | null }) => {
    updateAccountRecordStep(input)
    const changes = syncAccountNamesStep(transform({ input }, ({ input }) => ({ account_ids: [input.account_id] })))
    return new WorkflowResponse(changes)
  }
)
