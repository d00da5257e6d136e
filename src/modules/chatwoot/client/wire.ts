// Wire-level helpers of ChatwootHttp: URLs, headers, bodies, transport errors.

import type { AxiosResponse } from "axios"
import { MedusaError } from "@medusajs/framework/utils"
import { ChatwootApiError, redact } from "./errors"
import type { AttemptOutcome } from "./retry"

export type QueryValue = string | number | boolean | undefined

/** Fills `{placeholders}` (URI-encoded) and appends the query string. */
export function buildUrl(
  template: string,
  params: Record<string, string | number> = {},
  query: Record<string, QueryValue> = {}
): string {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined || value === null || value === "") {
      throw new MedusaError(
        MedusaError.Types.INVALID_ARGUMENT,
        `Chatwoot ${template}: missing path parameter ${name}`
      )
    }
    return encodeURIComponent(String(value))
  })
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) {
      search.append(key, String(value))
    }
  }
  const qs = search.toString()
  return qs ? `${path}?${qs}` : path
}

export function describeOutcome(outcome: AttemptOutcome): string {
  return outcome.kind === "network" ? outcome.code ?? "network error" : String(outcome.status)
}

export function headerValue(response: AxiosResponse, name: string): string | undefined {
  const value: unknown = response.headers?.[name]
  if (Array.isArray(value)) {
    return typeof value[0] === "string" ? value[0] : undefined
  }
  return typeof value === "string" ? value : undefined
}

export function parseMaybeJson(data: unknown): unknown {
  if (typeof data !== "string") {
    return data
  }
  const text = data.trim()
  if (!text) {
    return undefined
  }
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export function parseBody<T>(
  response: AxiosResponse<string>,
  operation: string,
  secrets: ReadonlyArray<string | undefined>,
  attempts: number
): T {
  const text = typeof response.data === "string" ? response.data.trim() : ""
  if (!text) {
    return undefined as T
  }
  try {
    return JSON.parse(text) as T
  } catch {
    throw new ChatwootApiError({
      operation,
      status: response.status,
      chatwootMessage: redact(`invalid JSON in the response: ${text.slice(0, 100)}`, secrets),
      retryable: false,
      attempts,
    })
  }
}

/** Code and message of a transport failure, without touching its config (headers). */
export function describeTransportError(error: unknown): { code?: string; message?: string } {
  if (!error || typeof error !== "object") {
    return { message: String(error) }
  }
  const record = error as { code?: unknown; message?: unknown; cause?: { code?: unknown } }
  const own = typeof record.code === "string" ? record.code : undefined
  const cause = typeof record.cause?.code === "string" ? record.cause.code : undefined
  return {
    // axios' generic ERR_NETWORK hides the socket's code in `cause`
    code: own && own !== "ERR_NETWORK" ? own : cause ?? own,
    message: typeof record.message === "string" ? record.message : undefined,
  }
}
