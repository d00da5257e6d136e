import http from "node:http"
import https from "node:https"
import axios, { type AxiosInstance, type AxiosResponse } from "axios"
import { MedusaError } from "@medusajs/framework/utils"
import { systemClock, type Clock } from "./clock"
import { ChatwootApiError, extractChatwootMessage, redact } from "./errors"
import { RateLimiter } from "./rate-limiter"
import {
  DEFAULT_RETRY_OPTIONS,
  backoffDelay,
  decideRetry,
  defaultRetryAfterMs,
  mayHaveBeenProcessed,
  parseRetryAfter,
  type AttemptOutcome,
  type RetryOptions,
} from "./retry"
import {
  buildUrl,
  describeOutcome,
  describeTransportError,
  headerValue,
  parseBody,
  parseMaybeJson,
  type QueryValue,
} from "./wire"

export { buildUrl, type QueryValue }

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE"

/**
 * Which credential a call carries: the Platform App token, a user token of one
 * account, or none (Public API of an API inbox).
 */
export type RequestKind = "platform" | "account" | "public"

export type ChatwootRequest = {
  method: HttpMethod
  /** Path template, e.g. `/api/v1/accounts/{account_id}/contacts/{id}`. */
  path: string
  /** Values of the template's `{placeholders}` (URI-encoded here). */
  params?: Record<string, string | number>
  query?: Record<string, QueryValue>
  /** Sent as JSON. */
  body?: unknown
  kind: RequestKind
  /** Required for "account"; for "platform" it overrides the configured token. */
  token?: string
  /**
   * Whether sending the request twice is harmless. Defaults to true for every
   * method but POST. See retry.ts for what is retried when it is false.
   */
  idempotent?: boolean
}

/** The part of Medusa's logger the client uses. */
export type ChatwootLogger = {
  debug(message: string): void
}

/** One attempt, for health metrics (recent 429/5xx counts, last success). */
export type ChatwootExchange = {
  operation: string
  kind: RequestKind
  attempt: number
  status?: number
  networkCode?: string
  durationMs: number
  /** Chatwoot account of an Application API call (per-account health counters). */
  accountId?: number
}

export type ChatwootHttpOptions = {
  /** Base URL of the Chatwoot installation (`chatwoot_url`). */
  baseUrl: string
  platformToken?: string
  /** Timeout of one attempt (`request_timeout_ms`, default 10 000). */
  timeoutMs?: number
  /** Shared by every caller of this client. */
  limiter: RateLimiter
  retry?: Partial<RetryOptions>
  clock?: Clock
  logger?: ChatwootLogger
  onExchange?: (exchange: ChatwootExchange) => void
}

export const API_TOKEN_HEADER = "api_access_token"
export const DEFAULT_TIMEOUT_MS = 10_000

/**
 * The one request path of the plugin to Chatwoot: base URL, token header,
 * JSON, timeout, rate limit, retries, and errors as ChatwootApiError.
 */
export class ChatwootHttp {
  readonly baseUrl: string
  readonly limiter: RateLimiter
  private readonly platformToken?: string
  private readonly timeoutMs: number
  private readonly retry: RetryOptions
  private readonly clock: Clock
  private readonly logger?: ChatwootLogger
  private readonly onExchange?: (exchange: ChatwootExchange) => void
  private readonly httpAgent = new http.Agent({ keepAlive: true })
  private readonly httpsAgent = new https.Agent({ keepAlive: true })
  private readonly axios: AxiosInstance

