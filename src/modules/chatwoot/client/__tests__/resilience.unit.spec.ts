import { inspect } from "node:util"
import { MedusaError } from "@medusajs/framework/utils"
import { ChatwootApiError, type AccountApi } from ".."
import { JumpClock, ManualClock, flush } from "./helpers/clocks"
import { startHarness, tokenHeader, type Harness } from "./helpers/sandbox"

type Setup = { h: Harness; api: AccountApi; admin: { accountId: number; userId: number; accessToken: string } }

async function setup(options: Parameters<typeof startHarness>[0] = {}): Promise<Setup> {
  const h = await startHarness(options)
  const admin = h.sandbox.createAccountWithAdmin()
  return { h, api: h.client.account(admin.accountId, admin.accessToken), admin }
}

/** A conversation in an API inbox, ready for messages. */
async function conversation(api: AccountApi): Promise<number> {
  const inbox = await api.inboxes.create({ name: "API", channel: { type: "api" } })
  const contact = await api.contacts.create({ inbox_id: inbox.id, identifier: `cus_${Math.random()}` })
  const conv = await api.conversations.create({
    source_id: contact.contact_inbox!.source_id,
    inbox_id: inbox.id,
    contact_id: contact.contact.id,
  })
  return conv.id
}

describe("token selection", () => {
  it("sends the platform token, the account token, or none, per API", async () => {
    const { h, api, admin } = await setup()
    try {
      const account = await h.client.platform.accounts.create({ name: "T" })
      const inbox = await api.inboxes.create({ name: "API", channel: { type: "api" } })
      await h.client.public(inbox.inbox_identifier!).get()

      const seen = h.sandbox.requests.map((r) => [r.path.split("/").slice(0, 3).join("/"), tokenHeader(r)])
      expect(seen).toEqual([
        ["/platform/api", h.sandbox.platformToken],
        ["/api/v1", admin.accessToken],
        ["/public/api", undefined],
      ])
      expect(account.id).toEqual(expect.any(Number))
    } finally {
      await h.close()
    }
  })
})

