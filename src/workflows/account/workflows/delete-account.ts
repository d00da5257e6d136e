import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteAccountRecordsStep, removeRemoteFootprintStep } from "../steps"

export const deleteChatwootAccountWorkflowId = "chatwoot-delete-account"

/**
 * Deletes an account from the plugin; in Chatwoot it deletes the account only
 * when the plugin created it (a linked account only loses the plugin's
 * webhook and dashboard app).
 */
export const deleteChatwootAccountWorkflow = createWorkflow(
  deleteChatwootAccountWorkflowId,
  (input: { account_id: string }) => {
    deleteAccountRecordsStep(input)
    const removed = removeRemoteFootprintStep(input)
    return new WorkflowResponse(removed)
  }
)
