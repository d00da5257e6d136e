/** fast-check generators of hostile values, bodies, queries and headers, shared by every route group. */
import fc from "fast-check"
import { CONTENT_TYPES, NASTY_STRINGS, PROTO_KEYS } from "./strings"

export const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) }
)

export const nastyNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, -(2 ** 63), 1e308)
)

/** Any JSON value, with hostile strings and keys. */
export const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    nastyString,
    nastyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(nastyString, fc.constantFrom(...PROTO_KEYS)), tie("value"), { maxKeys: 4 })
  ),
})).value

/** A JSON object with the route's keys (some, hostile values) plus hostile extra keys, prototype keys included. */
export function objectLike(keys: string[]) {
  return fc
    .tuple(
      fc.dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: keys.length }),
      fc.dictionary(fc.oneof(fc.constantFrom(...PROTO_KEYS), nastyString), anyValue, { maxKeys: 2 })
    )
    .map(([own, extra]) => {
      // built by hand: a literal `__proto__` key must reach the server as an own key of the JSON text
      const entries = [...Object.entries(own), ...Object.entries(extra)]
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? "null"}`).join(",")}}`
    })
}

export const deepArray = (n: number) => "[".repeat(n) + "]".repeat(n)
export const deepObject = (n: number, key = "a") => `{"${key}":`.repeat(n) + "1" + "}".repeat(n)

/** Bodies that are not what any route takes: invalid JSON, wrong top-level types, deep nesting, bad bytes. */
export const junkBody = fc.oneof(
  anyValue.map((v) => JSON.stringify(v) ?? "null"),
  fc.constantFrom(
    "",
    "{",
    "}",
    "{oops",
    "{\"a\":}",
    "[1,2,",
    "{\"email\":\"a@b.co\",}",
    "\"just a string\"",
    "123",
    "-1e999",
    "null",
    "true",
    "NaN",
    "{\"a\":1}{\"b\":2}",
    "\ufeff{}",
    "\u0000",
    "{\"__proto__\":{\"polluted\":true}}",
    "{\"constructor\":{\"prototype\":{\"polluted\":true}}}",
    "{\"a\":\"\\ud800\"}",
    "{\"a\":\"\\u0000\"}",
    deepArray(2_000),
    deepObject(2_000)
  ),
  fc.string({ unit: "binary", maxLength: 500 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes))
)

export const contentType = fc.constantFrom(...CONTENT_TYPES)

/** A url-encoded form body with nested, array and prototype keys. */
export const formBody = fc
  .array(
    fc.tuple(
      fc.constantFrom("email", "message", "events", "__proto__", "constructor", "a"),
      fc.constantFrom("", "[]", "[0]", "[a]", "[__proto__]", "[constructor][prototype]", "[a][b][c][d][e][f][g]", "[99999]"),
      nastyString.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "")))
    ),
    { maxLength: 6 }
  )
  .map((parts) => parts.map(([k, sub, v]) => `${k}${sub}=${v}`).join("&"))

/** Hostile query strings: arrays, objects, repeats, bad escapes, huge values. */
export function queryFor(keys: string[]) {
  const key = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...keys) }, fc.constantFrom(...PROTO_KEYS, "locale", "fields", "x"))
  const value = fc.oneof(
    nastyString.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "")).slice(0, 6_000)),
    fc.constantFrom("%ZZ", "%", "%E0%A4%A", "%00", "%C0%AE", "1", "0", "-1", "1e400", "2147483648", "abc", "")
  )
  const shape = fc.constantFrom("", "[]", "[0]", "[a]", "[__proto__]", "[a][b]")
  return fc
    .array(fc.tuple(key, shape, value), { minLength: 1, maxLength: 5 })
    .map((parts) => "?" + parts.map(([k, s, v]) => `${k}${s}=${v}`).join("&"))
}

/** Header values must be latin-1 without control characters to leave Node's client; unicode goes as raw UTF-8 bytes. */
export const headerSafe = (s: string, max = 4_000) =>
  Buffer.from(s.replace(/[\ud800-\udfff]/g, "\ufffd"), "utf8")
    .toString("latin1")
    .replace(/[^\t\x20-\x7e\x80-\xff]/g, "")
    .slice(0, max)

export const fakeJwt = (payload: object, alg = "none") =>
  [Buffer.from(JSON.stringify({ alg, typ: "JWT" })).toString("base64url"), Buffer.from(JSON.stringify(payload)).toString("base64url"), ""].join(".")

/** Odd values of the headers the routes read. */
export function oddHeaders(valid: { publishableKey: string; dashboardSecret?: string }) {
  const value = nastyString.map((s) => headerSafe(s))
  return fc.record(
    {
      "x-publishable-api-key": fc.oneof(
        fc.constant(valid.publishableKey),
        value,
        fc.constant(`${valid.publishableKey}, ${valid.publishableKey}`),
        fc.constant("pk_" + "0".repeat(3_000))
      ),
      authorization: fc.oneof(
        value.map((v) => `Bearer ${v}`),
        value.map((v) => `Basic ${Buffer.from(v).toString("base64")}`),
        fc.constant(`Bearer ${fakeJwt({ actor_id: "cus_01JXXXXXXXXXXXXXXXXXXXXXXX", actor_type: "customer", auth_identity_id: "x" })}`),
        fc.constant(`Bearer ${fakeJwt({ actor_id: "cus_x", actor_type: "customer" }, "HS256")}`),
        fc.constant("Bearer"),
        fc.constant("Bearer " + "a".repeat(8_000))
      ),
      "x-dashboard-app-secret": fc.oneof(value, fc.constant(valid.dashboardSecret ?? "x"), fc.constant("s".repeat(10_000))),
      "x-chatwoot-signature": fc.oneof(value, fc.constant(`sha256=${"0".repeat(64)}`), fc.constant("sha256=" + "f".repeat(5_000))),
      "x-chatwoot-timestamp": fc.oneof(value, fc.constantFrom("-1", "0", "1e10", "99999999999999999999", String(Math.floor(Date.now() / 1000)))),
      "x-chatwoot-delivery": value,
      "x-medusa-locale": value,
      "if-none-match": fc.oneof(value, fc.constantFrom("*", "W/\"x\"", "\"" + "a".repeat(4_000) + "\"")),
      "x-forwarded-for": fc.oneof(value, fc.constant("1.1.1.1, ".repeat(300))),
      cookie: value.map((v) => `connect.sid=${v}`),
    },
    { requiredKeys: [] }
  )
}
