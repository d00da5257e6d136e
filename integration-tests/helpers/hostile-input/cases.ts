/** The hand-picked cases of the hostile-input suite, per route group, and the signing of webhook cases. */
import { randomBytes, randomUUID } from "node:crypto"
import { signWebhookBody } from "../../sandbox"
import { deepArray, deepObject, fakeJwt } from "./arbitraries"
import type { Case } from "./harness"

export const json = { "content-type": "application/json" }
export const HUGE = (kb: number) => JSON.stringify({ email: "a@b.co", message: "x".repeat(kb * 1024) })

/** Cases every POST route gets: over the size limit, deep nesting, junk in every content type. */
export const commonPostCases = (path: string, headers: Record<string, string>, limitKb: number): Case[] => [
  { method: "POST", path, headers: { ...headers, ...json }, body: HUGE(limitKb + 4) },
  { method: "POST", path, headers: { ...headers, ...json }, body: HUGE(2_048) },
  { method: "POST", path, headers: { ...headers, ...json }, body: deepArray(10_000) },
  { method: "POST", path, headers: { ...headers, ...json }, body: deepObject(10_000) },
  { method: "POST", path, headers: { ...headers, ...json }, body: deepObject(5_000, "__proto__") },
  { method: "POST", path, headers: { ...headers, "content-type": "application/x-www-form-urlencoded" }, body: "a" + "[a]".repeat(5_000) + "=1" },
  { method: "POST", path, headers: { ...headers, "content-type": "application/x-www-form-urlencoded" }, body: "__proto__[polluted]=1&constructor[prototype][polluted]=1" },
  { method: "POST", path, headers: { ...headers, "content-type": "application/x-www-form-urlencoded" }, body: Array.from({ length: 3_000 }, (_, i) => `a[${i}]=1`).join("&") },
  { method: "POST", path, headers: { ...headers, "content-type": "text/plain" }, body: "x".repeat(limitKb * 1024 + 10) },
  { method: "POST", path, headers: { ...headers, "content-type": "application/json; charset=utf-16" }, body: "{}" },
  { method: "POST", path, headers: { ...headers, "content-type": "application/json", "content-encoding": "gzip" }, body: "not gzip" },
  { method: "POST", path, headers: { ...headers, "content-type": "application/json", "content-encoding": "br" }, body: "{}" },
  { method: "POST", path, headers: { ...headers, ...json }, body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0x22, 0x7d]) },
  { method: "POST", path, headers: { ...headers, ...json }, body: "{\"__proto__\":{\"polluted\":true},\"constructor\":{\"prototype\":{\"polluted\":true}}}" },
  { method: "POST", path, headers: { ...headers, ...json, "x-huge": "h".repeat(12_000) }, body: "{}" },
  { method: "PUT", path, headers: { ...headers, ...json }, body: "{}" },
  { method: "DELETE", path, headers },
]

