import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { erasureJobs, purgeChatwootErasedRowsStep, recordChatwootErasureStep, resolveChatwootErasureStep } from "../steps/resolve-erasure"
import { cancelChatwootBackfillStep } from "../steps/cancel-backfill"
import { createChatwootBackfillStep, type CreateBackfillInput } from "../steps/create-backfill"
import { enqueueChatwootSyncJobsStep } from "../steps/enqueue-sync-jobs"
import {
  resolveChatwootOrderNoteTargetsStep,
  resolveChatwootSyncTargetsStep,
  type ResolveSyncTargetsInput,
} from "../steps/resolve-sync-targets"

/**
 * Queues a refresh of a customer's Chatwoot contact in every account it
 * concerns (existing contacts, the order's or cart's storefront, the default
 * storefront for registered customers). Sending happens in the queue's drain.
 */
export const syncChatwootCustomerWorkflow = createWorkflow(
  "chatwoot-sync-customer",
  (input: ResolveSyncTargetsInput) => {
    const jobs = resolveChatwootSyncTargetsStep(input)
    const queued = enqueueChatwootSyncJobsStep(jobs)
    return new WorkflowResponse(queued)
  }
)

/**
 * GDPR erase (design §7) of a customer, their guest records with the same
 * e-mail and every e-mail they used: writes the tombstone, purges the
 * plugin's rows at once and queues the deletion of their contacts (by
 * identifier or e-mail) in every account. What stays is an anonymous
 * `chatwoot_erasure` entry.
 */
export const eraseChatwootCustomerWorkflow = createWorkflow(
  "chatwoot-erase-customer",
  (input: { customer_id: string }) => {
    const plan = resolveChatwootErasureStep(input)
    const erasure = recordChatwootErasureStep(plan)
    purgeChatwootErasedRowsStep(plan)
    const jobs = transform({ plan, erasure, input }, ({ plan, erasure, input }) => erasureJobs(plan, erasure.id, input.customer_id))
    const queued = enqueueChatwootSyncJobsStep(jobs)
    return new WorkflowResponse(queued)
  }
)

/** A placed order: queues its private note for the contact's open conversation. */
export const queueChatwootOrderNoteWorkflow = createWorkflow(
  "chatwoot-queue-order-note",
  (input: { order_id: string }) => {
    const jobs = resolveChatwootOrderNoteTargetsStep(input)
    const queued = enqueueChatwootSyncJobsStep(jobs)
    return new WorkflowResponse(queued)
  }
)

/**
 * Admin-triggered backfill of every customer (optionally of one storefront):
 * records the backfill and its cursor; the queue's drainers walk the
 * customers page by page in the background (resumable after a restart).
 */
export const startChatwootBackfillWorkflow = createWorkflow(
  "chatwoot-start-backfill",
  (input: CreateBackfillInput) => {
    const backfill = createChatwootBackfillStep(input)
    return new WorkflowResponse(backfill)
  }
)

/** Stops a running backfill (rows already queued are still sent). */
export const cancelChatwootBackfillWorkflow = createWorkflow(
  "chatwoot-cancel-backfill",
  (input: { id: string }) => {
    const backfill = cancelChatwootBackfillStep(input)
    return new WorkflowResponse(backfill)
  }
)
