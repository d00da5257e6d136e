import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelChatwootBackfillStep } from "../steps"

export const cancelChatwootBackfillWorkflowId = "chatwoot-cancel-backfill"

/** Stops a running backfill (rows already queued are still sent). */
export const cancelChatwootBackfillWorkflow = createWorkflow(
  cancelChatwootBackfillWorkflowId,
  (input: { id: string }) => {
    const backfill = cancelChatwootBackfillStep(input)
    return new WorkflowResponse(backfill)
  }
)
