/** Sandbox options, the request log and fault injection. */

export type SandboxOptions = {
  /** TCP port, 0/undefined = random free port */
  port?: number
  /** bind address, default 127.0.0.1 */
  host?: string
  /** platform app token, default random */
  platformToken?: string
  /** account-webhook delivery timeout, default 5000 ms (Chatwoot's WEBHOOK_TIMEOUT default) */
  webhookTimeoutMs?: number
  /** ms clock, default Date.now; drives created_at, timestamps and fault windows */
  clock?: () => number
  /** deliver account webhooks automatically when state changes through the API (default true) */
  deliverWebhooks?: boolean
}

export type FaultKind = "latency" | "rate_limit" | "server_error" | "timeout" | "outage"

export interface RequestLogEntry {
  id: number
  /** ms (sandbox clock) when the request arrived */
  at: number
  method: string
  /** path without the query string */
  path: string
  query: Record<string, string | string[]>
  headers: Record<string, string | string[] | undefined>
  /** parsed JSON body, or undefined when there was none (or it was not JSON) */
  body: unknown
  rawBody: string
  /** 0 when no response was sent (timeout, outage) */
  status: number
  /** parsed JSON response, the raw text for non-JSON responses, undefined for empty bodies */
  responseBody: unknown
  durationMs: number
  fault?: FaultKind
}

/** Restrict a fault to some requests; the others pass untouched and do not count. */
export interface FaultMatch {
  /** HTTP method, case-insensitive */
  method?: string
  /** exact path (no query string), or a RegExp tested against the path */
  path?: string | RegExp
}

export interface RateLimitFault {
  /** Retry-After as delta-seconds */
  retryAfterSeconds?: number
  /** Retry-After as an HTTP-date (wins over retryAfterSeconds) */
  retryAfterDate?: Date
  /** answer the next N requests with 429 */
  requests?: number
  /** answer every request with 429 for this long */
  forMs?: number
  /** only requests matching this are limited */
  match?: FaultMatch
}

export interface ServerErrorFault {
  status?: 500 | 502 | 503 | 504
  requests?: number
  /** only requests matching this fail */
  match?: FaultMatch
}

export interface TimeoutFault {
  requests?: number
  /** only requests matching this hang */
  match?: FaultMatch
}

export interface FaultControls {
  /** added to every response (0 = off) */
  latency(ms: number): void
  /**
   * 429 text/plain "Retry later\n" (rack-attack's default responder) for the next N requests or for a
   * time window; with neither, until clear(). Retry-After is sent only when a value is given — real
   * Chatwoot (rack-attack defaults) sends none.
   */
  rateLimit(opts: RateLimitFault): void
  /** the next N (default 1) requests answer 5xx (500 = Rails JSON body, 502/503/504 = proxy HTML) */
  serverError(opts?: ServerErrorFault): void
  /** the next N (default 1) requests never answer; the socket is held open until close() */
  timeout(opts?: TimeoutFault): void
  /** every request's connection is destroyed (client sees ECONNRESET / socket hang up) for forMs */
  outage(opts: { forMs: number }): void
  /** Chatwoot's per-minute throttle (rack-attack, fixed one-minute windows): 429 past `perMinute`; null = off */
  ratePerMinute(perMinute: number | null): void
  readonly ratePerMinuteLimit: number | null
  clear(): void
}

export interface FaultState {
  latencyMs: number
  rateLimit: (RateLimitFault & { remaining: number | null; until: number | null }) | null
  serverError: { status: 500 | 502 | 503 | 504; remaining: number; match?: FaultMatch } | null
  timeout: { remaining: number; match?: FaultMatch } | null
  outageUntil: number | null
}
