/**
 * Chatwoot sandbox: fault controls (429 + Retry-After, 5xx, timeout, outage, latency) and the
 * request log.
 */
import { startSandbox, type Sandbox } from "../sandbox"
import { provisionAccount, rawApi, type ProvisionedAccount } from "../sandbox/testing"

class FakeClock {
  constructor(public ms = Date.UTC(2026, 5, 17, 10, 0, 0)) {}
  now = () => this.ms
  advance(ms: number) {
    this.ms += ms
  }
}

describe("Chatwoot sandbox: faults", () => {
  let sandbox: Sandbox
  let shop: ProvisionedAccount
  const clock = new FakeClock()
  let profile: () => Promise<{ status: number; headers: Headers; text: string }>

  beforeAll(async () => {
    sandbox = await startSandbox({ clock: clock.now })
    shop = await provisionAccount(sandbox)
    const api = rawApi(sandbox, shop.adminToken)
    profile = () => api("GET", "/api/v1/profile")
  })

  afterEach(() => {
    sandbox.faults.clear()
  })

  afterAll(async () => {
    await sandbox.close()
  })

  it("throttles like Chatwoot's rack-attack: N API requests per clock minute, then 429 until the next minute", async () => {
    clock.ms = Date.UTC(2026, 5, 17, 10, 0, 0)
    sandbox.faults.ratePerMinute(3)
    const statuses = [] as number[]
    for (let i = 0; i < 4; i++) statuses.push((await profile()).status)
    expect(statuses).toEqual([200, 200, 200, 429])
    clock.advance(45_000)
    const limited = await profile()
    expect(limited.status).toBe(429)
    expect(limited.headers.get("retry-after")).toBe("15")
    clock.advance(15_000)
    expect((await profile()).status).toBe(200)
    sandbox.faults.ratePerMinute(null)
    for (let i = 0; i < 5; i++) expect((await profile()).status).toBe(200)
    expect(() => sandbox.faults.ratePerMinute(0)).toThrow()
  })

  it("answers the next N requests with rack-attack's 429 and Retry-After in seconds", async () => {
    sandbox.faults.rateLimit({ retryAfterSeconds: 7, requests: 2 })
    const first = await profile()
    const second = await profile()
    const third = await profile()
    expect([first.status, second.status, third.status]).toEqual([429, 429, 200])
    expect(first.text).toBe("Retry later\n")
    expect(first.headers.get("content-type")).toBe("text/plain")
    expect(first.headers.get("retry-after")).toBe("7")
    expect(sandbox.requests.slice(-3).map((r) => r.fault)).toEqual(["rate_limit", "rate_limit", undefined])
  })

  it("sends Retry-After as an HTTP-date, and none at all when not configured (Chatwoot's default)", async () => {
    const date = new Date(Date.UTC(2026, 5, 17, 10, 1, 30))
    sandbox.faults.rateLimit({ retryAfterDate: date, requests: 1 })
    const dated = await profile()
    expect(dated.status).toBe(429)
    expect(dated.headers.get("retry-after")).toBe("Wed, 17 Jun 2026 10:01:30 GMT")

    sandbox.faults.rateLimit({ requests: 1 })
    const bare = await profile()
    expect(bare.status).toBe(429)
    expect(bare.headers.get("retry-after")).toBeNull()
  })

  it("rate limits for a time window on the sandbox clock", async () => {
    sandbox.faults.rateLimit({ forMs: 60_000, retryAfterSeconds: 60 })
    expect((await profile()).status).toBe(429)
    clock.advance(59_999)
    expect((await profile()).status).toBe(429)
    clock.advance(1)
    expect((await profile()).status).toBe(200)
    expect(sandbox.faultState().rateLimit).toBeNull()
  })

  it("answers the next N requests with 5xx: Rails JSON for 500, proxy HTML for 502/503/504", async () => {
    sandbox.faults.serverError({ requests: 2 })
    const a = await profile()
    const b = await profile()
    expect([a.status, b.status, (await profile()).status]).toEqual([500, 500, 200])
    expect(JSON.parse(a.text)).toEqual({ status: 500, error: "Internal Server Error" })

    sandbox.faults.serverError({ status: 503 })
    const proxy = await profile()
    expect(proxy.status).toBe(503)
    expect(proxy.headers.get("content-type")).toBe("text/html")
    expect(proxy.text).toContain("503 Service Temporarily Unavailable")
    expect((await profile()).status).toBe(200)
    expect(sandbox.requests.filter((r) => r.fault === "server_error").map((r) => r.status)).toEqual([500, 500, 503])
  })

  it("never answers a timed-out request and logs it with status 0", async () => {
    sandbox.faults.timeout({ requests: 1 })
    const started = Date.now()
    await expect(
      fetch(`${sandbox.url}/api/v1/profile`, {
        headers: { api_access_token: shop.adminToken },
        signal: AbortSignal.timeout(300),
      })
    ).rejects.toThrow(/aborted|timeout/i)
    expect(Date.now() - started).toBeGreaterThanOrEqual(250)
    expect(sandbox.requests[sandbox.requests.length - 1]).toMatchObject({ fault: "timeout", status: 0, path: "/api/v1/profile" })
    // only the next request was held
    expect((await profile()).status).toBe(200)
  })

  it("destroys connections during an outage window (network error), then recovers", async () => {
    sandbox.faults.outage({ forMs: 30_000 })
    const error = await fetch(`${sandbox.url}/api/v1/profile`, { headers: { api_access_token: shop.adminToken } }).then(
      () => null,
      (err: Error & { cause?: { code?: string; message?: string } }) => err
    )
    // undici's TypeError comes from another realm under jest: compare by name
    expect(error?.name).toBe("TypeError")
    expect(error?.message).toBe("fetch failed")
    expect(String(error?.cause?.code ?? error?.cause?.message)).toMatch(/ECONNRESET|UND_ERR_SOCKET|other side closed/i)
    expect(sandbox.requests[sandbox.requests.length - 1]).toMatchObject({ fault: "outage", status: 0 })
    clock.advance(30_000)
    expect((await profile()).status).toBe(200)
  })

  it("adds latency to every response", async () => {
    sandbox.faults.latency(150)
    const started = Date.now()
    const reply = await profile()
    expect(reply.status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    const entry = sandbox.requests[sandbox.requests.length - 1]
    expect(entry.fault).toBe("latency")
    expect(entry.durationMs).toBeGreaterThanOrEqual(140)
  })

  it("restricts faults to matching requests; the others pass and do not count", async () => {
    const api = rawApi(sandbox, shop.adminToken)
    const hooks = `/api/v1/accounts/${shop.accountId}/webhooks`
    sandbox.faults.serverError({ status: 500, requests: 2, match: { method: "POST", path: /\/webhooks$/ } })
    expect((await profile()).status).toBe(200)
    expect((await api("GET", hooks)).status).toBe(200)
    const failed = await api("POST", hooks, { url: "https://medusa.example/h1", subscriptions: ["message_created"] })
    expect(failed.status).toBe(500)
    expect(sandbox.faultState().serverError).toMatchObject({ remaining: 1, match: { method: "POST", path: "/\\/webhooks$/" } })

    sandbox.faults.clear()
    sandbox.faults.rateLimit({ requests: 1, retryAfterSeconds: 1, match: { path: "/api/v1/profile" } })
    expect((await api("GET", hooks)).status).toBe(200)
    expect((await profile()).status).toBe(429)
    expect((await profile()).status).toBe(200)

    sandbox.faults.timeout({ match: { method: "DELETE" } })
    expect((await profile()).status).toBe(200)
    expect(sandbox.faultState().timeout).toMatchObject({ remaining: 1, match: { method: "DELETE" } })

    // over HTTP: path_regex becomes a RegExp
    await rawApi(sandbox)("POST", "/__sandbox/faults", { clear: true, server_error: { status: 503, match: { method: "GET", path_regex: "/inboxes$" } } })
    expect((await profile()).status).toBe(200)
    expect((await api("GET", `/api/v1/accounts/${shop.accountId}/inboxes`)).status).toBe(503)
  })

  it("clear() removes every fault", async () => {
    sandbox.faults.latency(50)
    sandbox.faults.rateLimit({ requests: 5 })
    sandbox.faults.serverError({ requests: 5 })
    sandbox.faults.clear()
    expect(sandbox.faultState()).toEqual({ latencyMs: 0, rateLimit: null, serverError: null, timeout: null, outageUntil: null })
    expect((await profile()).status).toBe(200)
  })

  it("is controllable over HTTP at /__sandbox/faults, which is itself never faulted or logged", async () => {
    const control = rawApi(sandbox)
    const logged = sandbox.requests.length
    const set = await control<{ faults: { rateLimit: { remaining: number } } }>("POST", "/__sandbox/faults", {
      rate_limit: { requests: 1, retry_after_seconds: 3 },
    })
    expect(set.body.faults.rateLimit.remaining).toBe(1)
    // the control call did not consume the fault
    expect((await control("GET", "/__sandbox/state")).status).toBe(200)
    const limited = await profile()
    expect(limited.status).toBe(429)
    expect(limited.headers.get("retry-after")).toBe("3")
    await control("POST", "/__sandbox/faults", { server_error: { status: 502, requests: 1 } })
    expect((await profile()).status).toBe(502)
    await control("POST", "/__sandbox/faults", { clear: true })
    expect((await profile()).status).toBe(200)
    expect(sandbox.requests.slice(logged).map((r) => r.path)).toEqual(["/api/v1/profile", "/api/v1/profile", "/api/v1/profile"])
  })
})

describe("Chatwoot sandbox: request log", () => {
  let sandbox: Sandbox

  beforeAll(async () => {
    sandbox = await startSandbox()
  })

  afterAll(async () => {
    await sandbox.close()
  })

  it("records method, path, query, headers, raw and parsed bodies, status and response", async () => {
    const shop = await provisionAccount(sandbox)
    sandbox.clearLog()
    const api = rawApi(sandbox, shop.adminToken)
    await api("POST", `/api/v1/accounts/${shop.accountId}/contacts`, { name: "Jane", email: "jane@example.com" })
    await api("GET", `/api/v1/accounts/${shop.accountId}/contacts/search?q=jane&page=2&labels[]=a&labels[]=b`)
    expect(sandbox.requests).toHaveLength(2)
    const [create, search] = sandbox.requests
    expect(create).toMatchObject({
      id: expect.any(Number),
      method: "POST",
      path: `/api/v1/accounts/${shop.accountId}/contacts`,
      query: {},
      body: { name: "Jane", email: "jane@example.com" },
      rawBody: '{"name":"Jane","email":"jane@example.com"}',
      status: 200,
      responseBody: { payload: { contact: expect.objectContaining({ email: "jane@example.com" }) } },
    })
    expect(create.headers.api_access_token).toBe(shop.adminToken)
    expect(create.durationMs).toBeGreaterThanOrEqual(0)
    expect(search.id).toBeGreaterThan(create.id)
    expect(search.query).toEqual({ q: "jane", page: "2", "labels[]": ["a", "b"] })
    expect(search.body).toBeUndefined()
  })

  it("logs non-JSON bodies raw and answers 400 for malformed JSON", async () => {
    sandbox.clearLog()
    const res = await fetch(`${sandbox.url}/platform/api/v1/accounts`, {
      method: "POST",
      headers: { api_access_token: sandbox.platformToken, "content-type": "application/json" },
      body: "{not json",
    })
    expect(res.status).toBe(400)
    expect(sandbox.requests[0]).toMatchObject({ rawBody: "{not json", body: undefined, status: 400 })
  })

  it("serves the log over HTTP and never logs /__sandbox calls", async () => {
    sandbox.clearLog()
    await rawApi(sandbox)("GET", "/api")
    const control = rawApi(sandbox)
    const log = await control<{ requests: Array<{ path: string }> }>("GET", "/__sandbox/requests")
    expect(log.body.requests.map((r) => r.path)).toEqual(["/api"])
    await control("DELETE", "/__sandbox/requests")
    expect(sandbox.requests).toEqual([])
  })

  it("answers unknown routes with Rails' 404", async () => {
    const reply = await rawApi(sandbox)<{ status: number; error: string }>("GET", "/api/v1/nothing/here")
    expect(reply.status).toBe(404)
    expect(reply.body).toEqual({ status: 404, error: "Not Found" })
  })
})
