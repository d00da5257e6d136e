import type { MedusaContainer } from "@medusajs/framework/types"
import { CHATWOOT_MODULE } from "../modules/chatwoot"
import type ChatwootModuleService from "../modules/chatwoot/service"
import { drainChatwootSyncQueue, logger } from "./drain"
import { processState } from "./process-state"

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
