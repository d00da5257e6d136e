import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ensureEmailInboxStep, type EnsureEmailInboxInput } from "../steps"

export const ensureChatwootEmailInboxWorkflowId = "chatwoot-ensure-email-inbox"

/** Adds (or updates) the account's e-mail inbox. */
export const ensureChatwootEmailInboxWorkflow = createWorkflow(
  ensureChatwootEmailInboxWorkflowId,
  (input: EnsureEmailInboxInput) => new WorkflowResponse(ensureEmailInboxStep(input))
)
