import { signWebhookBody } from "../../../../../integration-tests/sandbox"
import {
  parseWebhookPayload,
  signChatwootWebhook,
  verifyChatwootSignature,
  verifyUrlToken,
  webhookDeliveryKey,
} from "../verify"

const secret = "wHr8dT2kQm9ZpX4vL7nB3cJ6"
const body = Buffer.from('{"event":"conversation_created","id":42,"updated_at":1781690400.123}')
const now = 1_781_690_500_000

describe("verifyChatwootSignature", () => {
  const ts = String(now / 1000)
  const signed = (over: Partial<Parameters<typeof verifyChatwootSignature>[0]> = {}) =>
    verifyChatwootSignature({ rawBody: body, timestamp: ts, signature: signChatwootWebhook(secret, ts, body), secret, nowMs: now, ...over })

  it("accepts what the sandbox (Chatwoot 4.15) signs", () => {
    expect(signChatwootWebhook(secret, ts, body)).toBe(`sha256=${signWebhookBody(secret, ts, body)}`)
    expect(signed()).toEqual({ ok: true })
    expect(signed({ signature: signChatwootWebhook(secret, ts, body).toUpperCase().replace("SHA256", "sha256") })).toEqual({ ok: true })
  })

  it("refuses missing, garbled, stale, future, tampered and wrongly keyed deliveries", () => {
    expect(signed({ signature: undefined })).toEqual({ ok: false, reason: "missing_headers" })
    expect(signed({ timestamp: undefined })).toEqual({ ok: false, reason: "missing_headers" })
    expect(signed({ timestamp: "12abc" })).toEqual({ ok: false, reason: "malformed_headers" })
    expect(signed({ signature: "sha1=abcd" })).toEqual({ ok: false, reason: "malformed_headers" })
    expect(signed({ signature: `sha256=${"a".repeat(63)}` })).toEqual({ ok: false, reason: "malformed_headers" })
    expect(signed({ nowMs: now + 301_000 })).toEqual({ ok: false, reason: "stale_timestamp" })
    expect(signed({ nowMs: now - 301_000 })).toEqual({ ok: false, reason: "stale_timestamp" })
    expect(signed({ nowMs: now + 299_000 })).toEqual({ ok: true })
    expect(signed({ rawBody: Buffer.from(body.toString().replace("42", "43")) })).toEqual({ ok: false, reason: "bad_signature" })
    expect(signed({ secret: "another-secret" })).toEqual({ ok: false, reason: "bad_signature" })
    // a signature over the body alone (no timestamp) is not Chatwoot's
    const bodyOnly = `sha256=${require("node:crypto").createHmac("sha256", secret).update(body).digest("hex")}`
    expect(signed({ signature: bodyOnly })).toEqual({ ok: false, reason: "bad_signature" })
  })
})

describe("verifyUrlToken", () => {
  it("compares tokens of any length without failing on length", () => {
    expect(verifyUrlToken("abc", "abc")).toEqual({ ok: true })
    expect(verifyUrlToken("abcd", "abc")).toEqual({ ok: false, reason: "bad_token" })
    expect(verifyUrlToken(undefined, "abc")).toEqual({ ok: false, reason: "missing_headers" })
  })
})

describe("parseWebhookPayload", () => {
  it("takes JSON objects with an event name, nothing else", () => {
    expect(parseWebhookPayload(body)?.event).toBe("conversation_created")
    expect(parseWebhookPayload(Buffer.from("not json"))).toBeNull()
    expect(parseWebhookPayload(Buffer.from("[1,2]"))).toBeNull()
    expect(parseWebhookPayload(Buffer.from('{"id":1}'))).toBeNull()
    expect(parseWebhookPayload(Buffer.from('{"event":"<script>"}'))).toBeNull()
  })
})

describe("webhookDeliveryKey", () => {
  const payload = parseWebhookPayload(body)!
  it("is the delivery header when there is one", () => {
    expect(webhookDeliveryKey("0f8e4c2a-1b3d-4e5f-8a9b-0c1d2e3f4a5b", payload, body)).toBe("delivery:0f8e4c2a-1b3d-4e5f-8a9b-0c1d2e3f4a5b")
  })
  it("else event + id + updated_at (created_at for messages), else a hash of the body", () => {
    expect(webhookDeliveryKey(undefined, payload, body)).toBe("event:conversation_created:42:1781690400.123")
    const message = { event: "message_created", id: 901, created_at: "2026-06-17T10:00:00.000Z" }
    expect(webhookDeliveryKey(undefined, message, Buffer.from(JSON.stringify(message)))).toBe("event:message_created:901:2026-06-17T10:00:00.000Z")
    const contact = { event: "contact_updated", id: 7, name: "A" }
    const key = webhookDeliveryKey("not a uuid!", contact, Buffer.from(JSON.stringify(contact)))
    expect(key).toMatch(/^event:contact_updated:7:[0-9a-f]{32}$/)
    const other = { ...contact, name: "B" }
    expect(webhookDeliveryKey(undefined, other, Buffer.from(JSON.stringify(other)))).not.toBe(key)
  })
})

describe("webhookMaterialKey", () => {
  it("names the signed material, whatever the unsigned delivery header says", async () => {
    const { webhookMaterialKey } = await import("../verify")
    const sig = signChatwootWebhook(secret, "1781690500", body)
    const a = webhookMaterialKey({ rawBody: body, timestamp: "1781690500", signature: sig, signed: true })
    expect(webhookMaterialKey({ rawBody: body, timestamp: "1781690500", signature: sig.toUpperCase().replace("SHA256", "sha256"), signed: true })).toBe(a)
    expect(webhookMaterialKey({ rawBody: body, timestamp: "1781690501", signature: signChatwootWebhook(secret, "1781690501", body), signed: true })).not.toBe(a)
    expect(a).not.toContain(sig.slice(7, 20))
    // URL-token mode (nothing signed): the body itself
    const b = webhookMaterialKey({ rawBody: body, signed: false })
    expect(webhookMaterialKey({ rawBody: Buffer.from(body), timestamp: "1", signature: "x", signed: false })).toBe(b)
    expect(webhookMaterialKey({ rawBody: Buffer.from(`${body} `), signed: false })).not.toBe(b)
  })
})