/** Odd queries and headers on the storefront GET routes (`sf.headers` carry the valid publishable key). */
export function storefrontGetCases(sf: { headers: Record<string, string> }): Case[] {
  const widget = "/store/chatwoot/widget"
  return [
    // query arrays and objects on the locale Medusa's store middleware reads itself
    { method: "GET", path: `${widget}?locale[]=de&locale[]=fr`, headers: sf.headers, ok: [200] },
    { method: "GET", path: `${widget}?locale[a]=b`, headers: sf.headers, ok: [200] },
    { method: "GET", path: `${widget}?locale[__proto__][x]=1`, headers: sf.headers, ok: [200] },
    { method: "GET", path: `${widget}?locale=%ZZ`, headers: sf.headers, ok: [200] },
    { method: "GET", path: `${widget}?locale=${"de-".repeat(2_000)}`, headers: sf.headers, ok: [200] },
    { method: "GET", path: `${widget}?x[]=1&x[]=2`, headers: sf.headers, ok: [200] },
    { method: "GET", path: `${widget}?${"a".repeat(7_000)}=1`, headers: sf.headers, ok: [200] },
    { method: "GET", path: `${widget}?${Array.from({ length: 2_000 }, (_, i) => `k${i}=1`).join("&")}`, headers: sf.headers, ok: [200] },
    { method: "GET", path: `${widget}?a${"[a]".repeat(3_000)}=1`, headers: sf.headers, ok: [200] },
    { method: "GET", path: widget, headers: { ...sf.headers, "x-medusa-locale": "\u00ff\u00fe".repeat(1_000) }, ok: [200] },
    { method: "GET", path: widget, headers: { ...sf.headers, "x-medusa-locale": "--" }, ok: [200] },
    { method: "GET", path: widget, headers: { ...sf.headers, "if-none-match": "\"" + "a".repeat(12_000) + "\"" }, ok: [200, 304] },
    { method: "GET", path: widget, headers: { "x-publishable-api-key": "pk_" + "z".repeat(12_000) } },
    { method: "GET", path: widget, headers: { "x-publishable-api-key": "' OR 1=1 --" } },
    { method: "GET", path: widget },
    { method: "POST", path: widget, headers: { ...sf.headers, ...json }, body: "{}" },
    { method: "GET", path: "/store/chatwoot/identity?locale[]=x", headers: sf.headers },
    { method: "GET", path: "/store/chatwoot/identity", headers: { ...sf.headers, authorization: `Bearer ${fakeJwt({ actor_id: "cus_x", actor_type: "customer" })}` } },
    { method: "GET", path: "/store/chatwoot/identity", headers: { ...sf.headers, authorization: "Bearer " + "a".repeat(12_000) } },
    { method: "GET", path: "/store/chatwoot/identity", headers: { ...sf.headers, cookie: "connect.sid=s%3A" + "a".repeat(8_000) } },
    { method: "GET", path: "/chatwoot/loader.js?x[]=1&x[a]=2", ok: [200] },
    { method: "GET", path: "/chatwoot/loader.js", headers: { "if-none-match": "*" }, ok: [200, 304] },
    { method: "GET", path: "/chatwoot/loader.js/..%2f..%2fpackage.json" },
    { method: "GET", path: "/chatwoot/%2e%2e/%2e%2e/package.json" },
    { method: "POST", path: "/chatwoot/loader.js", headers: json, body: "{}" },
  ]
}

/** Wrong types and sizes in the contact form's fields, all with a valid e-mail and message around them. */
export function contactFieldCases(sf: { headers: Record<string, string> }): Case[] {
  const contact = "/store/chatwoot/contact"
  const valid = { email: "hostile@example.com", message: "Hello" }
  return [
    { ...valid, email: ["a@b.co", "c@d.co"] },
    { ...valid, email: { $ne: null } },
    { ...valid, message: { toString: "x" } },
    { ...valid, message: "m".repeat(5_001) },
    { ...valid, message: "\u0000\u202e\u200b" },
    { ...valid, message: " \t\n " },
    { ...valid, name: "n".repeat(256) },
    { ...valid, order_id: "order_" + "9".repeat(200) },
    { ...valid, order_id: 12345 },
    { ...valid, email: "a".repeat(250) + "@b.co" },
    { ...valid, email: "\u0430dmin@example.com\u0000" },
  ].map((b): Case => ({ method: "POST", path: contact, headers: { ...sf.headers, ...json }, body: JSON.stringify(b), ok: [201, 202] }))
}

/** Hostile queries on the contact form and out-of-range events. */
export function storePostCases(sf: { headers: Record<string, string> }): Case[] {
  const contact = "/store/chatwoot/contact"
  const valid = { email: "hostile@example.com", message: "Hello" }
  return [
    { method: "POST", path: `${contact}?locale[]=x`, headers: { ...sf.headers, ...json }, body: JSON.stringify(valid), ok: [201, 202] },
    { method: "POST", path: `${contact}?__proto__[polluted]=1`, headers: { ...sf.headers, ...json }, body: JSON.stringify(valid), ok: [201, 202] },
    { method: "POST", path: "/store/chatwoot/events", headers: { ...sf.headers, ...json }, body: JSON.stringify({ events: Array(51).fill({ type: "page_view" }) }) },
    { method: "POST", path: "/store/chatwoot/events", headers: { ...sf.headers, ...json }, body: JSON.stringify({ events: [{ type: "page_view", at: "9999-99-99T99:99:99Z" }] }) },
    { method: "POST", path: "/store/chatwoot/events", headers: { ...sf.headers, ...json }, body: JSON.stringify({ events: [{ type: "add_to_cart", quantity: 1e308 }] }) },
  ]
}

