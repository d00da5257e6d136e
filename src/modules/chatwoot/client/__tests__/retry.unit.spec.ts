import {
  DEFAULT_RETRY_OPTIONS,
  RATE_LIMIT_MARGIN_MS,
  backoffDelay,
  decideRetry,
  defaultRetryAfterMs,
  mayHaveBeenProcessed,
  parseRetryAfter,
} from "../retry"

const NOW = Date.UTC(2026, 5, 17, 10, 0, 30, 250) // 10:00:30.250 UTC

describe("parseRetryAfter", () => {
  it("reads delta-seconds", () => {
    expect(parseRetryAfter("120", NOW)).toBe(120_000)
    expect(parseRetryAfter(" 0 ", NOW)).toBe(0)
    expect(parseRetryAfter("1.5", NOW)).toBe(1_500)
  })

  it("reads an HTTP date relative to now", () => {
    expect(parseRetryAfter("Wed, 17 Jun 2026 10:01:00 GMT", NOW)).toBe(29_750)
    expect(parseRetryAfter(new Date(NOW + 5_000).toUTCString(), NOW)).toBe(4_750) // toUTCString drops ms
  })

  it("treats a date in the past as 'now'", () => {
    expect(parseRetryAfter("Wed, 17 Jun 2026 09:00:00 GMT", NOW)).toBe(0)
  })

  it("returns undefined for absent or garbage values", () => {
    for (const value of [undefined, null, "", "   ", "soon", "-5", "12abc", "1e3", "NaN", "Monday"]) {
      expect(parseRetryAfter(value, NOW)).toBeUndefined()
    }
  })
})

describe("defaultRetryAfterMs (no usable Retry-After)", () => {
  it("waits for Rack::Attack's next one-minute window plus a margin", () => {
    expect(defaultRetryAfterMs(NOW)).toBe(29_750 + RATE_LIMIT_MARGIN_MS)
    const onBoundary = Date.UTC(2026, 5, 17, 10, 1, 0)
    expect(defaultRetryAfterMs(onBoundary)).toBe(60_000 + RATE_LIMIT_MARGIN_MS)
    expect(defaultRetryAfterMs(onBoundary - 1)).toBe(1 + RATE_LIMIT_MARGIN_MS)
  })
})

describe("backoffDelay (full jitter)", () => {
  const opts = { baseDelayMs: 500, maxDelayMs: 30_000 }

  it("stays within [0, min(cap, base·2^retry)]", () => {
    for (let retry = 0; retry < 12; retry++) {
      const ceiling = Math.min(30_000, 500 * 2 ** retry)
      expect(backoffDelay(retry, { ...opts, random: () => 0 })).toBe(0)
      expect(backoffDelay(retry, { ...opts, random: () => 0.999999 })).toBe(Math.floor(0.999999 * ceiling))
      for (let i = 0; i < 50; i++) {
        const delay = backoffDelay(retry, { ...opts, random: Math.random })
        expect(delay).toBeGreaterThanOrEqual(0)
        expect(delay).toBeLessThanOrEqual(ceiling)
      }
    }
  })

  it("grows exponentially until the cap", () => {
    const half = { ...opts, random: () => 0.5 }
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((r) => backoffDelay(r, half))).toEqual([
      250, 500, 1_000, 2_000, 4_000, 8_000, 15_000, 15_000,
    ])
  })

  it("clamps a misbehaving random source", () => {
    expect(backoffDelay(2, { ...opts, random: () => 7 })).toBe(2_000)
    expect(backoffDelay(2, { ...opts, random: () => -1 })).toBe(0)
  })

  it("has bounded defaults", () => {
    expect(DEFAULT_RETRY_OPTIONS).toMatchObject({
      maxRetries: 4,
      baseDelayMs: 500,
      maxDelayMs: 30_000,
      maxRateLimitRetries: 5,
      maxRetryAfterMs: 120_000,
    })
  })
})

describe("decideRetry", () => {
  const response = (status: number) => ({ kind: "response" as const, status })
  const network = (code?: string) => ({ kind: "network" as const, code })

  it("is done on 2xx", () => {
    expect(decideRetry(response(200), false)).toBe("done")
    expect(decideRetry(response(204), true)).toBe("done")
  })

  it("waits out a 429 for any call: Rack::Attack rejects before the app runs", () => {
    expect(decideRetry(response(429), false)).toBe("rate_limited")
    expect(decideRetry(response(429), true)).toBe("rate_limited")
  })

  it("never retries other 4xx", () => {
    for (const status of [400, 401, 402, 403, 404, 409, 422]) {
      expect(decideRetry(response(status), true)).toBe("fail")
      expect(decideRetry(response(status), false)).toBe("fail")
    }
  })

  it("retries idempotent calls on 5xx, timeouts and network errors", () => {
    for (const outcome of [
      response(500),
      response(502),
      response(503),
      response(504),
      network("ETIMEDOUT"),
      network("ECONNRESET"),
      network("ECONNREFUSED"),
      network(undefined),
    ]) {
      expect(decideRetry(outcome, true)).toBe("retry")
    }
  })

  it("retries non-idempotent calls only when Chatwoot certainly did not act", () => {
    for (const safe of [response(500), response(502), response(503), network("ECONNREFUSED"), network("ENOTFOUND")]) {
      expect(decideRetry(safe, false)).toBe("retry")
    }
    for (const ambiguous of [response(504), network("ETIMEDOUT"), network("ECONNRESET"), network("EPIPE"), network()]) {
      expect(decideRetry(ambiguous, false)).toBe("fail")
    }
  })

  it("knows which outcomes may have had an effect", () => {
    expect(mayHaveBeenProcessed(response(200))).toBe(true)
    expect(mayHaveBeenProcessed(response(422))).toBe(false)
    expect(mayHaveBeenProcessed(response(429))).toBe(false)
    expect(mayHaveBeenProcessed(response(503))).toBe(false)
    expect(mayHaveBeenProcessed(response(504))).toBe(true)
    expect(mayHaveBeenProcessed(network("ECONNREFUSED"))).toBe(false)
    expect(mayHaveBeenProcessed(network("ETIMEDOUT"))).toBe(true)
  })
})
