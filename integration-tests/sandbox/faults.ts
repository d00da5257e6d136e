import type {
  FaultControls,
  FaultKind,
  FaultMatch,
  FaultState,
  RateLimitFault,
  ServerErrorFault,
  TimeoutFault,
} from "./types"

export function matches(match: FaultMatch | undefined, method: string, path: string): boolean {
  if (!match) return true
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false
  if (match.path === undefined) return true
  return typeof match.path === "string" ? match.path === path : match.path.test(path)
}

export type FaultDecision =
  | { kind: "outage" }
  | { kind: "timeout" }
  | { kind: "rate_limit"; retryAfter: string | null }
  | { kind: "server_error"; status: 500 | 502 | 503 | 504 }
  | null

/** Fault switches; `decide()` is consulted once per API request, in precedence order. */
export class Faults implements FaultControls {
  private s: FaultState = Faults.initial()
  /** Chatwoot's own per-minute throttle (rack-attack: a fixed one-minute window), off unless set. */
  private budget: { perMinute: number; window: number; count: number } | null = null

  constructor(private readonly clock: () => number) {}

  private static initial(): FaultState {
    return { latencyMs: 0, rateLimit: null, serverError: null, timeout: null, outageUntil: null }
  }

  latency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new Error(`latency must be a non-negative number of ms, got ${ms}`)
    }
    this.s.latencyMs = ms
  }

  rateLimit(opts: RateLimitFault): void {
    const now = this.clock()
    this.s.rateLimit = {
      ...opts,
      remaining: opts.requests ?? null,
      until: opts.forMs !== undefined ? now + opts.forMs : null,
    }
  }

  serverError(opts: ServerErrorFault = {}): void {
    this.s.serverError = { status: opts.status ?? 500, remaining: opts.requests ?? 1, match: opts.match }
  }

  timeout(opts: TimeoutFault = {}): void {
    this.s.timeout = { remaining: opts.requests ?? 1, match: opts.match }
  }

  outage(opts: { forMs: number }): void {
    this.s.outageUntil = this.clock() + opts.forMs
  }

  clear(): void {
    this.s = Faults.initial()
    this.budget = null
  }

  /**
   * Throttles like Chatwoot's rack-attack: at most `perMinute` API requests per
   * clock minute, the rest answered 429 with Retry-After = seconds to the next
   * minute. null switches it off.
   */
  ratePerMinute(perMinute: number | null): void {
    if (perMinute !== null && (!Number.isInteger(perMinute) || perMinute < 1)) {
      throw new Error(`rate per minute must be a positive whole number, got ${perMinute}`)
    }
    this.budget = perMinute === null ? null : { perMinute, window: -1, count: 0 }
  }

  get ratePerMinuteLimit(): number | null {
    return this.budget?.perMinute ?? null
  }

  /** a copy (RegExp matchers are shown as their source) */
  snapshot(): FaultState {
    const copyMatch = (m: FaultMatch | undefined) =>
      m ? { ...m, path: m.path instanceof RegExp ? String(m.path) : m.path } : undefined
    const s = this.s
    return {
      latencyMs: s.latencyMs,
      rateLimit: s.rateLimit ? { ...s.rateLimit, match: copyMatch(s.rateLimit.match) } : null,
      serverError: s.serverError ? { ...s.serverError, match: copyMatch(s.serverError.match) } : null,
      timeout: s.timeout ? { ...s.timeout, match: copyMatch(s.timeout.match) } : null,
      outageUntil: s.outageUntil,
    }
  }

  get latencyMs(): number {
    return this.s.latencyMs
  }

  decide(method: string, path: string): FaultDecision {
    const now = this.clock()
    if (this.s.outageUntil !== null) {
      if (now < this.s.outageUntil) {
        return { kind: "outage" }
      }
      this.s.outageUntil = null
    }
    if (this.s.timeout && this.s.timeout.remaining > 0 && matches(this.s.timeout.match, method, path)) {
      this.s.timeout.remaining--
      if (this.s.timeout.remaining === 0) {
        this.s.timeout = null
      }
      return { kind: "timeout" }
    }
    const rl = this.s.rateLimit
    if (rl) {
      const windowOver = rl.until !== null && now >= rl.until
      const countOver = rl.remaining !== null && rl.remaining <= 0
      // with both a count and a window, the fault ends when either runs out
      if (windowOver || countOver) {
        this.s.rateLimit = null
      } else if (matches(rl.match, method, path)) {
        if (rl.remaining !== null) {
          rl.remaining--
        }
        let retryAfter: string | null = null
        if (rl.retryAfterDate) {
          retryAfter = new Date(rl.retryAfterDate).toUTCString()
        } else if (rl.retryAfterSeconds !== undefined) {
          retryAfter = String(rl.retryAfterSeconds)
        }
        return { kind: "rate_limit", retryAfter }
      }
    }
    if (this.budget) {
      const window = Math.floor(now / 60_000)
      if (window !== this.budget.window) {
        this.budget.window = window
        this.budget.count = 0
      }
      this.budget.count++
      if (this.budget.count > this.budget.perMinute) {
        return { kind: "rate_limit", retryAfter: String(Math.max(1, Math.ceil(((window + 1) * 60_000 - now) / 1000))) }
      }
    }
    if (this.s.serverError && this.s.serverError.remaining > 0 && matches(this.s.serverError.match, method, path)) {
      const status = this.s.serverError.status
      this.s.serverError.remaining--
      if (this.s.serverError.remaining === 0) {
        this.s.serverError = null
      }
      return { kind: "server_error", status }
    }
    return null
  }
}

export const FAULT_KINDS: FaultKind[] = ["latency", "rate_limit", "server_error", "timeout", "outage"]
