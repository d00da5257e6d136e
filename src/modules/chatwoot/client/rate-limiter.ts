import { systemClock, type Clock } from "./clock"

/** Answer of a store to "may one more request start now?". */
export type RateLimitGrant = { granted: true } | { granted: false; retryAt: number }

/**
 * Where the limiter keeps its state. The in-memory store serves one process;
 * a Postgres or Redis store (one atomic statement or script per `acquire`)
 * makes the limit hold across several Medusa processes sharing Chatwoot's
 * per-IP budget.
 */
export interface RateLimitStore {
  /**
   * Atomically: unless `key` is blocked at `now` or `limit` starts already
   * happened in the window (now − windowMs, now], record a start at `now` and
   * grant it. Otherwise grant nothing and say when to ask again.
   */
  acquire(key: string, now: number, limit: number, windowMs: number): Promise<RateLimitGrant>
  /** Blocks every start for `key` until `until` (keeps the later of two blocks). */
  block(key: string, until: number): Promise<void>
  /** Until when `key` is blocked (0 or a past time when it is not). */
  blockedUntil(key: string): Promise<number>
}

type WindowState = {
  /** start times, oldest first; entries before `head` are expired */
  starts: number[]
  head: number
  blockedUntil: number
}

/** Sliding-window log in memory: exact, and at most `limit` numbers per key. */
export class InMemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, WindowState>()

  async acquire(key: string, now: number, limit: number, windowMs: number): Promise<RateLimitGrant> {
    const state = this.state(key)
    if (now < state.blockedUntil) {
      return { granted: false, retryAt: state.blockedUntil }
    }
    const horizon = now - windowMs
    while (state.head < state.starts.length && state.starts[state.head] <= horizon) {
      state.head++
    }
    if (state.head > 1024 && state.head * 2 > state.starts.length) {
      state.starts = state.starts.slice(state.head)
      state.head = 0
    }
    if (state.starts.length - state.head < limit) {
      state.starts.push(now)
      return { granted: true }
    }
    // the start that leaves the window first is the one `limit` places back
    return { granted: false, retryAt: state.starts[state.starts.length - limit] + windowMs }
  }

  async block(key: string, until: number): Promise<void> {
    const state = this.state(key)
    state.blockedUntil = Math.max(state.blockedUntil, until)
  }

  async blockedUntil(key: string): Promise<number> {
    return this.state(key).blockedUntil
  }

  private state(key: string): WindowState {
    let state = this.windows.get(key)
    if (!state) {
      state = { starts: [], head: 0, blockedUntil: 0 }
      this.windows.set(key, state)
    }
    return state
  }
}

export type RateLimiterOptions = {
  /** Most requests allowed to start in any rolling window. */
  limit: number
  /** Window length (default 60 000 ms: `rate_limit_per_minute`). */
  windowMs?: number
  store?: RateLimitStore
  clock?: Clock
  /** Store key; processes sharing a Chatwoot installation share a key. */
  key?: string
}

/**
 * Gate every request to Chatwoot passes before it is sent: never more than
 * `limit` starts in any rolling window, and nothing at all while a 429's
 * Retry-After is pending (`pauseUntil`). Callers are served in arrival order.
 */
export class RateLimiter {
  readonly limit: number
  readonly windowMs: number
  readonly key: string
  private readonly store: RateLimitStore
  private readonly clock: Clock
  private queue: Promise<void> = Promise.resolve()

  constructor(options: RateLimiterOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1) {
      throw new TypeError("[chatwoot] rate limit must be a positive whole number")
    }
    this.limit = options.limit
    this.windowMs = options.windowMs ?? 60_000
    this.store = options.store ?? new InMemoryRateLimitStore()
    this.clock = options.clock ?? systemClock
    this.key = options.key ?? "chatwoot"
  }

  /** Resolves when this caller may start one request (the start is counted). */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.take())
    // a failing store must not wedge the callers queued behind it
    this.queue = turn.catch(() => undefined)
    return turn
  }

  /** Holds every caller until `until` (e.g. a 429's Retry-After). */
  pauseUntil(until: number): Promise<void> {
    return this.store.block(this.key, until)
  }

  pausedUntil(): Promise<number> {
    return this.store.blockedUntil(this.key)
  }

  private async take(): Promise<void> {
    for (;;) {
      const now = this.clock.now()
      const grant = await this.store.acquire(this.key, now, this.limit, this.windowMs)
      if (grant.granted) {
        return
      }
      await this.clock.sleep(Math.max(1, grant.retryAt - now))
    }
  }
}
