import { createHmac } from "node:crypto"
import fc from "fast-check"
import {
  parseWebhookPayload,
  signChatwootWebhook,
  verifyChatwootSignature,
  verifyUrlToken,
  webhookDeliveryKey,
  WEBHOOK_MAX_SKEW_SECONDS,
} from "../verify"

/**
 * Property tests of the webhook verifier and payload parser (issue #12,
 * hostile input): whatever arrives, they never throw, and only a signature
 * Chatwoot would compute passes. Fixed seed; HOSTILE_RUNS raises the runs.
 */
const RUNS = Math.max(100, Number(process.env.HOSTILE_RUNS) || 0) * 4
const options = { seed: 1212, numRuns: RUNS }
const NOW = 1_781_690_500_000

const anyString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom("", "sha256=", `sha256=${"0".repeat(64)}`, `SHA256=${"A".repeat(64)}`, "\u0000", "\ud800", "-1", "1e10", "99999999999999999999", " 1781690500", "1781690500 ")
)
const bytes = fc.uint8Array({ maxLength: 500 }).map((b) => Buffer.from(b))
const secretArb = fc.string({ unit: "binary", minLength: 1, maxLength: 64 })
/** A timestamp inside the allowed skew around NOW. */
const freshTs = fc.integer({ min: -WEBHOOK_MAX_SKEW_SECONDS, max: WEBHOOK_MAX_SKEW_SECONDS }).map((d) => String(Math.floor(NOW / 1000) + d))

describe("verifyChatwootSignature (property)", () => {
  it("never throws, whatever the headers, body and secret", () => {
    fc.assert(
      fc.property(bytes, fc.option(anyString, { nil: undefined }), fc.option(anyString, { nil: undefined }), secretArb, (rawBody, timestamp, signature, secret) => {
        const result = verifyChatwootSignature({ rawBody, timestamp, signature, secret, nowMs: NOW })
        expect(typeof result.ok).toBe("boolean")
      }),
      options
    )
  })

  it("passes a fresh signature over timestamp and body, in either hex case", () => {
    fc.assert(
      fc.property(bytes, freshTs, secretArb, fc.boolean(), (rawBody, ts, secret, upper) => {
        const hex = createHmac("sha256", secret).update(`${ts}.`).update(rawBody).digest("hex")
        const signature = `sha256=${upper ? hex.toUpperCase() : hex}`
        expect(verifyChatwootSignature({ rawBody, timestamp: ts, signature, secret, nowMs: NOW })).toEqual({ ok: true })
      }),
      options
    )
  })

  it("refuses every signature that is not HMAC(secret, timestamp.body): another body, secret, timestamp or any changed digit", () => {
    fc.assert(
      fc.property(bytes, bytes, freshTs, secretArb, secretArb, fc.nat(63), (rawBody, otherBody, ts, secret, otherSecret, at) => {
        const good = signChatwootWebhook(secret, ts, rawBody)
        const verify = (over: { rawBody?: Buffer; timestamp?: string; signature?: string; secret?: string }) =>
          verifyChatwootSignature({ rawBody, timestamp: ts, signature: good, secret, nowMs: NOW, ...over }).ok
        if (!otherBody.equals(rawBody)) expect(verify({ rawBody: otherBody })).toBe(false)
        if (otherSecret !== secret) expect(verify({ secret: otherSecret })).toBe(false)
        expect(verify({ timestamp: String(Number(ts) + 1) })).toBe(false)
        const hex = good.slice("sha256=".length)
        const flipped = hex.slice(0, at) + (hex[at] === "0" ? "1" : "0") + hex.slice(at + 1)
        expect(verify({ signature: `sha256=${flipped}` })).toBe(false)
        // a signature of the body alone, or with the timestamp appended, is not Chatwoot's
        expect(verify({ signature: `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}` })).toBe(false)
      }),
      options
    )
  })

  it("refuses random signatures and stale or future timestamps", () => {
    fc.assert(
      fc.property(bytes, secretArb, fc.stringMatching(/^[0-9a-f]{64}$/), fc.integer({ min: WEBHOOK_MAX_SKEW_SECONDS + 1, max: 10 ** 9 }), fc.boolean(), (rawBody, secret, hex, skew, future) => {
        const ts = String(Math.floor(NOW / 1000) + (future ? skew : -skew))
        const good = signChatwootWebhook(secret, ts, rawBody)
        expect(verifyChatwootSignature({ rawBody, timestamp: ts, signature: good, secret, nowMs: NOW })).toEqual({ ok: false, reason: "stale_timestamp" })
        const fresh = String(Math.floor(NOW / 1000))
        if (`sha256=${hex}` !== signChatwootWebhook(secret, fresh, rawBody)) {
          expect(verifyChatwootSignature({ rawBody, timestamp: fresh, signature: `sha256=${hex}`, secret, nowMs: NOW }).ok).toBe(false)
        }
      }),
      options
    )
  })
})

