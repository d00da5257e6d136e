/**
 * Retry policy of the Chatwoot client: what may be retried, when, and after
 * how long. Pure functions, so every rule has a unit test.
 *
 * The retry-safety rule for non-idempotent calls (creating an account, a
 * conversation, a message, an inbox, a dashboard app, a public contact):
 * Chatwoot has no idempotency keys, so such a call is
 * sent again only when Chatwoot certainly did not act on the first one:
 *   - 429: Rack::Attack rejects before the request reaches the app;
 *   - 500/502/503: the app failed (a raised exception rolls back the record)
 *     or the proxy could not reach it;
 *   - the connection was never made (ECONNREFUSED, DNS failure, unreachable).
 * After a timeout, a reset connection or a 504 the request may have been
 * processed, so a non-idempotent call fails with a retryable error instead and
 * the caller (the durable sync queue) decides, e.g. by looking the record up
 * before creating it again. Idempotent calls (GET, PUT, PATCH, DELETE and the
 * POSTs that upsert or replace) retry on all of these.
 */

export type RetryOptions = {
  /** Retries after a 5xx, a network error or a timeout (so at most 1 + maxRetries attempts). */
  maxRetries: number
  /** Back-off base: retry n waits a random time in [0, min(maxDelayMs, baseDelayMs · 2^n)]. */
  baseDelayMs: number
  /** Back-off cap. */
  maxDelayMs: number
  /** Retries after a 429, counted separately: a rate limit is not a failure of Chatwoot. */
  maxRateLimitRetries: number
  /**
   * Longest Retry-After the client waits for inside one call. A longer one
   * still pauses every caller, but this call fails (retryable, with
   * `retryAfterMs`) so a queue can reschedule it instead of holding a worker.
   */
  maxRetryAfterMs: number
  /** Random source in [0, 1) for the jitter. */
  random: () => number
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRateLimitRetries: 5,
  maxRetryAfterMs: 120_000,
  random: Math.random,
}

/** Extra wait after a rate-limit window is expected to reset. */
export const RATE_LIMIT_MARGIN_MS = 1_000
/** Rack::Attack's throttle period in Chatwoot (`req/ip`, 1 minute). */
export const RACK_ATTACK_PERIOD_MS = 60_000

/**
 * Full-jitter exponential back-off: a uniform random delay in
 * [0, min(maxDelayMs, baseDelayMs · 2^retry)], `retry` counting from 0.
 */
export function backoffDelay(
  retry: number,
  options: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs" | "random">
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retry))
  const r = Math.min(Math.max(options.random(), 0), 1)
  return Math.floor(r * ceiling)
}

/**
 * Parses a Retry-After header into a delay in milliseconds from `now`:
 * delta-seconds ("120") or an HTTP date ("Wed, 21 Oct 2026 07:28:00 GMT").
 * Returns undefined when absent or unparseable; a date in the past gives 0.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) {
    return undefined
  }
  const text = value.trim()
  if (!text) {
    return undefined
  }
  if (/^\d+$/.test(text)) {
    return Number(text) * 1000
  }
  if (/^\d+\.\d+$/.test(text)) {
    // not valid per RFC 9110, but unambiguous
    return Math.ceil(Number(text) * 1000)
  }
  // an HTTP date always names a weekday or a month; Date.parse accepts far more
  if (!/[a-z]{3}/i.test(text)) {
    return undefined
  }
  const at = Date.parse(text)
  if (Number.isNaN(at)) {
    return undefined
  }
  return Math.max(0, at - now)
}

/**
 * Wait after a 429 without a usable Retry-After. Chatwoot's Rack::Attack
 * (6.x, default responder) sends none, and counts requests in fixed windows
 * aligned to the epoch (`Time.now.to_i / period`), so the budget is back at the
 * next minute boundary: wait until then plus a margin for clock skew.
 */
export function defaultRetryAfterMs(now: number): number {
  const untilBoundary = RACK_ATTACK_PERIOD_MS - (now % RACK_ATTACK_PERIOD_MS)
  return untilBoundary + RATE_LIMIT_MARGIN_MS
}

/** Network failures where the request certainly never reached Chatwoot. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
])

/** Statuses proving Chatwoot did not keep the effect of a request. */
const NOT_PROCESSED_STATUSES = new Set([429, 500, 502, 503])

export type AttemptOutcome =
  | { kind: "response"; status: number }
  | { kind: "network"; code?: string }

export type RetryDecision = "done" | "retry" | "rate_limited" | "fail"

/**
 * Whether the request of an attempt may have had an effect in Chatwoot: yes
 * for a success, a timeout, a reset connection or a 504; no for a connection
 * never made, a 4xx (Chatwoot refused it) or a 429/500/502/503.
 */
export function mayHaveBeenProcessed(outcome: AttemptOutcome): boolean {
  if (outcome.kind === "network") {
    return !(outcome.code && NOT_SENT_CODES.has(outcome.code))
  }
  if (outcome.status < 400) {
    return true
  }
  if (outcome.status < 500) {
    return false
  }
  return !NOT_PROCESSED_STATUSES.has(outcome.status)
}

/**
 * What to do after an attempt. 2xx/3xx: done. 429: wait for the rate limit and
 * retry (any call). 5xx, network errors, timeouts: retry when the call is
 * idempotent or when the request certainly had no effect. Other 4xx: fail.
 */
export function decideRetry(outcome: AttemptOutcome, idempotent: boolean): RetryDecision {
  if (outcome.kind === "response") {
    if (outcome.status < 400) {
      return "done"
    }
    if (outcome.status === 429) {
      return "rate_limited"
    }
    if (outcome.status < 500) {
      return "fail"
    }
  }
  return idempotent || !mayHaveBeenProcessed(outcome) ? "retry" : "fail"
}
