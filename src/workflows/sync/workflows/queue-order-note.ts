import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { enqueueChatwootSyncJobsStep, resolveChatwootOrderNoteTargetsStep } from "../steps"

export const queueChatwootOrderNoteWorkflowId = "chatwoot-queue-order-note"

/** A placed order: queues its private note for the contact's open conversation. */
export const queueChatwootOrderNoteWorkflow = createWorkflow(
  queueChatwootOrderNoteWorkflowId,
  (input: { order_id: string }) => {
    const jobs = resolveChatwootOrderNoteTargetsStep(input)
    const queued = enqueueChatwootSyncJobsStep(jobs)
    return new WorkflowResponse(queued)
  }
)
