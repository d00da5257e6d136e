import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createChatwootBackfillStep, type CreateBackfillInput } from "../steps"

export const startChatwootBackfillWorkflowId = "chatwoot-start-backfill"

/**
 * Admin-triggered backfill of every customer (optionally of one storefront):
 * records the backfill and its cursor; the queue's drainers walk the
 * customers page by page in the background (resumable after a restart).
 */
export const startChatwootBackfillWorkflow = createWorkflow(
  startChatwootBackfillWorkflowId,
  (input: CreateBackfillInput) => {
    const backfill = createChatwootBackfillStep(input)
    return new WorkflowResponse(backfill)
  }
)
