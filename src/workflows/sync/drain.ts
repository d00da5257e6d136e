import { hostname } from "node:os"
import { randomBytes } from "node:crypto"
import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../../modules/chatwoot"
import { ChatwootApiError } from "../../modules/chatwoot/client"
import type ChatwootModuleService from "../../modules/chatwoot/service"
import { SYNC_QUEUE_DEFAULTS, type SyncJobRow } from "../../modules/chatwoot/sync-queue"
import { pumpChatwootBackfills } from "./backfill"
import { processState } from "./process-state"
import { SYNC_HANDLERS } from "./handlers"

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

function logger(container: MedusaContainer): Logger | undefined {
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
  const handler = SYNC_HANDLERS[row.kind]
  try {
    if (!handler) throw new Error(`no handler for sync kind ${row.kind} yet`)
    const outcome = await handler(container, row)
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
    const retryable = Boolean(handler) && isRetryable(error)
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

type KickState = {
  running: boolean
  again: boolean
  timer: NodeJS.Timeout | null
  wakeAt: number
  /** The container of the latest kick: the one the next drain runs with. */
  container: MedusaContainer | null
}

/** One waker per process, however many copies of this file are loaded or scopes call it. */
const kickState = () =>
  processState<KickState>("sync-kick", () => ({ running: false, again: false, timer: null, wakeAt: 0, container: null }))

/** Debounce of the in-process drain: changes within it fold into one call. */
export const KICK_DELAY_MS = 250

/** Longest wait the in-process waker schedules; later rows are left to the scheduled job. */
const MAX_WAKE_MS = 5 * 60_000

/**
 * Drains the queue soon in this process (debounced): called after changes are
 * enqueued, so a change normally reaches Chatwoot within a second. When rows
 * wait out a back-off, it wakes again when the next one falls due. The
 * scheduled job `chatwoot-sync-drain` is the safety net (restarts, other
 * processes). Never throws.
 */
export function kickChatwootSync(container: MedusaContainer, delayMs = KICK_DELAY_MS): void {
  try {
    container.resolve(CHATWOOT_MODULE)
  } catch {
    return
  }
  const state = kickState()
  state.container = container
  schedule(state, delayMs)
}

function schedule(state: KickState, delayMs: number) {
  const wakeAt = Date.now() + delayMs
  if (state.timer && state.wakeAt <= wakeAt) return
  if (state.timer) clearTimeout(state.timer)
  state.wakeAt = wakeAt
  state.timer = setTimeout(() => {
    state.timer = null
    void run(state)
  }, delayMs)
  state.timer.unref?.()
}

async function run(state: KickState) {
  const container = state.container
  if (!container) return
  if (state.running) {
    state.again = true
    return
  }
  state.running = true
  let claimed = 0
  try {
    claimed = (await drainChatwootSyncQueue(container)).claimed
  } catch (error) {
    logger(container)?.warn(`chatwoot sync: drain failed: ${error instanceof Error ? error.message : String(error)}`)
  } finally {
    state.running = false
  }
  if (state.again) {
    state.again = false
    schedule(state, 0)
    return
  }
  try {
    const due = await container.resolve<ChatwootModuleService>(CHATWOOT_MODULE).nextSyncJobDueAt()
    if (due) {
      // a settling row: wake when it falls due; nothing claimable although due
      // (the key is leased elsewhere): look again in a second, do not spin
      const until = due.getTime() - Date.now()
      const wait = until > 0 ? until + 25 : claimed ? 0 : 1_000
      if (wait <= MAX_WAKE_MS) schedule(state, wait)
    }
  } catch {
    // the scheduled job picks it up
  }
}
