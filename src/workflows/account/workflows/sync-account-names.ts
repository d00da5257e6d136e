import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { syncAccountNamesStep } from "../steps"

export const syncChatwootAccountNamesWorkflowId = "chatwoot-sync-account-names"

/** Renames accounts and website inboxes after the store or a sales channel changed. */
export const syncChatwootAccountNamesWorkflow = createWorkflow(
  syncChatwootAccountNamesWorkflowId,
  (input: { account_ids?: string[]; sales_channel_id?: string }) => {
    return new WorkflowResponse(syncAccountNamesStep(input))
  }
)
