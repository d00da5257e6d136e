/** The route-specific generators of the hostile-input suite: store bodies, webhook deliveries, dashboard-app ids and bodies. */
import { randomUUID } from "node:crypto"
import fc from "fast-check"
import { buildConversationPayload, buildMessagePayload } from "../../sandbox"
import { anyValue, contentType, formBody, headerSafe, junkBody, nastyString, objectLike } from "./arbitraries"
import { json, type Signer } from "./cases"
import type { Case } from "./harness"

// ---------------------------------------------------------------- storefront

/** Bodies of a store POST route: its keys with hostile values, junk in any content type, or a form body. */
export const storeBodies = (keys: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: objectLike(keys).map((body) => ({ body, type: "application/json" })) },
    { weight: 2, arbitrary: fc.record({ body: junkBody, type: contentType }) },
    { weight: 1, arbitrary: formBody.map((body) => ({ body, type: "application/x-www-form-urlencoded" })) }
  )

/** Events: a batch with hostile values in each event's fields. */
export const eventBatch = fc
  .array(
    fc.dictionary(fc.constantFrom("type", "at", "url", "product_id", "variant_id", "quantity", "__proto__", "constructor"), anyValue, {
      maxKeys: 6,
    }),
    { maxLength: 60 }
  )
  .map((events) => ({
    body: `{"events":[${events
      .map((e) => `{${Object.entries(e).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? "null"}`).join(",")}}`)
      .join(",")}]}`,
    type: "application/json",
  }))

// ---------------------------------------------------------------- webhook receiver

/** Account ids in the webhook path that are not the account's (`accountId`), or almost. */
export const absurdHookId = (accountId: string) =>
  fc.oneof(
    nastyString.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "")).slice(0, 5_000)),
    fc.constantFrom("%ZZ", "%", "..%2F..%2Fadmin", "-1", "0", "99999999999999999999999999", "cwacc_", "cwacc_" + "A".repeat(40), "cwacc_" + "A".repeat(41), "%E2%80%AEcwacc_x", accountId.toLowerCase(), `${accountId}%00`)
  )

export const WEBHOOK_EVENTS = ["conversation_created", "conversation_updated", "conversation_status_changed", "message_created", "message_updated", "contact_created", "contact_updated", "webwidget_triggered", "conversation_typing_on", "inbox_updated", "x"]

/** A body shaped like a delivery: a known (or hostile) event plus hostile fields. */
export const deliveryLike = fc
  .record({
    event: fc.oneof(fc.constantFrom(...WEBHOOK_EVENTS), nastyString),
    fields: fc.dictionary(
      fc.constantFrom("id", "account", "inbox", "conversation", "meta", "sender", "content", "message_type", "private", "status", "created_at", "updated_at", "changed_attributes", "custom_attributes", "additional_attributes", "contact_inbox", "identifier", "email", "__proto__", "constructor"),
      anyValue,
      { maxKeys: 8 }
    ),
  })
  .map(({ event, fields }) => {
    const entries = Object.entries({ ...fields })
    return `{"event":${JSON.stringify(event)}${entries.map(([k, v]) => `,${JSON.stringify(k)}:${JSON.stringify(v) ?? "null"}`).join("")}}`
  })

/** Well-formed deliveries of every processed kind for a Chatwoot account, as plain objects. */
export const wellFormedDeliveries = (chatwootAccountId: number) =>
  [
    buildConversationPayload("conversation_created", { account: { id: chatwootAccountId, name: "x" }, id: 999_999 }),
    buildMessagePayload("message_created", { account: { id: chatwootAccountId, name: "x" } }),
  ] as unknown as Record<string, unknown>[]

/** Well-formed deliveries (signed, with a delivery id) with a hostile value at a generated path. */
export const hostileFieldDeliveries = (hook: string, sign: Signer["sign"], wellFormed: Record<string, unknown>[]) =>
  fc
    .record({ base: fc.constantFrom(...wellFormed), path: fc.array(fc.constantFrom("id", "content", "meta", "sender", "conversation", "account", "inbox_id", "created_at", "updated_at", "custom_attributes", "identifier", "email", "status", "labels", "priority"), { minLength: 1, maxLength: 3 }), value: anyValue })
    .map(({ base, path, value }): Case => {
      const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>
      let at: Record<string, unknown> = copy
      for (const key of path.slice(0, -1)) {
        if (!at[key] || typeof at[key] !== "object") at[key] = {}
        at = at[key] as Record<string, unknown>
      }
      at[path[path.length - 1]] = value
      const body = JSON.stringify(copy)
      return { method: "POST", path: hook, headers: { ...json, ...sign(body), "x-chatwoot-delivery": randomUUID() }, body, ok: [200] }
    })

// ---------------------------------------------------------------- agent dashboard app

/** Ids, secrets, read queries and action bodies for the dashboard-app routes, around a real conversation's `ids`. */
export function dashboardArbitraries(ids: { contact_id: number; conversation_id: number }, dashboardSecret: string) {
  const idValue = fc.oneof(
    fc.constant(String(ids.contact_id)),
    fc.constant(String(ids.conversation_id)),
    nastyString.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "")).slice(0, 3_000)),
    fc.integer().map(String),
    fc.constantFrom("%ZZ", "1e3", "0x10", "2147483648", "-0", " 1", "1.0", "Infinity")
  )
  const secretValue = fc.oneof({ weight: 3, arbitrary: fc.constant(dashboardSecret) }, nastyString.map((s) => headerSafe(s)), fc.constant("x".repeat(257)))
  const keyShape = fc.constantFrom("", "[]", "[a]", "[0]", "[__proto__]")
  const readQuery = fc
    .array(fc.tuple(fc.constantFrom("contact_id", "conversation_id", "page", "__proto__", "x"), keyShape, idValue), { maxLength: 5 })
    .map((parts) => (parts.length ? "?" : "") + parts.map(([k, s, v]) => `${k}${s}=${v}`).join("&"))
  const ACTIONS = ["cancel", "resend-confirmation", "return", "__proto__", "constructor", "toString", "hasOwnProperty", "CANCEL", "cancel%00", "%ZZ"]
  const actionBody = fc.oneof(
    { weight: 3, arbitrary: objectLike(["contact_id", "conversation_id", "confirm", "agent", "items", "reason"]) },
    {
      weight: 3,
      arbitrary: fc
        .record({ agent: anyValue, items: anyValue, reason: anyValue, confirm: fc.oneof(fc.constant(true), anyValue) }, { requiredKeys: [] })
        .map((extra) => JSON.stringify({ ...ids, confirm: true, ...extra })),
    },
    { weight: 1, arbitrary: junkBody }
  )
  return { idValue, secretValue, readQuery, actions: ACTIONS, actionBody }
}
