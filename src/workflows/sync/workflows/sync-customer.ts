import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { enqueueChatwootSyncJobsStep, resolveChatwootSyncTargetsStep, type ResolveSyncTargetsInput } from "../steps"

export const syncChatwootCustomerWorkflowId = "chatwoot-sync-customer"

/**
 * Queues a refresh of a customer's Chatwoot contact in every account it
 * concerns (existing contacts, the order's or cart's storefront, the default
 * storefront for registered customers). Sending happens in the queue's drain.
 */
export const syncChatwootCustomerWorkflow = createWorkflow(
  syncChatwootCustomerWorkflowId,
  (input: ResolveSyncTargetsInput) => {
    const jobs = resolveChatwootSyncTargetsStep(input)
    const queued = enqueueChatwootSyncJobsStep(jobs)
    return new WorkflowResponse(queued)
  }
)
