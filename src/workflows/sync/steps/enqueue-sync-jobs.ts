import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import type { EnqueueSyncJobInput } from "../../../modules/chatwoot/sync-queue"
import { kickChatwootSync } from "../../../sync/wake"

/** Kinds whose changes settle (wait for more changes of the same contact) before they are sent. */
const SETTLING_KINDS = new Set<EnqueueSyncJobInput["kind"]>(["contact_upsert", "contact_merge"])

export const enqueueChatwootSyncJobsStepId = "chatwoot-enqueue-sync-jobs"

/**
 * Writes changes into the durable sync queue (coalesced per account, kind and
 * subject) and kicks an in-process drain for when the first of them falls
 * due. Contact changes settle for the plugin's `sync_settle_ms` (a burst of
 * changes to one contact makes one call). No compensation: a queued change
 * only makes Chatwoot catch up with Medusa, and a coalesced row may carry
 * other changes that must not be dropped.
 */
export const enqueueChatwootSyncJobsStep = createStep(
  enqueueChatwootSyncJobsStepId,
  async (jobs: EnqueueSyncJobInput[], { container }) => {
    if (!jobs.length) return new StepResponse([])
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const { sync_settle_ms, sync_settle_max_ms } = chatwoot.getPublicOptions()
    const queued = await chatwoot.enqueueSyncJobs(
      jobs.map((job) =>
        SETTLING_KINDS.has(job.kind) && job.settle_ms === undefined
          ? { ...job, settle_ms: sync_settle_ms, settle_max_ms: sync_settle_max_ms }
          : job
      )
    )
    const due = Math.min(...queued.map((q) => q.next_attempt_at.getTime()))
    kickChatwootSync(container, Math.max(0, due - Date.now()) + 25)
    return new StepResponse(queued)
  }
)
