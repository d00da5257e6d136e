import { hostname } from "node:os"
import { randomBytes } from "node:crypto"
import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../modules/chatwoot"
import { ChatwootApiError } from "../modules/chatwoot/client"
import type ChatwootModuleService from "../modules/chatwoot/service"
import { SYNC_QUEUE_DEFAULTS, type SyncJobRow } from "../modules/chatwoot/sync-queue"
import { pumpChatwootBackfills } from "./backfill"
import { hasSyncHandler, runSyncJob } from "./handlers"
import { kickChatwootSync } from "./wake"

export type DrainOptions = {
  /** Lease owner; unique per call by default. */
  owner?: string
  batchSize?: number
  /** Rows of one batch processed at once (the client's rate limiter still applies). */
  concurrency?: number
  /** Stop claiming new batches after this long. */
  budgetMs?: number
}

export type DrainResult = { claimed: number; done: number; rescheduled: number; failed: number; lost: number }

const PROCESS_ID = `${hostname()}:${process.pid}`

/** The container's logger, when it has one (unit tests' containers do not). */
export function logger(container: MedusaContainer): Logger | undefined {
  return container.hasRegistration?.(ContainerRegistrationKeys.LOGGER)
    ? container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
    : undefined
}

/** Is this failure worth another attempt? Chatwoot 4xx (other than 408/429) are not. */
function isRetryable(error: unknown): boolean {
  if (ChatwootApiError.is(error)) {
    return error.retryable || error.status === undefined || error.status === 408 || error.status === 429 || error.status >= 500
  }
  return true
}

async function processRow(
  container: MedusaContainer,
  chatwoot: ChatwootModuleService,
  owner: string,
  row: SyncJobRow,
  result: DrainResult
) {
  const handled = hasSyncHandler(row.kind)
  try {
    if (!handled) throw new Error(`no handler for sync kind ${row.kind} yet`)
    const outcome = await runSyncJob(container, row)
    if (outcome.defer) {
      const deferred = await chatwoot.deferSyncJob(row.id, owner, { delayMs: outcome.defer.ms, note: outcome.defer.note })
      if (deferred) result.rescheduled += 1
      else result.lost += 1
      return
    }
    const completed = await chatwoot.completeSyncJob(row.id, owner, {
      anonymize: outcome.anonymize,
      note: outcome.note ?? null,
    })
    if (completed) result.done += 1
    else result.lost += 1
  } catch (error) {
    const retryable = handled && isRetryable(error)
    const outcome = await chatwoot.failSyncJob(row.id, owner, error, {
      retryable,
      retryAfterMs: ChatwootApiError.is(error) ? error.retryAfterMs : undefined,
    })
    if (outcome === "failed") result.failed += 1
    else if (outcome === "lost") result.lost += 1
    else result.rescheduled += 1
    const log = logger(container)
    const text = error instanceof Error ? error.message : String(error)
    const message = `chatwoot sync: ${row.kind} ${row.id} (attempt ${row.attempts}) ${outcome}: ${text}`
    if (outcome === "failed") log?.warn(message)
    else log?.debug(message)
  }
}

/**
 * Drains the durable sync queue once: claims due rows in batches (SKIP
 * LOCKED + lease, so any number of drainers in any number of processes can
 * run at once without sending a change twice), runs each row's handler, and
 * completes, reschedules or parks it. Returns when nothing is due or the
 * time budget is spent.
 */
export async function drainChatwootSyncQueue(
  container: MedusaContainer,
  options: DrainOptions = {}
): Promise<DrainResult> {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const owner = options.owner ?? `${PROCESS_ID}:${randomBytes(4).toString("hex")}`
  const concurrency = Math.max(1, options.concurrency ?? chatwoot.getPublicOptions().sync_concurrency ?? 5)
  // each lane claims a few rows at a time, so a slow row never holds up a whole batch
  const perClaim = Math.max(1, Math.ceil((options.batchSize ?? SYNC_QUEUE_DEFAULTS.batchSize) / concurrency))
  const deadline = Date.now() + (options.budgetMs ?? 50_000)
  const result: DrainResult = { claimed: 0, done: 0, rescheduled: 0, failed: 0, lost: 0 }
  let idle = false
  // a running backfill is fed as the queue empties (one feeder at a time per drain)
  let feeding: Promise<number> | null = null
  const feed = () => {
    feeding ??= pumpChatwootBackfills(container)
      .catch((error) => {
        logger(container)?.warn(`chatwoot sync: backfill failed: ${error instanceof Error ? error.message : String(error)}`)
        return 0
      })
      .finally(() => (feeding = null))
    return feeding
  }
  await feed()
  let lastFeed = Date.now()
  // lanes open one by one while claims come back full, so a quiet queue costs one claim, not `concurrency`
  const lanes: Promise<void>[] = []
  const lane = async () => {
    while (!idle && Date.now() < deadline) {
      if (Date.now() - lastFeed > 500) {
        lastFeed = Date.now()
        void feed()
      }
      const rows = await chatwoot.claimSyncJobs({ owner, limit: perClaim })
      if (!rows.length) {
        if (await feed()) continue
        idle = true
        break
      }
      result.claimed += rows.length
      if (rows.length === perClaim && lanes.length < concurrency) lanes.push(lane())
      for (const row of rows) {
        await processRow(container, chatwoot, owner, row, result)
      }
    }
  }
  lanes.push(lane())
  for (let i = 0; i < lanes.length; i++) await lanes[i]
  await feeding
  // closes a backfill whose last rows were still in flight when a lane last fed
  if (await feed()) kickChatwootSync(container, 0)
  return result
}