describe("verifyUrlToken (property)", () => {
  it("never throws and passes only the exact token", () => {
    fc.assert(
      fc.property(fc.option(anyString, { nil: undefined }), secretArb, (given, expected) => {
        expect(verifyUrlToken(given, expected).ok).toBe(given === expected)
      }),
      options
    )
  })
})

/** JSON values with hostile keys (prototype names, toString/valueOf that are not functions) and strings. */
const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small" },
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("v"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("__proto__", "constructor", "toString", "valueOf", "event", "id", "created_at", "updated_at", "conversation")), tie("v"), { maxKeys: 5 })
  ),
})).v

const EVENT = /^[a-z_.]{1,64}$/

describe("parseWebhookPayload (property)", () => {
  it("never throws on any bytes, and returns only objects with a valid event name", () => {
    fc.assert(
      fc.property(bytes, (raw) => {
        const payload = parseWebhookPayload(raw)
        if (payload !== null) {
          expect(typeof payload).toBe("object")
          expect(payload.event).toMatch(EVENT)
        }
      }),
      options
    )
  })

  it("takes exactly the JSON objects whose event is a valid name", () => {
    fc.assert(
      fc.property(hostileJson, fc.oneof(fc.constantFrom("message_created", "conversation_created", "x.y"), fc.string({ unit: "binary", maxLength: 70 }), hostileJson), (value, event) => {
        const candidate = value && typeof value === "object" && !Array.isArray(value) ? { ...(value as object), event } : value
        const raw = Buffer.from(JSON.stringify(candidate) ?? "null")
        const payload = parseWebhookPayload(raw)
        const acceptable =
          candidate !== null && typeof candidate === "object" && !Array.isArray(candidate) && typeof event === "string" && EVENT.test(event)
        expect(payload !== null).toBe(acceptable)
      }),
      options
    )
  })

  it("does not pollute Object.prototype with a __proto__ key", () => {
    const payload = parseWebhookPayload(Buffer.from('{"event":"message_created","__proto__":{"polluted":true}}'))
    expect(payload).not.toBeNull()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it("finishes a 10,000-level nested body quickly", () => {
    const deep = Buffer.from(`{"event":"message_created","x":${"[".repeat(10_000)}${"]".repeat(10_000)}}`)
    const started = performance.now()
    expect(parseWebhookPayload(deep)?.event).toBe("message_created")
    expect(performance.now() - started).toBeLessThan(200)
  })
})

describe("webhookDeliveryKey (property)", () => {
  it("never throws and stays short (it is a unique-indexed column), whatever the payload's id and stamps", () => {
    const field = fc.oneof(hostileJson, fc.string({ unit: "binary", minLength: 150, maxLength: 3_000 }), fc.constant({ toString: 1 }), fc.constant({ valueOf: "x" }))
    fc.assert(
      fc.property(
        fc.record({ id: field, created_at: field, updated_at: field, conversation: fc.oneof(field, fc.record({ id: field })) }, { requiredKeys: [] }),
        fc.option(anyString, { nil: undefined }),
        (fields, header) => {
          const payload = { ...fields, event: "message_created" }
          const raw = Buffer.from(JSON.stringify(payload))
          // as it arrives: through JSON (own toString/valueOf keys survive)
          const key = webhookDeliveryKey(header, parseWebhookPayload(raw)!, raw)
          expect(typeof key).toBe("string")
          expect(key.length).toBeLessThanOrEqual(256)
        }
      ),
      options
    )
  })

  it("still tells different deliveries apart when their keys are hashed", () => {
    const a = { event: "message_created", id: "a".repeat(500), created_at: 1 }
    const b = { event: "message_created", id: "a".repeat(499) + "b", created_at: 1 }
    const key = (p: object) => webhookDeliveryKey(undefined, p as never, Buffer.from(JSON.stringify(p)))
    expect(key(a)).not.toBe(key(b))
    expect(key(a)).toBe(key({ ...a }))
  })
})
