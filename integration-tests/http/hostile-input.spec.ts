/**
 * Hostile-input suite (issue #12, point 7): generated bad input goes to every
 * public route of the plugin — the storefront routes, the loader, the
 * webhook receiver and the agent dashboard app — against the real Medusa and
 * the Chatwoot sandbox. Every answer must be a 4xx or the route's documented
 * 2xx, never a 5xx, within 1 s, with no secret and no stack trace in it; the
 * server must stay healthy (GET /health, a valid request still works, no
 * unhandled error at process level, no prototype pollution).
 *
 * fast-check drives the generated cases with a fixed seed, so a CI run is
 * reproducible; raise the number of runs with HOSTILE_RUNS (per property,
 * default 25) and pick another seed with HOSTILE_SEED. The number of cases
 * run is printed as `hostile-input: N cases`.
 */
import { randomBytes, randomUUID } from "node:crypto"
import type { AxiosInstance, AxiosResponse } from "axios"
import fc from "fast-check"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { adminHeaders, createStorefront } from "../helpers/auth"
import { waitForAccount, type TestAccount } from "../helpers/accounts"
import { TEST_PLATFORM_TOKEN, useChatwootSandbox } from "../helpers/sandbox"
import { until } from "../helpers/sync-kit"
import { webhookSecretOf } from "../helpers/webhooks"
import { buildConversationPayload, buildMessagePayload, signWebhookBody } from "../sandbox"

jest.setTimeout(600_000)

// the limiters are exercised elsewhere: here they must not turn every case into a 429 (which would pass, but test nothing)
process.env.CHATWOOT_CONTACT_IP_LIMIT = "1000000"
process.env.CHATWOOT_CONTACT_EMAIL_LIMIT = "1000000"
process.env.CHATWOOT_EVENTS_IP_LIMIT = "1000000"
process.env.CHATWOOT_WEBHOOK_IP_LIMIT = "1000000"
process.env.CHATWOOT_CONTACT_STOREFRONT_LIMIT = "1000000"
process.env.CHATWOOT_EVENTS_STOREFRONT_LIMIT = "1000000"
process.env.CHATWOOT_DASHBOARD_IP_LIMIT = "1000000"
process.env.CHATWOOT_DASHBOARD_ACCOUNT_LIMIT = "1000000"
process.env.CHATWOOT_DASHBOARD_ACTION_LIMIT = "1000000"

const RUNS = Math.max(1, Number(process.env.HOSTILE_RUNS) || 25)
const SEED = Number(process.env.HOSTILE_SEED) || 20_251_212
const MAX_MS = 1_000

const sandbox = useChatwootSandbox()

// ---------------------------------------------------------------- generators

/** Strings an attacker types: NUL, lone surrogates, RTL override, zero-width, SQL/path/template injection, huge numbers. */
const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff",
  "x\ud83d",
  "\u202eevil\u202c.exe",
  "\u200b\u200c\u200d\u2060\ufeff",
  "\u0645\u0631\u062d\u0628\u0627",
  "\ud835\udd73\ud835\udd8a",
  "\ud83d\ude00".repeat(300),
  "Z\u0351\u0352\u0353\u0354".repeat(100),
  "../../../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "%2e%2e%2f%2e%2e%2f",
  "'; DROP TABLE chatwoot_account; --",
  "\" OR \"1\"=\"1",
  "1; select pg_sleep(5)",
  "${7*7}",
  "{{constructor.constructor('return process')()}}",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "%00",
  "%ZZ",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "NaN",
  "Infinity",
  "-Infinity",
  "-0",
  "1e309",
  "9".repeat(400),
  "-1",
  "-9223372036854775809",
  "0x7fffffff",
  "2147483648",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "\r\n\r\nX-Injected: 1",
  "x".repeat(70_000),
  "a@b.co",
  "a@b.co\u0000@evil.example",
  "\u0430dmin@example.com",
  "cus_01JXXXXXXXXXXXXXXXXXXXXXXX",
  "order_01JXXXXXXXXXXXXXXXXXXXXXXX",
  "cwacc_01JXXXXXXXXXXXXXXXXXXXXXXX",
]
const PROTO_KEYS = ["__proto__", "constructor", "prototype"]

