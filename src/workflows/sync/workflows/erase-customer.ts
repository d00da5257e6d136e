import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { erasureJobs } from "../erasure/plan"
import {
  enqueueChatwootSyncJobsStep,
  purgeChatwootErasedRowsStep,
  recordChatwootErasureStep,
  resolveChatwootErasureStep,
} from "../steps"

export const eraseChatwootCustomerWorkflowId = "chatwoot-erase-customer"

/**
 * GDPR erase of a customer, their guest records with the same e-mail and
 * every e-mail they used: writes the tombstone, purges the plugin's rows at
 * once and queues the deletion of their contacts (by identifier or e-mail)
 * in every account. What stays is an anonymous `chatwoot_erasure` entry.
 */
export const eraseChatwootCustomerWorkflow = createWorkflow(
  eraseChatwootCustomerWorkflowId,
  (input: { customer_id: string }) => {
    const plan = resolveChatwootErasureStep(input)
    const erasure = recordChatwootErasureStep(plan)
    purgeChatwootErasedRowsStep(plan)
    const jobs = transform({ plan, erasure, input }, ({ plan, erasure, input }) => erasureJobs(plan, erasure.id, input.customer_id))
    const queued = enqueueChatwootSyncJobsStep(jobs)
    return new WorkflowResponse(queued)
  }
)
