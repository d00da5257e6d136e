import { chatwootModuleSuite } from "./module-runner"
import { ChatwootAccount, ChatwootAgent, ChatwootContact, ChatwootInbox, ChatwootRateLimit, ChatwootStorefront } from "../models"
import { RateLimiter, type RateLimitStore } from "../client"
import { PostgresRateLimitStore, type SqlConnection } from "../store/rate-limit"
import { JumpClock } from "../client/__tests__/helpers/clocks"

/** Largest number of starts inside any window [t, t + windowMs). */
function maxInAnyWindow(starts: number[], windowMs: number): number {
  const sorted = [...starts].sort((a, b) => a - b)
  let max = 0
  let lo = 0
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi] - sorted[lo] >= windowMs) lo++
    max = Math.max(max, hi - lo + 1)
  }
  return max
}

chatwootModuleSuite({ moduleModels: [ChatwootAccount, ChatwootAgent, ChatwootContact, ChatwootInbox, ChatwootStorefront, ChatwootRateLimit] }, ({ MikroOrmWrapper }) => {
  // two stores on one database: what two Medusa processes hold
  const store = () => new PostgresRateLimitStore(MikroOrmWrapper.forkManager().getKnex() as unknown as SqlConnection)
  const T0 = Date.UTC(2026, 0, 1, 12, 0, 0)

  describe("PostgresRateLimitStore", () => {
    it("two processes share one sliding window and one Retry-After block", async () => {
      const a = store()
      const b = store()
      expect(await a.acquire("cw", T0, 3, 60_000)).toEqual({ granted: true })
      expect(await b.acquire("cw", T0, 3, 60_000)).toEqual({ granted: true })
      expect(await a.acquire("cw", T0 + 1, 3, 60_000)).toEqual({ granted: true })
      // the budget is spent for both: the first start leaves the window at T0 + 60 s
      expect(await b.acquire("cw", T0 + 2, 3, 60_000)).toEqual({ granted: false, retryAt: T0 + 60_000 })
      expect(await a.acquire("cw", T0 + 3, 3, 60_000)).toEqual({ granted: false, retryAt: T0 + 60_000 })
      expect(await b.acquire("cw", T0 + 60_000, 3, 60_000)).toEqual({ granted: true })
      // another key has its own budget
      expect(await b.acquire("other", T0 + 2, 3, 60_000)).toEqual({ granted: true })

      // a 429 seen by one process pauses the other
      await a.block("cw", T0 + 90_000)
      await a.block("cw", T0 + 80_000) // an earlier block never shortens it
      expect(await b.blockedUntil("cw")).toBe(T0 + 90_000)
      expect(await b.acquire("cw", T0 + 70_000, 3, 60_000)).toEqual({ granted: false, retryAt: T0 + 90_000 })
      expect(await b.acquire("cw", T0 + 90_000, 3, 60_000)).toEqual({ granted: true })
    })

    it("two rate limiters (two processes) on one store never start more than `limit` calls in any window together", async () => {
      const clock = new JumpClock(T0)
      const starts: number[] = []
      // the moment the store granted each start (the shared clock jumps on whoever sleeps)
      const recording = (inner: PostgresRateLimitStore): RateLimitStore => ({
        acquire: async (key, now, limit, windowMs) => {
          const grant = await inner.acquire(key, now, limit, windowMs)
          if (grant.granted) starts.push(now)
          return grant
        },
        block: (key, until) => inner.block(key, until),
        blockedUntil: (key) => inner.blockedUntil(key),
      })
      const limiters = [store(), store()].map(
        (s) => new RateLimiter({ limit: 5, windowMs: 60_000, store: recording(s), clock, key: "shared" })
      )
      await Promise.all(limiters.flatMap((limiter) => Array.from({ length: 8 }, () => limiter.acquire())))
      expect(starts).toHaveLength(16)
      expect(maxInAnyWindow(starts, 60_000)).toBeLessThanOrEqual(5)
      // each limiter alone would have let 5 start in the first minute (10 together): the shared store let 5
      expect(starts.filter((t) => t < T0 + 60_000).length).toBeLessThanOrEqual(5)
      expect(starts.filter((t) => t === T0).length).toBeGreaterThan(0)
    })
  })
})