const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) }
)

const nastyNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, -(2 ** 63), 1e308)
)

/** Any JSON value, with hostile strings and keys. */
const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
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
function objectLike(keys: string[]) {
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

const deepArray = (n: number) => "[".repeat(n) + "]".repeat(n)
const deepObject = (n: number, key = "a") => `{"${key}":`.repeat(n) + "1" + "}".repeat(n)

/** Bodies that are not what any route takes: invalid JSON, wrong top-level types, deep nesting, bad bytes. */
const junkBody = fc.oneof(
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

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=utf-16",
  "application/json; charset=bogus",
  "text/plain",
  "text/html",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=----x",
  "application/xml",
  "application/octet-stream",
  "application/vnd.api+json",
  "*/*",
  "application/json, text/plain",
]
const contentType = fc.constantFrom(...CONTENT_TYPES)

/** A url-encoded form body with nested, array and prototype keys. */
const formBody = fc
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
function queryFor(keys: string[]) {
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
const headerSafe = (s: string, max = 4_000) =>
  Buffer.from(s.replace(/[\ud800-\udfff]/g, "\ufffd"), "utf8")
    .toString("latin1")
    .replace(/[^\t\x20-\x7e\x80-\xff]/g, "")
    .slice(0, max)

const fakeJwt = (payload: object, alg = "none") =>
  [Buffer.from(JSON.stringify({ alg, typ: "JWT" })).toString("base64url"), Buffer.from(JSON.stringify(payload)).toString("base64url"), ""].join(".")

/** Odd values of the headers the routes read. */
function oddHeaders(valid: { publishableKey: string; dashboardSecret?: string }) {
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

// ---------------------------------------------------------------- the suite

type Case = {
  method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH"
  path: string
  headers?: Record<string, string>
  body?: string | Buffer
  /** the route's documented success statuses for this request */
  ok?: number[]
}

let casesRun = 0
const processErrors: string[] = []
const onUnhandled = (error: unknown) => processErrors.push(`unhandled: ${String((error as Error)?.stack ?? error).slice(0, 500)}`)
const onUncaught = (error: unknown) => processErrors.push(`uncaught: ${String((error as Error)?.stack ?? error).slice(0, 500)}`)

beforeAll(() => {
  process.on("unhandledRejection", onUnhandled)
  process.on("uncaughtException", onUncaught)
})
afterAll(() => {
  process.off("unhandledRejection", onUnhandled)
  process.off("uncaughtException", onUncaught)
  console.log(`hostile-input: ${casesRun} cases (HOSTILE_RUNS=${RUNS}, seed ${SEED})`)
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let admin: Record<string, string>
    const secrets = new Set<string>()

    beforeEach(async () => {
      container = getContainer()
      admin = await adminHeaders(container)
      secrets.clear()
      secrets.add(TEST_PLATFORM_TOKEN)
      secrets.add(process.env.CHATWOOT_ENCRYPTION_KEY!)
    })

    /** Every secret the sandbox holds for the plugin: none may appear in any answer. */
    function collectSecrets() {
      const state = sandbox().state
      for (const inbox of state.inboxes.values()) {
        const token = (inbox.channel as { hmac_token?: string }).hmac_token
        if (token) secrets.add(token)
      }
      for (const webhook of state.webhooks.values()) if (webhook.secret) secrets.add(webhook.secret)
      for (const user of state.users.values()) {
        if (user.access_token) secrets.add(user.access_token)
        if (user.pubsub_token) secrets.add(user.pubsub_token)
      }
      for (const app of state.dashboardApps.values()) {
        const m = /#k=(.+)$/.exec(app.content[0]?.url ?? "")
        if (m) secrets.add(decodeURIComponent(m[1]))
      }
    }

    /** One storefront with its active account, its webhook secret and dashboard-app secret. */
    async function setup() {
      const sf = await createStorefront(container, `Hostile ${randomUUID().slice(0, 8)}`)
      const account: TestAccount = await waitForAccount(api as unknown as AxiosInstance, admin, sf.salesChannelId)
      sandbox().autoWebhooks = false
      const app = [...sandbox().state.dashboardApps.values()].find((a) => a.account_id === account.chatwoot_account_id)
      const dashboardSecret = decodeURIComponent(/#k=(.+)$/.exec(app?.content[0]?.url ?? "")?.[1] ?? "")
      collectSecrets()
      return {
        ...sf,
        account,
        webhookSecret: webhookSecretOf(sandbox(), account.chatwoot_account_id),
        dashboardSecret,
      }
    }

    /** Sends one case and returns what is wrong with the answer (empty: nothing). */
    async function probe(c: Case): Promise<{ problems: string[]; res?: AxiosResponse<string> }> {
      casesRun++
      const started = performance.now()
      let res: AxiosResponse<string>
      try {
        res = await api.request<string>({
          method: c.method,
          url: c.path,
          headers: c.headers,
          data: c.body,
          validateStatus: () => true,
          transformRequest: [(data) => data],
          transformResponse: [(data) => data],
          maxBodyLength: Infinity,
          maxContentLength: Infinity,
          timeout: 10_000,
        })
      } catch (error) {
        return { problems: [`no answer: ${(error as Error).message}`] }
      }
      const ms = performance.now() - started
      const problems: string[] = []
      if (res.status >= 500) problems.push(`status ${res.status}: ${String(res.data).slice(0, 300)}`)
      else if (res.status < 400 && !(c.ok ?? []).includes(res.status)) problems.push(`undocumented status ${res.status}`)
      if (ms > MAX_MS) problems.push(`took ${Math.round(ms)} ms`)
      const text = `${JSON.stringify(res.headers)}\n${typeof res.data === "string" ? res.data : ""}`
      for (const secret of secrets) if (secret && text.includes(secret)) problems.push("leaks a secret")
      if (/\n\s+at .+\(.*:\d+:\d+\)|node_modules\//.test(text)) problems.push("leaks a stack trace")
      return { problems, res }
    }

    const describeCase = (c: Case) =>
      `${c.method} ${c.path.slice(0, 300)} headers=${JSON.stringify(c.headers ?? {}).slice(0, 300)} body=${
        c.body === undefined ? "-" : JSON.stringify(String(c.body).slice(0, 300))
      }`

    /** Throws (for fast-check) when the answer breaks a rule. */
    async function expectSafe(c: Case) {
      const { problems, res } = await probe(c)
      if (problems.length) throw new Error(`${problems.join("; ")}\n  ${describeCase(c)}`)
      return res!
    }

    /** Runs a property over `cases` with the suite's seed and run count. */
    async function property(name: string, cases: fc.Arbitrary<Case>, runs = RUNS) {
      await fc.assert(
        fc.asyncProperty(cases, async (c) => {
          await expectSafe(c)
        }),
        { seed: SEED + name.length * 7919, numRuns: runs, endOnFailure: true }
      )
    }

    /** Hand-picked cases: all checked, all problems reported together. */
    async function handPicked(cases: Case[]) {
      const failures: string[] = []
      for (const c of cases) {
        const { problems } = await probe(c)
        if (problems.length) failures.push(`${problems.join("; ")}\n  ${describeCase(c)}`)
      }
      expect(failures).toEqual([])
    }

    /** The server is still healthy: /health, a valid widget request, no process-level error, no polluted prototype. */
    async function expectHealthy(sf: { headers: Record<string, string> }) {
      const health = await api.get("/health", { validateStatus: () => true })
      expect(health.status).toBe(200)
      const widget = await api.get("/store/chatwoot/widget", { headers: sf.headers, validateStatus: () => true })
      expect(widget.status).toBe(200)
      expect(widget.data.widget.enabled).toBe(true)
      expect(processErrors).toEqual([])
      for (const key of ["polluted", "admin", "isAdmin", "a", "email"]) {
        expect(Object.prototype.hasOwnProperty.call(Object.prototype, key)).toBe(false)
      }
    }

    const json = { "content-type": "application/json" }
    const HUGE = (kb: number) => JSON.stringify({ email: "a@b.co", message: "x".repeat(kb * 1024) })

    /** Cases every POST route gets: over the size limit, deep nesting, junk in every content type. */
    const commonPostCases = (path: string, headers: Record<string, string>, limitKb: number): Case[] => [
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

    describe("storefront routes", () => {
      it("GET /store/chatwoot/widget, GET /store/chatwoot/identity and GET /chatwoot/loader.js answer hostile queries and headers with a 4xx or their 2xx", async () => {
        const sf = await setup()
        const routes = [
          { path: "/store/chatwoot/widget", keys: ["locale"], ok: [200, 304] },
          // a guest is 401; only a logged-in customer gets 200
          { path: "/store/chatwoot/identity", keys: ["locale"], ok: [200] },
          { path: "/chatwoot/loader.js", keys: ["v", "publishable_key"], ok: [200, 304] },
        ]
        for (const route of routes) {
          await property(
            `GET ${route.path}`,
            fc.record({ query: fc.option(queryFor(route.keys), { nil: "" }), headers: oddHeaders(sf), keepKey: fc.boolean() }).map(
              ({ query, headers, keepKey }): Case => ({
                method: "GET",
                path: `${route.path}${query}`,
                headers: { ...headers, ...(keepKey ? { "x-publishable-api-key": sf.publishableKey } : {}) },
                ok: route.ok,
              })
            )
          )
        }
        const widget = "/store/chatwoot/widget"
        await handPicked([
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
        ])
        await expectHealthy(sf)
      })

      it("POST /store/chatwoot/contact and POST /store/chatwoot/events answer wrong types, junk, huge and nested bodies with a 4xx or their 2xx", async () => {
        const sf = await setup()
        const contactKeys = ["email", "name", "message", "order_id"]
        const eventKeys = ["events"]
        const bodies = (keys: string[]) =>
          fc.oneof(
            { weight: 3, arbitrary: objectLike(keys).map((body) => ({ body, type: "application/json" })) },
            { weight: 2, arbitrary: fc.record({ body: junkBody, type: contentType }) },
            { weight: 1, arbitrary: formBody.map((body) => ({ body, type: "application/x-www-form-urlencoded" })) }
          )
        const routes = [
          { path: "/store/chatwoot/contact", keys: contactKeys, ok: [201, 202], limitKb: 16 },
          { path: "/store/chatwoot/events", keys: eventKeys, ok: [202], limitKb: 32 },
        ]
        // events: a batch with hostile values in each event's fields
        const eventBatch = fc
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
        for (const route of routes) {
          const body = route.path.endsWith("events") ? fc.oneof(bodies(route.keys), eventBatch) : bodies(route.keys)
          await property(
            `POST ${route.path}`,
            fc
              .record({ body, headers: oddHeaders(sf), keepKey: fc.boolean() })
              .map(({ body, headers, keepKey }): Case => ({
                method: "POST",
                path: route.path,
                headers: {
                  ...headers,
                  // most cases carry the valid key, so they get past Medusa's key check into the plugin
                  ...(keepKey ? { "x-publishable-api-key": sf.publishableKey } : {}),
                  "content-type": body.type,
                },
                body: body.body,
                ok: route.ok,
              }))
          )
          await handPicked(commonPostCases(route.path, sf.headers, route.limitKb))
        }
        const contact = "/store/chatwoot/contact"
        const valid = { email: "hostile@example.com", message: "Hello" }
        await handPicked(
          [
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
        )
        await handPicked(
          [
            { method: "POST", path: `${contact}?locale[]=x`, headers: { ...sf.headers, ...json }, body: JSON.stringify(valid), ok: [201, 202] },
            { method: "POST", path: `${contact}?__proto__[polluted]=1`, headers: { ...sf.headers, ...json }, body: JSON.stringify(valid), ok: [201, 202] },
            { method: "POST", path: "/store/chatwoot/events", headers: { ...sf.headers, ...json }, body: JSON.stringify({ events: Array(51).fill({ type: "page_view" }) }) },
            { method: "POST", path: "/store/chatwoot/events", headers: { ...sf.headers, ...json }, body: JSON.stringify({ events: [{ type: "page_view", at: "9999-99-99T99:99:99Z" }] }) },
            { method: "POST", path: "/store/chatwoot/events", headers: { ...sf.headers, ...json }, body: JSON.stringify({ events: [{ type: "add_to_cart", quantity: 1e308 }] }) },
          ]
        )
        await expectHealthy(sf)
      })
    })

    describe("webhook receiver", () => {
      it("POST /hooks/chatwoot/:id answers absurd ids, unsigned, badly signed and validly signed garbage with a 4xx or 200", async () => {
        const sf = await setup()
        const hook = `/hooks/chatwoot/${sf.account.id}`
        const absurdId = fc.oneof(
          nastyString.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "")).slice(0, 5_000)),
          fc.constantFrom("%ZZ", "%", "..%2F..%2Fadmin", "-1", "0", "99999999999999999999999999", "cwacc_", "cwacc_" + "A".repeat(40), "cwacc_" + "A".repeat(41), "%E2%80%AEcwacc_x", sf.account.id.toLowerCase(), `${sf.account.id}%00`)
        )
        // unsigned or badly signed, any id, any body
        await property(
          "POST /hooks/chatwoot/:id unsigned",
          fc
            .record({ id: fc.oneof(absurdId, fc.constant(sf.account.id)), body: fc.oneof(junkBody, objectLike(["event", "id", "account", "content"])), type: contentType, headers: oddHeaders(sf), query: fc.option(queryFor(["token"]), { nil: "" }) })
            .map(({ id, body, type, headers, query }): Case => ({
              method: "POST",
              path: `/hooks/chatwoot/${id}${query}`,
              headers: { ...headers, "content-type": type },
              body,
            }))
        )
        // validly signed garbage: the signature is right, the body is not a delivery (or a delivery with hostile fields)
        const sign = (body: string | Buffer, ts = Math.floor(Date.now() / 1000)) => ({
          "x-chatwoot-timestamp": String(ts),
          "x-chatwoot-signature": `sha256=${signWebhookBody(sf.webhookSecret, ts, body)}`,
        })
        const EVENTS = ["conversation_created", "conversation_updated", "conversation_status_changed", "message_created", "message_updated", "contact_created", "contact_updated", "webwidget_triggered", "conversation_typing_on", "inbox_updated", "x"]
        const deliveryLike = fc
          .record({
            event: fc.oneof(fc.constantFrom(...EVENTS), nastyString),
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
        await property(
          "POST /hooks/chatwoot/:id signed garbage",
          fc
            .record({ body: fc.oneof({ weight: 3, arbitrary: deliveryLike }, { weight: 1, arbitrary: junkBody }), delivery: fc.oneof(fc.constant<string | null>(null), fc.constant<string | null>("uuid"), nastyString.map((s): string | null => headerSafe(s, 200))), type: fc.oneof({ weight: 4, arbitrary: fc.constant("application/json") }, { weight: 1, arbitrary: contentType }) })
            .map(({ body, delivery, type }): Case => ({
              method: "POST",
              path: hook,
              headers: { "content-type": type, ...sign(body), ...(delivery === null ? {} : { "x-chatwoot-delivery": delivery === "uuid" ? randomUUID() : delivery }) },
              body,
              ok: [200],
            })),
          RUNS * 2
        )
        // hostile values inside well-formed deliveries of every processed kind
        const wellFormed = [
          buildConversationPayload("conversation_created", { account: { id: sf.account.chatwoot_account_id, name: "x" }, id: 999_999 }),
          buildMessagePayload("message_created", { account: { id: sf.account.chatwoot_account_id, name: "x" } }),
        ] as unknown as Record<string, unknown>[]
        await property(
          "POST /hooks/chatwoot/:id signed hostile fields",
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
            }),
          RUNS * 2
        )
        const signedCase = (body: string, extra: Record<string, string> = {}, withDeliveryId = true): Case => ({
          method: "POST",
          path: hook,
          headers: { ...json, ...sign(body), ...(withDeliveryId ? { "x-chatwoot-delivery": randomUUID() } : {}), ...extra },
          body,
          ok: [200],
        })
        const big = (n: number) => JSON.stringify({ event: "message_created", id: "9".repeat(n), content: "x" })
        await handPicked([
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
          { method: "POST", path: `/hooks/chatwoot/${sf.account.id}/..%2F..%2Fadmin`, headers: json, body: "{}" },
          { method: "GET", path: hook },
        ])
        // the deliveries were processed (or failed and were recorded), without crashing anything
        const chatwoot = container.resolve("chatwoot") as {
          listChatwootWebhookDeliveries(f: object): Promise<{ outcome: string; processed_at: Date | null; error: string | null }[]>
        }
        await until("processed deliveries", async () => {
          const rows = await chatwoot.listChatwootWebhookDeliveries({ account_id: sf.account.id })
          const accepted = rows.filter((r) => r.outcome === "accepted")
          return accepted.length > 0 && accepted.every((r) => r.processed_at || r.error)
        })
        // a valid delivery is still accepted and processed
        const body = JSON.stringify(
          buildConversationPayload("conversation_created", { account: { id: sf.account.chatwoot_account_id, name: "x" }, inbox_id: sf.account.inboxes[0].chatwoot_inbox_id, id: 4242 })
        )
        const res = await expectSafe(signedCase(body))
        expect(JSON.parse(res.data)).toEqual({ received: true })
        await expectHealthy(sf)
      })

    })

    describe("agent dashboard app", () => {
      it("GET /chatwoot/dashboard-app and its data and action routes answer hostile ids, secrets, queries and bodies with a 4xx or their 2xx", async () => {
        const sf = await setup()
        // a real conversation of the account (from the contact form), so valid ids reach the deeper code
        const sent = await api.post("/store/chatwoot/contact", { email: "guest@example.com", message: "Where is my order?" }, { headers: sf.headers })
        expect(sent.status).toBe(201)
        const conversation = [...sandbox().state.conversations.values()].find((c) => c.display_id === sent.data.conversation_id && c.account_id === sf.account.chatwoot_account_id)!
        const ids = { contact_id: conversation.contact_id, conversation_id: conversation.display_id }
        const secretHeader = { "x-dashboard-app-secret": sf.dashboardSecret }
        const ctx = await api.get(`/chatwoot/dashboard-app/api/context?contact_id=${ids.contact_id}&conversation_id=${ids.conversation_id}`, { headers: secretHeader, validateStatus: () => true })
        expect(ctx.status).toBe(200)

        const idValue = fc.oneof(
          fc.constant(String(ids.contact_id)),
          fc.constant(String(ids.conversation_id)),
          nastyString.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "")).slice(0, 3_000)),
          fc.integer().map(String),
          fc.constantFrom("%ZZ", "1e3", "0x10", "2147483648", "-0", " 1", "1.0", "Infinity")
        )
        const secretValue = fc.oneof({ weight: 3, arbitrary: fc.constant(sf.dashboardSecret) }, nastyString.map((s) => headerSafe(s)), fc.constant("x".repeat(257)))
        const keyShape = fc.constantFrom("", "[]", "[a]", "[0]", "[__proto__]")
        const readQuery = fc
          .array(fc.tuple(fc.constantFrom("contact_id", "conversation_id", "page", "__proto__", "x"), keyShape, idValue), { maxLength: 5 })
          .map((parts) => (parts.length ? "?" : "") + parts.map(([k, s, v]) => `${k}${s}=${v}`).join("&"))
        for (const route of ["/chatwoot/dashboard-app/api/context", "/chatwoot/dashboard-app/api/orders"]) {
          await property(
            `GET ${route}`,
            fc.record({ query: readQuery, secret: secretValue, headers: oddHeaders(sf) }).map(
              ({ query, secret, headers }): Case => ({ method: "GET", path: `${route}${query}`, headers: { ...headers, "x-dashboard-app-secret": secret }, ok: [200] })
            )
          )
        }
        await property(
          "GET /chatwoot/dashboard-app",
          fc.record({ query: fc.option(queryFor(["k", "x"]), { nil: "" }), headers: oddHeaders(sf) }).map(({ query, headers }): Case => ({ method: "GET", path: `/chatwoot/dashboard-app${query}`, headers, ok: [200, 304] }))
        )
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
        await property(
          "POST /chatwoot/dashboard-app/api/orders/:id/:action",
          fc
            .record({ id: idValue, action: fc.constantFrom(...ACTIONS), body: actionBody, secret: secretValue, type: fc.oneof({ weight: 4, arbitrary: fc.constant("application/json") }, { weight: 1, arbitrary: contentType }) })
            .map(({ id, action, body, secret, type }): Case => ({
              method: "POST",
              path: `/chatwoot/dashboard-app/api/orders/${id}/${action}`,
              headers: { "x-dashboard-app-secret": secret, "content-type": type },
              body,
              ok: [200],
            }))
        )
        const api_ = "/chatwoot/dashboard-app/api"
        await handPicked([
          ...commonPostCases(`${api_}/orders/order_x/cancel`, secretHeader, 16),
          { method: "GET", path: `${api_}/context?contact_id[]=1&contact_id[]=2&conversation_id=1`, headers: secretHeader },
          { method: "GET", path: `${api_}/context?contact_id[a]=1&conversation_id[__proto__]=1`, headers: secretHeader },
          { method: "GET", path: `${api_}/context?contact_id=${"9".repeat(500)}&conversation_id=1`, headers: secretHeader },
          { method: "GET", path: `${api_}/context?contact_id=${ids.contact_id}&conversation_id=${ids.conversation_id}&page=1e400`, headers: secretHeader },
          { method: "GET", path: `${api_}/context?contact_id=${ids.contact_id}&conversation_id=${ids.conversation_id}&page=10000`, headers: secretHeader, ok: [200] },
          { method: "GET", path: `${api_}/orders?contact_id=${ids.contact_id}&conversation_id=${ids.conversation_id}&page=9999`, headers: secretHeader, ok: [200] },
          { method: "GET", path: `${api_}/context?contact_id=${ids.contact_id}&conversation_id=${ids.conversation_id}`, headers: { "x-dashboard-app-secret": sf.dashboardSecret + "\u00a0" }, ok: [200] }, // surrounding whitespace is trimmed
          { method: "GET", path: `${api_}/context?contact_id=${ids.contact_id}&conversation_id=${ids.conversation_id}`, headers: { "x-dashboard-app-secret": " " + sf.dashboardSecret.toUpperCase() } },
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
        ])
        await expectHealthy(sf)
      })
    })

    describe("long whitespace message", () => {
      // `orderNumbersIn` once backtracked catastrophically: this message blocked the event loop for tens of
      // seconds. The server must answer at once while it processes the message.
      it("a message of 'order' + 4,990 spaces + 'x' does not stall the server", async () => {
        const sf = await setup()
        const ts = Math.floor(Date.now() / 1000)
        const body = JSON.stringify(
          buildMessagePayload("message_created", {
            account: { id: sf.account.chatwoot_account_id, name: "x" },
            content: "order" + " ".repeat(4_990) + "x",
            message_type: "incoming",
          } as never)
        )
        const delivery = await expectSafe({
          method: "POST",
          path: `/hooks/chatwoot/${sf.account.id}`,
          headers: { ...json, "x-chatwoot-timestamp": String(ts), "x-chatwoot-signature": `sha256=${signWebhookBody(sf.webhookSecret, ts, body)}`, "x-chatwoot-delivery": randomUUID() },
          body,
          ok: [200],
        })
        expect(delivery.status).toBe(200)
        // the same text through the contact form (the storefront's 5,000-character limit)
        await expectSafe({
          method: "POST",
          path: "/store/chatwoot/contact",
          headers: { ...sf.headers, ...json },
          body: JSON.stringify({ email: "spaces@example.com", message: "order" + " ".repeat(4_990) + "x" }),
          ok: [201, 202],
        })
        // while the delivery is processed, the server still answers at once
        for (let i = 0; i < 10; i++) {
          await expectSafe({ method: "GET", path: "/store/chatwoot/widget", headers: sf.headers, ok: [200, 304] })
          await new Promise((r) => setTimeout(r, 50))
        }
      })
    })
  },
})
