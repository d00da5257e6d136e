import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { postPrivateNoteStep, type PostPrivateNoteInput } from "../steps"

export const postChatwootPrivateNoteWorkflowId = "chatwoot-post-private-note"

/** Records what an agent did in the conversation, as a private note. */
export const postChatwootPrivateNoteWorkflow = createWorkflow(
  postChatwootPrivateNoteWorkflowId,
  (input: PostPrivateNoteInput) => new WorkflowResponse(postPrivateNoteStep(input))
)
