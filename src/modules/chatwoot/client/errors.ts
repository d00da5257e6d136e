import { MedusaError } from "@medusajs/framework/utils"

/** Placeholder written where a token would have appeared. */
export const REDACTED = "[REDACTED]"

export type ChatwootApiErrorInit = {
  /** `METHOD /path/{template}` of the call, never with ids or tokens filled in. */
  operation: string
  /** Chatwoot's HTTP status; undefined when no response arrived (network, timeout). */
  status?: number
  /** Chatwoot's own message (from `message`, `error` or `errors`), redacted. */
  chatwootMessage?: string
  /** Attributes Chatwoot named in a 422 (`{ message, attributes: [...] }`). */
  chatwootAttributes?: string[]
  /** Transport failure code (ECONNREFUSED, ETIMEDOUT, ECONNRESET, …). */
  networkCode?: string
  /** Whether trying again later may succeed (429, 5xx, network, timeout). */
  retryable: boolean
  /** How long Chatwoot asked us to wait (429), when the client gave up waiting. */
  retryAfterMs?: number
  /** Attempts made, including the first. */
  attempts?: number
  /**
   * Whether an attempt may have reached Chatwoot and taken effect (timeout,
   * reset connection, 5xx): check before re-sending a non-idempotent call.
   */
  maybeApplied?: boolean
  /** Extra words for the message only (e.g. the transport's "timeout of 100ms exceeded"). */
  detail?: string
}

/**
 * A failed call to Chatwoot, as a MedusaError. Carries Chatwoot's status and
 * message but never a token: the client builds it from scratch instead of
 * wrapping the transport's error (whose config holds the request headers).
 */
export class ChatwootApiError extends MedusaError {
  readonly operation: string
  readonly status?: number
  readonly chatwootMessage?: string
  readonly chatwootAttributes?: string[]
  readonly networkCode?: string
  readonly retryable: boolean
  readonly retryAfterMs?: number
  readonly attempts: number
  readonly maybeApplied: boolean

  constructor(init: ChatwootApiErrorInit) {
    super(mapStatusToType(init.status, init.chatwootMessage), describe(init))
    this.name = "ChatwootApiError"
    this.operation = init.operation
    this.status = init.status
    this.chatwootMessage = init.chatwootMessage
    this.chatwootAttributes = init.chatwootAttributes
    this.networkCode = init.networkCode
    this.retryable = init.retryable
    this.retryAfterMs = init.retryAfterMs
    this.attempts = init.attempts ?? 1
    this.maybeApplied = init.maybeApplied ?? false
  }

  /** 422 "… has already been taken": the record exists (Chatwoot's uniqueness validation). */
  get isDuplicate(): boolean {
    return this.type === MedusaError.Types.DUPLICATE_ERROR
  }

  static is(error: unknown): error is ChatwootApiError {
    return error instanceof ChatwootApiError
  }
}

function describe(init: ChatwootApiErrorInit): string {
  const what = init.status
    ? `${init.status}${init.chatwootMessage ? ` ${init.chatwootMessage}` : ""}`
    : `${init.networkCode ?? "network error"}${init.detail ? ` (${init.detail})` : ""}`
  const attempts = init.attempts && init.attempts > 1 ? ` after ${init.attempts} attempts` : ""
  return `Chatwoot ${init.operation} failed: ${what}${attempts}`
}

const DUPLICATE_PATTERN = /has already been taken/i

/**
 * Chatwoot status → MedusaError type. A 401/403 from Chatwoot (bad or revoked
 * token, Pundit denial, suspended account) is a problem of the plugin's
 * credentials, not of the Medusa caller: it maps to NOT_ALLOWED (HTTP 400),
 * because a 401 from a Medusa admin route would make the dashboard log its
 * user out. `status` keeps Chatwoot's own code for the plugin's logic.
 */
export function mapStatusToType(status: number | undefined, message?: string): string {
  const T = MedusaError.Types
  if (status === undefined) {
    return T.UNEXPECTED_STATE
  }
  if (status === 400) {
    return T.INVALID_DATA
  }
  if (status === 401) {
    return T.NOT_ALLOWED
  }
  if (status === 402) {
    // plan or usage limit ("Account limit exceeded")
    return T.NOT_ALLOWED
  }
  if (status === 403) {
    return T.NOT_ALLOWED
  }
  if (status === 404) {
    return T.NOT_FOUND
  }
  if (status === 409) {
    return T.CONFLICT
  }
  if (status === 422) {
    return message && DUPLICATE_PATTERN.test(message) ? T.DUPLICATE_ERROR : T.INVALID_DATA
  }
  return T.UNEXPECTED_STATE
}

/** Statuses worth trying again later. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500
}

/**
 * Extracts Chatwoot's message from an error body: `{ message }` (422 record
 * invalid), `{ error }` (404/401/…), `{ errors: [...] }` (devise), or a plain
 * text body (rack-attack's "Retry later").
 */
export function extractChatwootMessage(body: unknown): {
  message?: string
  attributes?: string[]
} {
  if (typeof body === "string") {
    const text = body.trim()
    return text ? { message: truncate(/^</.test(text) ? htmlText(text) : text) } : {}
  }
  if (!body || typeof body !== "object") {
    return {}
  }
  const record = body as Record<string, unknown>
  const attributes = Array.isArray(record.attributes)
    ? record.attributes.filter((a): a is string => typeof a === "string")
    : undefined
  for (const key of ["message", "error", "errors"]) {
    const text = stringify(record[key])
    if (text) {
      return { message: truncate(text), attributes }
    }
  }
  return { attributes }
}

function stringify(value: unknown): string | undefined {
  if (typeof value === "string") {
    return value.trim() || undefined
  }
  if (Array.isArray(value)) {
    const parts = value.map(stringify).filter((v): v is string => Boolean(v))
    return parts.length ? parts.join("; ") : undefined
  }
  if (value && typeof value === "object") {
    // { errors: { email: ["has already been taken"] } }
    const parts = Object.entries(value as Record<string, unknown>).map(([k, v]) => {
      const text = stringify(v)
      return text ? `${k} ${text}` : undefined
    })
    const joined = parts.filter(Boolean).join("; ")
    return joined || undefined
  }
  return undefined
}

/** A proxy's HTML error page, reduced to its title (or its text). */
function htmlText(page: string): string {
  // a proxy's page is read only as far as its head: the patterns below would be quadratic on a huge one
  const html = page.slice(0, 16_384)
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim()
  return title || html.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim()
}

function truncate(text: string, max = 500): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}

/** Replaces every occurrence of each secret in `text`. */
export function redact(text: string, secrets: ReadonlyArray<string | undefined>): string
export function redact(text: undefined, secrets: ReadonlyArray<string | undefined>): undefined
export function redact(
  text: string | undefined,
  secrets: ReadonlyArray<string | undefined>
): string | undefined
export function redact(
  text: string | undefined,
  secrets: ReadonlyArray<string | undefined>
): string | undefined {
  if (text === undefined) {
    return undefined
  }
  let out = text
  for (const secret of secrets) {
    // very short strings would redact ordinary words; tokens are long
    if (secret && secret.length >= 4) {
      out = out.split(secret).join(REDACTED)
    }
  }
  return out
}
