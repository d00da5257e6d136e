import { MedusaError } from "@medusajs/framework/utils"
import { systemClock, type Clock } from "./clock"
import { ChatwootHttp, type ChatwootExchange, type ChatwootLogger } from "./http"
import { RateLimiter, type RateLimitStore } from "./rate-limiter"
import { ChatwootCallMetrics } from "./metrics"
import type { RetryOptions } from "./retry"
import { AccountApi } from "./resources/account"
import { PlatformApi } from "./resources/platform"
import { PublicApi } from "./resources/public"
import type { Profile } from "./types"

export type ChatwootClientOptions = {
  /** Base URL of the Chatwoot installation (`chatwoot_url`). */
  baseUrl: string
  /** Platform App token (`platform_token`); without it `platform.*` throws NOT_ALLOWED. */
  platformToken?: string
  /** Timeout of one attempt (`request_timeout_ms`, default 10 000). */
  timeoutMs?: number
  /** Most calls started in any rolling minute (`rate_limit_per_minute`, default 2400). */
  rateLimitPerMinute?: number
  /** Where the limiter counts; default in memory (one process). */
  rateLimitStore?: RateLimitStore
  /** A limiter to share with other clients (overrides the two options above). */
  rateLimiter?: RateLimiter
  retry?: Partial<RetryOptions>
  clock?: Clock
  logger?: ChatwootLogger
  /** Called after every attempt (status or network code, duration), for health metrics. */
  onExchange?: (exchange: ChatwootExchange) => void
  /** Where per-account call counters (429/5xx, last success) are kept; default a new in-memory one. */
  metrics?: ChatwootCallMetrics
}

export const DEFAULT_CLIENT_RATE_LIMIT_PER_MINUTE = 2400

/** Slack added to the limiter's one-minute window for delivery jitter (1.6 % of the budget). */
export const RATE_WINDOW_GUARD_MS = 1_000

/**
 * The plugin's Chatwoot client: `platform` (Platform API), `account(id, token)`
 * (Application API of one account) and `public(inboxIdentifier)` (Public API).
 * Every call goes through one ChatwootHttp, so one rate limiter and one retry
 * policy cover all of them.
 */
export class ChatwootClient {
  readonly http: ChatwootHttp
  readonly platform: PlatformApi
  /** Recent calls per Chatwoot account, for the health page. */
  readonly metrics: ChatwootCallMetrics

  constructor(options: ChatwootClientOptions) {
    const clock = options.clock ?? systemClock
    const metrics = (this.metrics = options.metrics ?? new ChatwootCallMetrics(clock))
    const limiter =
      options.rateLimiter ??
      new RateLimiter({
        limit: options.rateLimitPerMinute ?? DEFAULT_CLIENT_RATE_LIMIT_PER_MINUTE,
        // a second over the minute: a call started at the window's edge can arrive a little
        // later, and Chatwoot counts arrivals — never more than the limit in any minute there either
        windowMs: 60_000 + RATE_WINDOW_GUARD_MS,
        store: options.rateLimitStore,
        clock,
      })
    this.http = new ChatwootHttp({
      baseUrl: options.baseUrl,
      platformToken: options.platformToken,
      timeoutMs: options.timeoutMs,
      limiter,
      retry: options.retry,
      clock,
      logger: options.logger,
      onExchange: (exchange) => {
        metrics.record(exchange)
        options.onExchange?.(exchange)
      },
    })
    this.platform = new PlatformApi(this.http)
  }

  /** Whether Platform API calls are possible (a platform token is configured). */
  get hasPlatformToken(): boolean {
    return this.http.hasPlatformToken
  }

  get rateLimiter(): RateLimiter {
    return this.http.limiter
  }

  /** The Application API of one account, with a user token of that account. */
  account(accountId: number, token: string): AccountApi {
    if (!Number.isInteger(accountId) || accountId < 1) {
      throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, `Invalid Chatwoot account id: ${accountId}`)
    }
    if (!token) {
      throw new MedusaError(
        MedusaError.Types.INVALID_ARGUMENT,
        `Chatwoot account ${accountId}: an access token is required`
      )
    }
    return new AccountApi(this.http, accountId, token)
  }

  /**
   * The owner of a user token and the accounts it belongs to, with roles
   * (GET /api/v1/profile): verifies a pasted token before any account is known.
   */
  profile(token: string): Promise<Profile> {
    if (!token) {
      throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, "Chatwoot access token is required")
    }
    return this.http.request<Profile>({ method: "GET", path: "/api/v1/profile", kind: "account", token })
  }

  /** The Public API of one API inbox (`inbox_identifier`); no token. */
  public(inboxIdentifier: string): PublicApi {
    if (!inboxIdentifier) {
      throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, "Chatwoot inbox identifier is required")
    }
    return new PublicApi(this.http, inboxIdentifier)
  }

  /** Closes pooled connections (module shutdown, tests). */
  close(): void {
    this.http.close()
  }
}

export { ChatwootApiError, REDACTED } from "./errors"
export { ChatwootHttp, API_TOKEN_HEADER } from "./http"
export type { ChatwootRequest, ChatwootExchange, ChatwootLogger, HttpMethod, RequestKind } from "./http"
export { RateLimiter, InMemoryRateLimitStore } from "./rate-limiter"
export { ChatwootCallMetrics } from "./metrics"
export type { CallCounts } from "./metrics"
export type { RateLimitStore, RateLimitGrant, RateLimiterOptions } from "./rate-limiter"
export { DEFAULT_RETRY_OPTIONS, backoffDelay, parseRetryAfter, defaultRetryAfterMs, decideRetry } from "./retry"
export type { RetryOptions } from "./retry"
export { systemClock } from "./clock"
export type { Clock } from "./clock"
export { AccountApi } from "./resources/account"
export { AgentsApi } from "./resources/agents"
export type { Agent, AgentInput } from "./resources/agents"
export { PlatformApi } from "./resources/platform"
export { PublicApi } from "./resources/public"
export * from "./types"
