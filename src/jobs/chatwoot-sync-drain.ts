import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../modules/chatwoot"
import type ChatwootModuleService from "../modules/chatwoot/service"
import { wakeChatwootBackfills } from "../sync/backfill"
import { drainChatwootSyncQueue } from "../sync/drain"

/** Done rows are kept this long for the admin's view, then purged. */
const KEEP_DONE_MS = 24 * 60 * 60_000

/**
 * Safety net of the durable sync queue: every minute, drains whatever is due
 * (changes left by a restart, rows past their back-off, leases of a dead
 * worker) and purges old done rows. Enqueueing kicks an in-process drain, so
 * this job normally finds little to do.
 */
export default async function chatwootSyncDrain(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  // a backfill another process started, or one a restart left running, is picked up here at the latest
  wakeChatwootBackfills()
  const result = await drainChatwootSyncQueue(container, { budgetMs: 50_000 })
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  await chatwoot.purgeFinishedSyncJobs(new Date(Date.now() - KEEP_DONE_MS))
  if (result.claimed) {
    logger.debug(
      `chatwoot sync: drained ${result.claimed} (done ${result.done}, rescheduled ${result.rescheduled}, failed ${result.failed})`
    )
  }
}

export const config = {
  name: "chatwoot-sync-drain",
  schedule: { cron: "* * * * *", concurrency: "forbid" as const },
}