describe("429 and Retry-After (sandbox and client on one fake clock)", () => {
  let clock: JumpClock
  let s: Setup

  beforeEach(async () => {
    clock = new JumpClock()
    s = await setup({ clock })
  })
  afterEach(async () => {
    await s.h.close()
  })

  it("a burst under a 429 window waits for Retry-After (seconds), then succeeds; nothing is sent early", async () => {
    const t0 = clock.now()
    s.h.sandbox.faults.rateLimit({ retryAfterSeconds: 30, forMs: 30_000 })
    s.h.sandbox.clearLog()

    const results = await Promise.all(Array.from({ length: 12 }, () => s.api.contacts.list()))
    expect(results).toHaveLength(12)

    const log = s.h.sandbox.requests
    const limited = log.filter((r) => r.status === 429)
    const ok = log.filter((r) => r.status === 200)
    expect(ok).toHaveLength(12)
    // only calls already in flight when the first 429 arrived saw one; none saw two
    expect(limited.length).toBeGreaterThanOrEqual(1)
    expect(limited.length).toBeLessThanOrEqual(12)
    for (const entry of ok) {
      expect(entry.at).toBeGreaterThanOrEqual(t0 + 30_000)
    }
    for (const entry of limited) {
      expect(entry.at).toBeLessThan(t0 + 30_000)
    }
    expect(s.h.logs.some((l) => /429 on GET \/api\/v1\/accounts\/\{account_id\}\/contacts/.test(l))).toBe(true)
  })

  it("honours an HTTP-date Retry-After", async () => {
    const t0 = clock.now()
    const until = new Date(t0 + 45_000)
    s.h.sandbox.faults.rateLimit({ retryAfterDate: until, forMs: 45_000 })
    s.h.sandbox.clearLog()
    await s.api.inboxes.list()
    const [limited, ok] = s.h.sandbox.requests
    expect(limited.status).toBe(429)
    expect(ok.status).toBe(200)
    expect(ok.at).toBeGreaterThanOrEqual(until.getTime())
  })

  it("without Retry-After (Chatwoot's default) waits for the next rate-limit minute", async () => {
    const t0 = clock.now() // on a minute boundary
    s.h.sandbox.faults.rateLimit({ forMs: 60_000 })
    s.h.sandbox.clearLog()
    await s.api.inboxes.list()
    const [limited, ok] = s.h.sandbox.requests
    expect(limited).toMatchObject({ status: 429, responseBody: expect.stringMatching(/Retry later/) })
    expect(ok.status).toBe(200)
    expect(ok.at).toBeGreaterThanOrEqual(t0 + 60_000)
    expect(ok.at).toBeLessThanOrEqual(t0 + 62_000)
  })

  it("retries a non-idempotent create after a 429 (Rack::Attack rejected it before the app)", async () => {
    const conversationId = await conversation(s.api)
    s.h.sandbox.faults.rateLimit({ retryAfterSeconds: 5, requests: 1 })
    s.h.sandbox.clearLog()
    const message = await s.api.messages.create(conversationId, { content: "hello once" })
    expect(message.id).toEqual(expect.any(Number))
    expect(s.h.sandbox.requests.map((r) => r.status)).toEqual([429, 200])
    const messages = await s.api.messages.list(conversationId)
    expect(messages.payload.filter((m) => m.content === "hello once")).toHaveLength(1)
  })

  it("gives up after maxRateLimitRetries with a retryable error", async () => {
    s.h.sandbox.faults.rateLimit({ retryAfterSeconds: 1 })
    const error = (await s.api.contacts.list().catch((e: unknown) => e)) as ChatwootApiError
    expect(error).toBeInstanceOf(ChatwootApiError)
    expect(error).toMatchObject({
      status: 429,
      type: MedusaError.Types.UNEXPECTED_STATE,
      retryable: true,
      retryAfterMs: 1_000,
      attempts: 6,
      chatwootMessage: "Retry later",
    })
  })

  it("a Retry-After beyond maxRetryAfterMs fails this call at once but still pauses everyone", async () => {
    const t0 = clock.now()
    s.h.sandbox.faults.rateLimit({ retryAfterSeconds: 600, requests: 1 })
    const error = (await s.api.contacts.list().catch((e: unknown) => e)) as ChatwootApiError
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterMs: 600_000, attempts: 1 })
    expect(await s.h.client.rateLimiter.pausedUntil()).toBe(t0 + 600_000)

    s.h.sandbox.clearLog()
    await s.api.contacts.list()
    expect(s.h.sandbox.requests[0].at).toBeGreaterThanOrEqual(t0 + 600_000)
  })
})

describe("a 429 pauses every caller (manual clock)", () => {
  it("holds callers that arrive during the pause until the Retry-After moment, then releases all", async () => {
    const clock = new ManualClock()
    const s = await setup({ clock })
    try {
      const t0 = clock.now()
      s.h.sandbox.faults.rateLimit({ retryAfterSeconds: 40, requests: 1 })
      s.h.sandbox.clearLog()

      const first = s.api.contacts.list()
      while ((await s.h.client.rateLimiter.pausedUntil()) === 0) {
        await flush()
      }
      // callers of other APIs, arriving while paused
      const others = [s.h.client.platform.accounts.list(), s.api.inboxes.list(), s.api.teams.list()]
      await clock.advance(39_999)
      await flush()
      expect(s.h.sandbox.requests.map((r) => r.status)).toEqual([429])

      await clock.advance(1)
      await Promise.all([first, ...others])
      const after = s.h.sandbox.requests.slice(1)
      expect(after).toHaveLength(4)
      for (const entry of after) {
        expect(entry.status).toBe(200)
        expect(entry.at).toBe(t0 + 40_000)
      }
    } finally {
      await s.h.close()
    }
  })
})

