import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { dismissChatwootContactChangeStep } from "../steps"

export const dismissChatwootContactChangeWorkflowId = "chatwoot-dismiss-contact-change"

/** Marks a contact change (kept for review) dismissed by an admin. */
export const dismissChatwootContactChangeWorkflow = createWorkflow(
  dismissChatwootContactChangeWorkflowId,
  (input: { id: string; actor_id: string | null }) => new WorkflowResponse(dismissChatwootContactChangeStep(input))
)