/** Signs webhook bodies with the account's secret (now, or at `ts`). */
export function webhookSigner(webhookSecret: string, hook: string) {
  const sign = (body: string | Buffer, ts = Math.floor(Date.now() / 1000)) => ({
    "x-chatwoot-timestamp": String(ts),
    "x-chatwoot-signature": `sha256=${signWebhookBody(webhookSecret, ts, body)}`,
  })
  const signedCase = (body: string, extra: Record<string, string> = {}, withDeliveryId = true): Case => ({
    method: "POST",
    path: hook,
    headers: { ...json, ...sign(body), ...(withDeliveryId ? { "x-chatwoot-delivery": randomUUID() } : {}), ...extra },
    body,
    ok: [200],
  })
  return { sign, signedCase }
}
export type Signer = ReturnType<typeof webhookSigner>

/** Deep, huge, polluting, stale and mis-addressed deliveries to the account's receiver `hook`. */
export function webhookCases(hook: string, accountId: string, { sign, signedCase }: Signer): Case[] {
  const big = (n: number) => JSON.stringify({ event: "message_created", id: "9".repeat(n), content: "x" })
  return [
    ...commonPostCases(hook, {}, 512),
    signedCase(deepArray(10_000)),
    signedCase(deepObject(10_000)),
    signedCase(`{"event":"message_created","x":${deepArray(10_000)}}`),
    signedCase(`{"event":"message_created","x":${deepObject(10_000)}}`),
    signedCase(`{"event":"conversation_created","meta":${deepObject(5_000, "sender")}}`),
    signedCase(`{"event":"message_created","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}`),
    // ids and stamps of absurd size end up in the de-duplication key
    signedCase(big(100_000)),
    signedCase(big(100_000), {}, false),
    // incompressible: a long delivery key does not fit Postgres' unique index unless it is bounded
    signedCase(JSON.stringify({ event: "message_created", id: randomBytes(20_000).toString("base64"), created_at: 1 }), {}, false),
    signedCase(JSON.stringify({ event: "conversation_created", id: 1, updated_at: "u".repeat(100_000) }), {}, false),
    signedCase(JSON.stringify({ event: "conversation_created", conversation: { id: "c".repeat(50_000) } }), {}, false),
    signedCase(JSON.stringify({ event: "message_created", id: { a: 1 }, created_at: [1, 2] }), {}, false),
    signedCase(JSON.stringify({ event: "message_created", id: { toString: 1 }, created_at: { valueOf: 1 } }), {}, false),
    signedCase(JSON.stringify({ event: "message_created", id: 1 }), { "x-chatwoot-delivery": "not a uuid \u00ff" }),
    signedCase(JSON.stringify({ event: "message_created" }), { "x-chatwoot-delivery": "d".repeat(64) }),
    signedCase(JSON.stringify({ event: "e".repeat(64) })),
    signedCase(JSON.stringify({ event: "e".repeat(65) })),
    signedCase(JSON.stringify({ event: "message_created", content: "\u0000\ud800\u202e" + "x".repeat(400_000) })),
    signedCase(JSON.stringify({ event: "message_created", content: "order #".repeat(50_000) })),
    // stale, future and absurd timestamps with a matching signature
    ...[-1, 0, 1e12, Math.floor(Date.now() / 1000) + 10_000].map((ts): Case => {
      const body = JSON.stringify({ event: "message_created" })
      return { method: "POST", path: hook, headers: { ...json, ...sign(body, ts) }, body }
    }),
    { method: "POST", path: `${hook}?token[]=a&token[]=b`, headers: json, body: "{}" },
    { method: "POST", path: `${hook}?token[a]=b`, headers: json, body: "{}" },
    { method: "POST", path: `/hooks/chatwoot/${"cwacc_".padEnd(5_000, "A")}`, headers: json, body: "{}" },
    { method: "POST", path: "/hooks/chatwoot/", headers: json, body: "{}" },
    { method: "POST", path: "/hooks/chatwoot/%ZZ", headers: json, body: "{}" },
    { method: "POST", path: `/hooks/chatwoot/${accountId}/..%2F..%2Fadmin`, headers: json, body: "{}" },
    { method: "GET", path: hook },
  ]
}

