import { createHash, createHmac, timingSafeEqual } from "node:crypto"

/**
 * Verification of Chatwoot's account webhooks: the
 * `X-Chatwoot-Signature: sha256=<hex>` header is HMAC-SHA256(secret,
 * "<X-Chatwoot-Timestamp>.<raw body>"), compared in constant time. Pure and
 * side-effect free; the route decides what to record and answer.
 */

/** Deliveries older (or further in the future) than this are refused as replays. */
export const WEBHOOK_MAX_SKEW_SECONDS = 300

export type WebhookRejection =
  | "missing_headers"
  | "malformed_headers"
  | "stale_timestamp"
  | "bad_signature"
  | "bad_token"

export type VerifyResult = { ok: true } | { ok: false; reason: WebhookRejection }

const TIMESTAMP = /^\d{1,12}$/
const SIGNATURE = /^sha256=[0-9a-f]{64}$/

export function signChatwootWebhook(secret: string, timestamp: string | number, rawBody: Buffer | string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest("hex")}`
}

/** Checks the signature headers of a delivery against the account's secret. */
export function verifyChatwootSignature(input: {
  rawBody: Buffer
  timestamp: string | undefined
  signature: string | undefined
  secret: string
  nowMs?: number
  maxSkewSeconds?: number
}): VerifyResult {
  const { timestamp, signature } = input
  if (!timestamp || !signature) return { ok: false, reason: "missing_headers" }
  if (!TIMESTAMP.test(timestamp) || !SIGNATURE.test(signature.toLowerCase())) {
    return { ok: false, reason: "malformed_headers" }
  }
  const now = (input.nowMs ?? Date.now()) / 1000
  if (Math.abs(now - Number(timestamp)) > (input.maxSkewSeconds ?? WEBHOOK_MAX_SKEW_SECONDS)) {
    return { ok: false, reason: "stale_timestamp" }
  }
  const expected = Buffer.from(signChatwootWebhook(input.secret, timestamp, input.rawBody))
  const given = Buffer.from(signature.toLowerCase())
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? { ok: true }
    : { ok: false, reason: "bad_signature" }
}

/**
 * Compares a URL token (Chatwoot < 4.12, no signature) with the expected one
 * in constant time: both are hashed first so their lengths never leak.
 */
export function verifyUrlToken(given: string | undefined, expected: string): VerifyResult {
  if (!given) return { ok: false, reason: "missing_headers" }
  const a = createHash("sha256").update(given, "utf8").digest()
  const b = createHash("sha256").update(expected, "utf8").digest()
  return timingSafeEqual(a, b) ? { ok: true } : { ok: false, reason: "bad_token" }
}

export type WebhookPayload = Record<string, unknown> & { event: string }

/** The JSON object of a delivery, or null when it is not one with an `event` name. */
export function parseWebhookPayload(rawBody: Buffer): WebhookPayload | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(rawBody.toString("utf8"))
  } catch {
    return null
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null
  const event = (parsed as { event?: unknown }).event
  if (typeof event !== "string" || !/^[a-z_.]{1,64}$/.test(event)) return null
  return parsed as WebhookPayload
}

const DELIVERY_ID = /^[0-9a-zA-Z-]{8,64}$/

/**
 * The de-duplication key of a delivery: `X-Chatwoot-Delivery` when present,
 * else event + id + updated_at (created_at for messages), else a hash of the
 * body, so an identical re-delivery is recognised either way.
 */
export function webhookDeliveryKey(deliveryHeader: string | undefined, payload: WebhookPayload, rawBody: Buffer): string {
  if (deliveryHeader && DELIVERY_ID.test(deliveryHeader)) return `delivery:${deliveryHeader}`
  // only strings and numbers count: String() of a hostile object ({"toString":1}) throws
  const id = scalar(payload.id) ?? scalar((payload.conversation as { id?: unknown } | null | undefined)?.id) ?? ""
  const at = scalar(payload.updated_at) ?? scalar(payload.created_at)
  const stamp = at ?? createHash("sha256").update(rawBody).digest("hex").slice(0, 32)
  const key = `event:${payload.event}:${id}:${stamp}`
  // bounded: the key is a unique-indexed column, and ids of any size arrive in hostile bodies
  return key.length <= MAX_DELIVERY_KEY ? key : `event:${payload.event}:sha256:${createHash("sha256").update(key).digest("hex")}`
}

const MAX_DELIVERY_KEY = 200

function scalar(value: unknown): string | null {
  return typeof value === "string" || (typeof value === "number" && Number.isFinite(value)) ? String(value) : null
}

/**
 * The de-duplication key of the signed material itself, which a replay
 * cannot change: the signature (an HMAC over timestamp and body, so unique
 * per delivery) when the delivery was signed, else a hash of the raw body (URL
 * token mode). A captured delivery replayed under a fresh
 * `X-Chatwoot-Delivery` header still has this key and is a duplicate.
 */
export function webhookMaterialKey(input: { rawBody: Buffer; timestamp?: string; signature?: string; signed: boolean }): string {
  if (input.signed && input.timestamp && input.signature) {
    return `sig:${createHash("sha256").update(`${input.timestamp}.${input.signature.toLowerCase()}`).digest("hex").slice(0, 40)}`
  }
  return `body:${createHash("sha256").update(input.rawBody).digest("hex").slice(0, 40)}`
}