  constructor(options: ChatwootHttpOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "")
    this.platformToken = options.platformToken
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    this.limiter = options.limiter
    this.retry = { ...DEFAULT_RETRY_OPTIONS, ...options.retry }
    this.clock = options.clock ?? systemClock
    this.logger = options.logger
    this.onExchange = options.onExchange
    this.axios = axios.create({
      baseURL: this.baseUrl,
      timeout: this.timeoutMs,
      // every status is handled below; axios only throws for transport failures
      validateStatus: () => true,
      // a redirect would carry the token header to wherever it points
      maxRedirects: 0,
      responseType: "text",
      transformResponse: [(data: unknown) => data],
      transitional: { clarifyTimeoutError: true },
      httpAgent: this.httpAgent,
      httpsAgent: this.httpsAgent,
    })
  }

  get hasPlatformToken(): boolean {
    return Boolean(this.platformToken)
  }

  /** Sends one logical request (with its retries) and returns the parsed JSON body. */
  async request<T>(req: ChatwootRequest): Promise<T> {
    const operation = `${req.method} ${req.path}`
    const token = this.selectToken(req, operation)
    const secrets = [this.platformToken, token]
    const url = buildUrl(req.path, req.params, req.query)
    const idempotent = req.idempotent ?? req.method !== "POST"
    const headers: Record<string, string> = { Accept: "application/json" }
    if (token) {
      headers[API_TOKEN_HEADER] = token
    }
    const data = req.body === undefined ? undefined : JSON.stringify(req.body)
    if (data !== undefined) {
      headers["Content-Type"] = "application/json"
    }

    let attempt = 0
    let failures = 0
    let rateLimited = 0
    let maybeApplied = false

    for (;;) {
      await this.limiter.acquire()
      attempt++
      const started = this.clock.now()
      let response: AxiosResponse<string> | undefined
      let outcome: AttemptOutcome
      let detail: string | undefined
      try {
        response = await this.axios.request<string>({ method: req.method, url, headers, data })
        outcome = { kind: "response", status: response.status }
      } catch (error) {
        const transport = describeTransportError(error)
        outcome = { kind: "network", code: transport.code }
        detail = redact(transport.message, secrets)
      }
      this.report({
        operation,
        kind: req.kind,
        attempt,
        status: response?.status,
        networkCode: outcome.kind === "network" ? outcome.code : undefined,
        durationMs: this.clock.now() - started,
        accountId: typeof req.params?.account_id === "number" ? req.params.account_id : undefined,
      })

      const decision = decideRetry(outcome, idempotent)
      if (decision === "done" && response) {
        return parseBody<T>(response, operation, secrets, attempt)
      }

      if (decision === "rate_limited" && response) {
        const now = this.clock.now()
        const header = headerValue(response, "retry-after")
        const waitMs = parseRetryAfter(header, now) ?? defaultRetryAfterMs(now)
        // hold every caller, not just this one: the budget is per IP
        await this.limiter.pauseUntil(now + waitMs)
        if (rateLimited >= this.retry.maxRateLimitRetries || waitMs > this.retry.maxRetryAfterMs) {
          throw this.toError(operation, response, secrets, attempt, { retryAfterMs: waitMs, maybeApplied })
        }
        rateLimited++
        this.logger?.debug(
          `chatwoot: 429 on ${operation}; pausing every call for ${waitMs} ms ` +
            `(rate-limit retry ${rateLimited}/${this.retry.maxRateLimitRetries})`
        )
        continue
      }

      if (req.method === "DELETE" && maybeApplied && response?.status === 404) {
        // an earlier attempt whose answer was lost already deleted it
        return undefined as T
      }
      maybeApplied = maybeApplied || mayHaveBeenProcessed(outcome)

      if (decision === "retry" && failures < this.retry.maxRetries) {
        const delay = backoffDelay(failures, this.retry)
        failures++
        const what = response ? String(response.status) : describeOutcome(outcome)
        this.logger?.debug(
          `chatwoot: ${operation} failed (${what}); retry ${failures}/${this.retry.maxRetries} in ${delay} ms`
        )
        await this.clock.sleep(delay)
        continue
      }

      if (response) {
        throw this.toError(operation, response, secrets, attempt, { maybeApplied })
      }
      throw new ChatwootApiError({
        operation,
        networkCode: outcome.kind === "network" ? outcome.code : undefined,
        detail,
        retryable: true,
        maybeApplied,
        attempts: attempt,
      })
    }
  }

  /** Closes pooled keep-alive connections. */
  close(): void {
    this.httpAgent.destroy()
    this.httpsAgent.destroy()
  }

  private selectToken(req: ChatwootRequest, operation: string): string | undefined {
    if (req.kind === "public") {
      if (req.token) {
        throw new MedusaError(
          MedusaError.Types.INVALID_ARGUMENT,
          `Chatwoot ${operation}: the Public API takes no token`
        )
      }
      return undefined
    }
    if (req.kind === "platform") {
      const token = req.token ?? this.platformToken
      if (!token) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Chatwoot ${operation} needs a Platform App token: set the plugin option platform_token (self-hosted Chatwoot only)`
        )
      }
      return token
    }
    if (!req.token) {
      throw new MedusaError(
        MedusaError.Types.INVALID_ARGUMENT,
        `Chatwoot ${operation} needs the account's access token`
      )
    }
    return req.token
  }

  private toError(
    operation: string,
    response: AxiosResponse<string>,
    secrets: ReadonlyArray<string | undefined>,
    attempts: number,
    extra: { retryAfterMs?: number; maybeApplied?: boolean } = {}
  ): ChatwootApiError {
    const { message, attributes } = extractChatwootMessage(parseMaybeJson(response.data))
    const status = response.status
    return new ChatwootApiError({
      operation,
      status,
      chatwootMessage: redact(message, secrets),
      chatwootAttributes: attributes,
      retryable: status === 429 || status >= 500,
      retryAfterMs: extra.retryAfterMs,
      maybeApplied: extra.maybeApplied,
      attempts,
    })
  }

  private report(exchange: ChatwootExchange): void {
    try {
      this.onExchange?.(exchange)
    } catch {
      // metrics must never break a call
    }
  }
}
