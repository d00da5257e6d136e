import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { addAgentsStep, type AddAgentsInput } from "../steps"

export const addChatwootAgentsWorkflowId = "chatwoot-add-agents"

/** Adds a person as agent or administrator to one or many accounts. */
export const addChatwootAgentsWorkflow = createWorkflow(
  addChatwootAgentsWorkflowId,
  (input: AddAgentsInput) => new WorkflowResponse(addAgentsStep(input))
)
