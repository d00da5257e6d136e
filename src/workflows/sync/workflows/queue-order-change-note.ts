import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { enqueueChatwootSyncJobsStep } from "../steps/enqueue-sync-jobs"
import {
  resolveChatwootOrderChangeNoteTargetsStep,
  type OrderChangeNoteInput,
} from "../steps/resolve-order-change-note-targets"

/** An order shipped, canceled or refunded: queues a private note for the customer's open conversation. */
export const queueChatwootOrderChangeNoteWorkflow = createWorkflow(
  "chatwoot-queue-order-change-note",
  (input: OrderChangeNoteInput) => {
    const jobs = resolveChatwootOrderChangeNoteTargetsStep(input)
    return new WorkflowResponse(enqueueChatwootSyncJobsStep(jobs))
  }
)
