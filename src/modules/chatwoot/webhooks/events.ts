/** Emitted by the webhook receiver for every verified, first-seen delivery of an event the plugin processes. */
export const CHATWOOT_WEBHOOK_RECEIVED = "chatwoot.webhook.received"

export type ChatwootWebhookReceived = {
  /** chatwoot_webhook_delivery row id */
  delivery_id: string
  /** chatwoot_account row id */
  account_id: string
  event: string
  /** The delivery reduced to the fields the planner reads ({@link webhookEventData}). */
  payload: Record<string, unknown>
}

/**
 * The account-webhook events the plugin processes (prepare-webhook.ts). Any
 * other event (`inbox_created/updated` carry channel secrets, typing events
 * are noise, `contact_created` is the plugin's own sync) is acknowledged and
 * dropped: it never reaches the event bus, a workflow or a table.
 */
export const PROCESSED_WEBHOOK_EVENTS = [
  "conversation_created",
  "conversation_updated",
  "conversation_status_changed",
  "message_created",
  "message_updated",
  "webwidget_triggered",
  "contact_updated",
] as const
export type ProcessedWebhookEvent = (typeof PROCESSED_WEBHOOK_EVENTS)[number]

export function isProcessedWebhookEvent(event: unknown): event is ProcessedWebhookEvent {
  return typeof event === "string" && (PROCESSED_WEBHOOK_EVENTS as readonly string[]).includes(event)
}

/** Longest message text passed on (the planner reads only the first 4 KB). */
const MAX_CONTENT = 4096
const MAX_STRING = 1024
const MAX_LABELS = 100

type Json = Record<string, unknown>
type Scalar = string | number | boolean | null

const obj = (v: unknown): Json | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : null)

function scalar(v: unknown, max = MAX_STRING): Scalar | undefined {
  if (v === null || typeof v === "boolean") return v
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined
  if (typeof v === "string") return v.length > max ? v.slice(0, max) : v
  return undefined
}

/** The listed keys of `source` that hold a scalar; nothing else (no nested object, no other key). */
function pick(source: unknown, keys: readonly string[]): Json | undefined {
  const o = obj(source)
  if (!o) return undefined
  const out: Json = {}
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(o, key)) continue
    const value = scalar(o[key])
    if (value !== undefined) out[key] = value
  }
  return out
}

function assign(out: Json, key: string, value: unknown) {
  if (value !== undefined) out[key] = value
}

/** The plugin's own conversation attributes: `order_id` and `medusa_*`, scalars only. */
function conversationAttributes(source: unknown): Json | undefined {
  const o = obj(source)
  if (!o) return undefined
  const out: Json = {}
  for (const key of Object.keys(o).slice(0, 200)) {
    if (key !== "order_id" && !key.startsWith("medusa_")) continue
    const value = scalar(o[key])
    if (value !== undefined) out[key] = value
  }
  return out
}

/**
 * Conversation webhook data as mirror-data.ts reads it. Left out on purpose:
 * `contact_inbox.pubsub_token` and `source_id`, the `messages` array, the
 * contact's attributes, browser details.
 */
function conversation(source: unknown): Json | null {
  const c = obj(source)
  if (!c) return null
  const out = pick(c, [
    "id", "inbox_id", "channel", "status", "priority", "unread_count",
    "created_at", "updated_at", "last_activity_at", "timestamp",
  ])!
  if (Array.isArray(c.labels)) {
    out.labels = c.labels.filter((l): l is string => typeof l === "string").slice(0, MAX_LABELS).map((l) => l.slice(0, 255))
  }
  assign(out, "custom_attributes", conversationAttributes(c.custom_attributes))
  assign(out, "additional_attributes", pick(c.additional_attributes, ["conversation_language", "browser_language"]))
  assign(out, "contact_inbox", pick(c.contact_inbox, ["contact_id", "hmac_verified"]))
  const meta = obj(c.meta)
  if (meta) {
    const m = pick(meta, ["assignee_type", "hmac_verified"])!
    assign(m, "sender", pick(meta.sender, ["id", "identifier", "email", "type"]))
    assign(m, "assignee", pick(meta.assignee, ["id", "name", "available_name", "type"]))
    assign(m, "team", pick(meta.team, ["id", "name"]))
    out.meta = m
  }
  return out
}

/** `changed_attributes` of a contact delivery: which fields changed, and the tier before/after. */
function contactChanges(source: unknown): Json[] | undefined {
  if (!Array.isArray(source)) return undefined
  return source.slice(0, 100).map((entry) => {
    const e = obj(entry) ?? {}
    const out: Json = {}
    for (const key of Object.keys(e).slice(0, 100)) {
      if (key === "__proto__") continue
      if (key === "custom_attributes") {
        const ca = obj(e[key]) ?? {}
        out[key] = {
          previous_value: pick(ca.previous_value, ["medusa_tier"]) ?? {},
          current_value: pick(ca.current_value, ["medusa_tier"]) ?? {},
        }
      } else {
        out[key] = {}
      }
    }
    return out
  })
}

/**
 * A processed event's payload reduced to an allow-list of the fields the
 * planner reads: nothing else is emitted, kept in a workflow's input or
 * stored. No channel token, HMAC token, `pubsub_token`, website token or any
 * other secret can pass, whatever Chatwoot puts into a payload.
 */
export function webhookEventData(event: ProcessedWebhookEvent, payload: Json): Json {
  const out: Json = { event }
  assign(out, "account", pick(payload.account, ["id"]))
  switch (event) {
    case "conversation_created":
    case "conversation_updated":
    case "conversation_status_changed":
      Object.assign(out, conversation(payload) ?? {}, { event })
      break
    case "message_created":
    case "message_updated": {
      Object.assign(out, pick(payload, ["id", "message_type", "private", "created_at", "content_type"]))
      const content = scalar(payload.content, MAX_CONTENT)
      if (content !== undefined) out.content = content
      assign(out, "sender", pick(payload.sender, ["id", "type"]))
      out.conversation = conversation(payload.conversation)
      break
    }
    case "webwidget_triggered":
      Object.assign(out, pick(payload, ["id"]))
      out.current_conversation = conversation(payload.current_conversation)
      break
    case "contact_updated":
      Object.assign(out, pick(payload, ["id", "identifier", "name", "email", "phone_number"]))
      assign(out, "changed_attributes", contactChanges(payload.changed_attributes))
      break
  }
  return out
}
