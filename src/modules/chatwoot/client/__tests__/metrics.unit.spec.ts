import { ChatwootCallMetrics } from "../metrics"

const clock = (start = Date.UTC(2026, 0, 1)) => {
  let now = start
  return { now: () => now, sleep: async () => undefined, advance: (ms: number) => (now += ms) }
}

describe("ChatwootCallMetrics", () => {
  it("counts calls, 429, 5xx and network failures per account and remembers the last success", () => {
    const c = clock()
    const metrics = new ChatwootCallMetrics(c)
    const call = (accountId: number | undefined, status?: number) =>
      metrics.record({ operation: "GET /x", kind: "account", attempt: 1, status, durationMs: 5, accountId })
    call(7, 200)
    call(7, 429)
    call(7, 503)
    call(7, undefined)
    call(8, 500)
    call(undefined, 200)

    const seven = metrics.counts(7)
    expect(seven).toMatchObject({ calls: 4, rate_limited: 1, server_errors: 1, network_errors: 1 })
    expect(seven.last_success_at).toEqual(new Date(c.now()))
    expect(metrics.counts(8)).toMatchObject({ calls: 1, server_errors: 1, last_success_at: null })
    expect(metrics.counts(0)).toMatchObject({ calls: 1 })
    expect(metrics.counts(99)).toMatchObject({ calls: 0, last_success_at: null })
  })

  it("forgets calls older than the window (24 h kept)", () => {
    const c = clock()
    const metrics = new ChatwootCallMetrics(c)
    metrics.record({ operation: "GET /x", kind: "account", attempt: 1, status: 429, durationMs: 1, accountId: 1 })
    c.advance(2 * 60 * 60 * 1000)
    metrics.record({ operation: "GET /x", kind: "account", attempt: 1, status: 200, durationMs: 1, accountId: 1 })
    expect(metrics.counts(1, 60 * 60 * 1000)).toMatchObject({ calls: 1, rate_limited: 0 })
    expect(metrics.counts(1)).toMatchObject({ calls: 2, rate_limited: 1 })
    c.advance(25 * 60 * 60 * 1000)
    metrics.record({ operation: "GET /x", kind: "account", attempt: 1, status: 200, durationMs: 1, accountId: 1 })
    expect(metrics.counts(1)).toMatchObject({ calls: 1, rate_limited: 0 })
  })
})