describe("5xx, timeouts and outages", () => {
  it("retries 5xx on reads with back-off, then succeeds", async () => {
    const s = await setup()
    try {
      s.h.sandbox.faults.serverError({ status: 503, requests: 2 })
      s.h.sandbox.clearLog()
      await s.api.inboxes.list()
      expect(s.h.sandbox.requests.map((r) => r.status)).toEqual([503, 503, 200])
      expect(s.h.logs.filter((l) => /failed \(503\); retry/.test(l))).toHaveLength(2)
    } finally {
      await s.h.close()
    }
  })

  it("fails with the mapped error after maxRetries", async () => {
    const s = await setup({ retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 } })
    try {
      s.h.sandbox.faults.serverError({ status: 500, requests: 10 })
      s.h.sandbox.clearLog()
      const error = (await s.api.inboxes.list().catch((e: unknown) => e)) as ChatwootApiError
      expect(error).toMatchObject({
        status: 500,
        type: MedusaError.Types.UNEXPECTED_STATE,
        retryable: true,
        attempts: 3,
        chatwootMessage: "Internal Server Error",
      })
      expect(s.h.sandbox.requests).toHaveLength(3)
    } finally {
      await s.h.close()
    }
  })

  it("retries a non-idempotent POST after 500/502/503 and creates exactly one record", async () => {
    const s = await setup()
    try {
      const conversationId = await conversation(s.api)
      s.h.sandbox.faults.serverError({ status: 502, requests: 1 })
      await s.api.messages.create(conversationId, { content: "exactly once" })
      s.h.sandbox.faults.serverError({ status: 500, requests: 1 })
      const account = await s.h.client.platform.accounts.create({ name: "After 500" })
      expect(account.id).toEqual(expect.any(Number))
      const messages = await s.api.messages.list(conversationId)
      expect(messages.payload.filter((m) => m.content === "exactly once")).toHaveLength(1)
    } finally {
      await s.h.close()
    }
  })

  it("does not re-send a non-idempotent POST after a 504 (it may have been processed)", async () => {
    const s = await setup()
    try {
      const conversationId = await conversation(s.api)
      s.h.sandbox.faults.serverError({ status: 504, requests: 1 })
      s.h.sandbox.clearLog()
      const error = (await s.api.messages.create(conversationId, { content: "maybe" }).catch((e: unknown) => e)) as ChatwootApiError
      expect(error).toMatchObject({ status: 504, retryable: true, maybeApplied: true, attempts: 1 })
      expect(s.h.sandbox.requests).toHaveLength(1)

      s.h.sandbox.faults.serverError({ status: 504, requests: 1 })
      await expect(s.api.messages.list(conversationId)).resolves.toBeDefined() // a read is retried
    } finally {
      await s.h.close()
    }
  })

  it("times out after request_timeout_ms: reads are retried, non-idempotent creates are not", async () => {
    const s = await setup({ timeoutMs: 150 })
    try {
      const conversationId = await conversation(s.api)
      s.h.sandbox.faults.timeout({ requests: 1 })
      s.h.sandbox.clearLog()
      await s.api.conversations.get(conversationId)
      expect(s.h.exchanges.slice(-2).map((e) => e.networkCode ?? e.status)).toEqual(["ETIMEDOUT", 200])

      s.h.sandbox.faults.timeout({ requests: 1 })
      const error = (await s.api.messages
        .create(conversationId, { content: "slow" })
        .catch((e: unknown) => e)) as ChatwootApiError
      expect(error).toBeInstanceOf(ChatwootApiError)
      expect(error).toMatchObject({
        networkCode: "ETIMEDOUT",
        status: undefined,
        retryable: true,
        maybeApplied: true,
        attempts: 1,
        type: MedusaError.Types.UNEXPECTED_STATE,
      })
      expect(error.message).toMatch(/timeout of 150ms exceeded/)
    } finally {
      await s.h.close()
    }
  })

  it("a create Chatwoot processed but answered too late is not sent again (no duplicate)", async () => {
    const s = await setup({ timeoutMs: 150 })
    try {
      const conversationId = await conversation(s.api)
      s.h.sandbox.faults.latency(400) // the sandbox handles the request, then answers late
      s.h.exchanges.length = 0
      const error = (await s.api.messages
        .create(conversationId, { content: "processed, answer lost", source_id: "medusa-msg-1" })
        .catch((e: unknown) => e)) as ChatwootApiError
      expect(error).toMatchObject({ networkCode: "ETIMEDOUT", retryable: true, maybeApplied: true, attempts: 1 })

      // one attempt only (the sandbox's log drops exchanges whose client hung up, so count on our side)
      expect(s.h.exchanges.filter((e) => e.operation.startsWith("POST ") && e.operation.endsWith("/messages"))).toHaveLength(1)

      s.h.sandbox.faults.clear()
      const messages = await s.api.messages.list(conversationId)
      // it did land: the caller can find it by source_id instead of re-sending
      expect(messages.payload.filter((m) => m.source_id === "medusa-msg-1")).toHaveLength(1)
    } finally {
      await s.h.close()
    }
  })

  it("rides out a short outage on idempotent calls; fails a non-idempotent one at once", async () => {
    const clock = new JumpClock()
    const s = await setup({ clock, retry: { baseDelayMs: 1_000, maxDelayMs: 30_000, random: () => 1 } })
    try {
      const conversationId = await conversation(s.api)
      const t0 = clock.now()
      s.h.sandbox.faults.outage({ forMs: 5_000 })
      s.h.sandbox.clearLog()
      const inboxes = await s.api.inboxes.list()
      expect(inboxes).toHaveLength(1)
      const last = s.h.sandbox.requests[s.h.sandbox.requests.length - 1]
      expect(last.status).toBe(200)
      expect(last.at).toBeGreaterThanOrEqual(t0 + 5_000)
      expect(s.h.sandbox.requests.length).toBeGreaterThan(1)

      s.h.sandbox.faults.outage({ forMs: 5_000 })
      s.h.sandbox.clearLog()
      const error = (await s.api.messages
        .create(conversationId, { content: "lost?" })
        .catch((e: unknown) => e)) as ChatwootApiError
      expect(error).toMatchObject({ retryable: true, maybeApplied: true, attempts: 1, status: undefined })
      expect(error.networkCode).toMatch(/ECONNRESET|EPIPE|ECONNABORTED/)
    } finally {
      await s.h.close()
    }
  })
})

describe("errors never carry a token", () => {
  it("redacts tokens from every form of a failed call's error and from the logs", async () => {
    const s = await setup({ retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 } })
    try {
      const failures: unknown[] = []
      failures.push(await s.h.client.account(s.admin.accountId, s.admin.accessToken).contacts.get(424242).catch((e: unknown) => e))
      s.h.sandbox.faults.serverError({ status: 503, requests: 5 })
      failures.push(await s.api.inboxes.list().catch((e: unknown) => e))
      failures.push(await s.h.client.platform.accounts.get(999).catch((e: unknown) => e))
      s.h.sandbox.faults.clear()

      for (const failure of failures) {
        expect(failure).toBeInstanceOf(ChatwootApiError)
        const error = failure as ChatwootApiError
        const forms = [error.message, String(error.stack), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })]
        for (const form of forms) {
          expect(form).not.toContain(s.admin.accessToken)
          expect(form).not.toContain(s.h.sandbox.platformToken)
        }
      }
      for (const line of s.h.logs) {
        expect(line).not.toContain(s.admin.accessToken)
        expect(line).not.toContain(s.h.sandbox.platformToken)
      }
    } finally {
      await s.h.close()
    }
  })
})