/** Hostile ids, pages, secrets, paths and bodies on the dashboard-app routes, around a real conversation's `ids`. */
export function dashboardCases(ids: { contact_id: number; conversation_id: number }, dashboardSecret: string): Case[] {
  const secretHeader = { "x-dashboard-app-secret": dashboardSecret }
  const api_ = "/chatwoot/dashboard-app/api"
  return [
    ...commonPostCases(`${api_}/orders/order_x/cancel`, secretHeader, 16),
    { method: "GET", path: `${api_}/context?contact_id[]=1&contact_id[]=2&conversation_id=1`, headers: secretHeader },
    { method: "GET", path: `${api_}/context?contact_id[a]=1&conversation_id[__proto__]=1`, headers: secretHeader },
    { method: "GET", path: `${api_}/context?contact_id=${"9".repeat(500)}&conversation_id=1`, headers: secretHeader },
    { method: "GET", path: `${api_}/context?contact_id=${ids.contact_id}&conversation_id=${ids.conversation_id}&page=1e400`, headers: secretHeader },
    { method: "GET", path: `${api_}/context?contact_id=${ids.contact_id}&conversation_id=${ids.conversation_id}&page=10000`, headers: secretHeader, ok: [200] },
    { method: "GET", path: `${api_}/orders?contact_id=${ids.contact_id}&conversation_id=${ids.conversation_id}&page=9999`, headers: secretHeader, ok: [200] },
    { method: "GET", path: `${api_}/context?contact_id=${ids.contact_id}&conversation_id=${ids.conversation_id}`, headers: { "x-dashboard-app-secret": dashboardSecret + "\u00a0" }, ok: [200] }, // surrounding whitespace is trimmed
    { method: "GET", path: `${api_}/context?contact_id=${ids.contact_id}&conversation_id=${ids.conversation_id}`, headers: { "x-dashboard-app-secret": " " + dashboardSecret.toUpperCase() } },
    { method: "GET", path: `${api_}/context?contact_id=${ids.contact_id}&conversation_id=${ids.conversation_id}`, headers: { "x-dashboard-app-secret": "s".repeat(12_000) } },
    { method: "GET", path: `${api_}/context?contact_id=${ids.contact_id}&conversation_id=${ids.conversation_id}` },
    { method: "GET", path: `${api_}/nope`, headers: secretHeader },
    { method: "GET", path: `${api_}/orders/${"%2e%2e%2f".repeat(20)}cancel`, headers: secretHeader },
    { method: "POST", path: `${api_}/orders/${"o".repeat(5_000)}/cancel`, headers: { ...secretHeader, ...json }, body: JSON.stringify({ ...ids, confirm: true }) },
    { method: "POST", path: `${api_}/orders/' OR 1=1 --/cancel`.replace(/ /g, "%20"), headers: { ...secretHeader, ...json }, body: JSON.stringify({ ...ids, confirm: true }) },
    { method: "POST", path: `${api_}/orders/order_x/__proto__`, headers: { ...secretHeader, ...json }, body: JSON.stringify({ ...ids, confirm: true }) },
    { method: "POST", path: `${api_}/orders/order_x/cancel`, headers: { ...secretHeader, ...json }, body: JSON.stringify({ ...ids, confirm: "true" }) },
    { method: "POST", path: `${api_}/orders/order_x/return`, headers: { ...secretHeader, ...json }, body: JSON.stringify({ ...ids, confirm: true, items: Array(101).fill({ id: "x", quantity: 1 }) }) },
    { method: "POST", path: `${api_}/orders/order_x/return`, headers: { ...secretHeader, ...json }, body: JSON.stringify({ ...ids, confirm: true, items: [{ id: "x", quantity: 1e308 }] }) },
    { method: "POST", path: `${api_}/orders/order_x/cancel`, headers: { ...secretHeader, ...json }, body: JSON.stringify({ ...ids, confirm: true, agent: { id: 1e308, name: "\u202e".repeat(200), email: "x".repeat(321) } }) },
    { method: "POST", path: `${api_}/orders/order_x/cancel`, headers: { ...secretHeader, ...json }, body: `{"contact_id":${ids.contact_id},"conversation_id":${ids.conversation_id},"confirm":true,"__proto__":{"confirm":true}}` },
    { method: "POST", path: `${api_}/context`, headers: { ...secretHeader, ...json }, body: "{}" },
    { method: "GET", path: "/chatwoot/dashboard-app?k[]=1&k[a]=2", ok: [200, 304] },
    { method: "GET", path: "/chatwoot/dashboard-app/%ZZ" },
    { method: "POST", path: "/chatwoot/dashboard-app", headers: json, body: "{}" },
  ]
}
