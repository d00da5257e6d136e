import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { enqueueChatwootSyncJobsStep, resolveChatwootOrderChangeNoteTargetsStep, type OrderChangeNoteInput } from "../steps"

export const queueChatwootOrderChangeNoteWorkflowId = "chatwoot-queue-order-change-note"

/** An order shipped, canceled or refunded: queues a private note for the customer's open conversation. */
export const queueChatwootOrderChangeNoteWorkflow = createWorkflow(
  queueChatwootOrderChangeNoteWorkflowId,
  (input: OrderChangeNoteInput) => {
    const jobs = resolveChatwootOrderChangeNoteTargetsStep(input)
    return new WorkflowResponse(enqueueChatwootSyncJobsStep(jobs))
  }
)
