import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../modules/chatwoot"
import type ChatwootModuleService from "../../modules/chatwoot/service"
import type { EnqueueSyncJobInput } from "../../modules/chatwoot/sync-queue"
import { kickChatwootSync } from "../sync/drain"

/**
 * Writes changes into the durable sync queue (coalesced per account, kind and
 * subject) and kicks an in-process drain. No compensation: a queued change
 * only makes Chatwoot catch up with Medusa, and a coalesced row may carry
 * other changes that must not be dropped.
 */
export const enqueueChatwootSyncJobsStep = createStep(
  "chatwoot-enqueue-sync-jobs",
  async (jobs: EnqueueSyncJobInput[], { container }) => {
    if (!jobs.length) return new StepResponse([])
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const queued = await chatwoot.enqueueSyncJobs(jobs)
    kickChatwootSync(container)
    return new StepResponse(queued)
  }
)
