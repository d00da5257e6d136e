import { InMemoryRateLimitStore, RateLimiter, type RateLimitStore } from "../rate-limiter"
import { JumpClock, ManualClock, flush } from "./helpers/clocks"

/** Largest number of starts inside any window [t, t + windowMs). */
function maxInAnyWindow(starts: number[], windowMs: number): number {
  const sorted = [...starts].sort((a, b) => a - b)
  let max = 0
  let lo = 0
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi] - sorted[lo] >= windowMs) {
      lo++
    }
    max = Math.max(max, hi - lo + 1)
  }
  return max
}

describe("RateLimiter (fake clock)", () => {
  it("lets `limit` calls start at once, then holds the next until the oldest leaves the window", async () => {
    const clock = new ManualClock()
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000, clock })
    const t0 = clock.now()
    const started: number[] = []
    const calls = Array.from({ length: 5 }, () => limiter.acquire().then(() => started.push(clock.now())))

    await flush()
    expect(started).toEqual([t0, t0, t0])

    await clock.advance(59_999)
    expect(started).toHaveLength(3)

    await clock.advance(1)
    await Promise.all(calls)
    expect(started).toEqual([t0, t0, t0, t0 + 60_000, t0 + 60_000])
  })

  /** A store that records the moment of every granted start. */
  function recordingStore(starts: number[]): RateLimitStore {
    const inner = new InMemoryRateLimitStore()
    return {
      acquire: async (key, now, limit, windowMs) => {
        const grant = await inner.acquire(key, now, limit, windowMs)
        if (grant.granted) {
          starts.push(now)
        }
        return grant
      },
      block: (key, until) => inner.block(key, until),
      blockedUntil: (key) => inner.blockedUntil(key),
    }
  }

  it("never lets more than `limit` calls start in any rolling window over a long burst, and uses the budget", async () => {
    const clock = new JumpClock()
    const limit = 40
    const windowMs = 60_000
    const starts: number[] = []
    const limiter = new RateLimiter({ limit, windowMs, clock, store: recordingStore(starts) })

    await Promise.all(Array.from({ length: 1050 }, () => limiter.acquire()))

    expect(starts).toHaveLength(1050)
    expect(maxInAnyWindow(starts, windowMs)).toBe(limit)
    // 1050 starts at 40 per window need 26 windows after the first, and take no longer
    expect(Math.max(...starts) - Math.min(...starts)).toBe(26 * windowMs)
  })

  it("never exceeds the limit with callers arriving at uneven times", async () => {
    const clock = new ManualClock()
    const limit = 25
    const windowMs = 60_000
    const starts: number[] = []
    const limiter = new RateLimiter({ limit, windowMs, clock, store: recordingStore(starts) })

    const calls: Array<Promise<void>> = []
    let seed = 7
    const random = () => {
      seed = (seed * 48_271) % 2_147_483_647
      return seed / 2_147_483_647
    }
    for (let step = 0; step < 400; step++) {
      const arriving = Math.floor(random() * 4)
      for (let i = 0; i < arriving; i++) {
        calls.push(limiter.acquire())
      }
      await clock.advance(Math.floor(random() * 3_000))
    }
    await clock.advance(3_600_000)
    await Promise.all(calls)

    expect(starts).toHaveLength(calls.length)
    expect(calls.length).toBeGreaterThan(400)
    expect(maxInAnyWindow(starts, windowMs)).toBe(limit)
  })

  it("serves waiting callers in arrival order", async () => {
    const clock = new ManualClock()
    const limiter = new RateLimiter({ limit: 1, windowMs: 1_000, clock })
    const order: number[] = []
    const calls = [0, 1, 2, 3].map((i) => limiter.acquire().then(() => order.push(i)))
    await clock.advance(3_000)
    await Promise.all(calls)
    expect(order).toEqual([0, 1, 2, 3])
  })

  it("pauseUntil holds every caller, including ones with budget left, until the moment passes", async () => {
    const clock = new ManualClock()
    const limiter = new RateLimiter({ limit: 100, windowMs: 60_000, clock })
    const t0 = clock.now()
    await limiter.pauseUntil(t0 + 5_000)
    expect(await limiter.pausedUntil()).toBe(t0 + 5_000)

    const started: number[] = []
    const calls = Array.from({ length: 10 }, () => limiter.acquire().then(() => started.push(clock.now())))
    await clock.advance(4_999)
    expect(started).toEqual([])

    await clock.advance(1)
    await Promise.all(calls)
    expect(started).toEqual(Array(10).fill(t0 + 5_000))
  })

  it("a later pause extends a running one; an earlier one never shortens it", async () => {
    const clock = new ManualClock()
    const limiter = new RateLimiter({ limit: 10, clock })
    const t0 = clock.now()
    await limiter.pauseUntil(t0 + 2_000)
    const started: number[] = []
    const call = limiter.acquire().then(() => started.push(clock.now()))

    await clock.advance(1_000)
    await limiter.pauseUntil(t0 + 1_500)
    await limiter.pauseUntil(t0 + 4_000)
    await clock.advance(2_999)
    expect(started).toEqual([])
    await clock.advance(1)
    await call
    expect(started).toEqual([t0 + 4_000])
  })

  it("counts exactly across many windows while pruning its log", async () => {
    const store = new InMemoryRateLimitStore()
    let now = 0
    for (let i = 0; i < 3_000; i++) {
      const grant = await store.acquire("k", now, 5, 1_000)
      expect(grant.granted).toBe(true)
      now += 200
    }
    const denied = await store.acquire("k", now - 200, 5, 1_000)
    // the last grant was at now - 200; its window holds 5 starts until now
    expect(denied).toEqual({ granted: false, retryAt: now })
  })

  it("uses the pluggable store for every decision", async () => {
    const calls: string[] = []
    const inner = new InMemoryRateLimitStore()
    const store: RateLimitStore = {
      acquire: (key, now, limit, windowMs) => {
        calls.push(`acquire:${key}:${limit}:${windowMs}`)
        return inner.acquire(key, now, limit, windowMs)
      },
      block: (key, until) => {
        calls.push(`block:${key}:${until}`)
        return inner.block(key, until)
      },
      blockedUntil: (key) => inner.blockedUntil(key),
    }
    const limiter = new RateLimiter({ limit: 2, windowMs: 10, store, key: "cw-1", clock: new ManualClock(0) })
    await limiter.acquire()
    await limiter.pauseUntil(50)
    expect(calls).toEqual(["acquire:cw-1:2:10", "block:cw-1:50"])
  })

  it("a failing store rejects that caller without wedging the queue", async () => {
    let fail = true
    const inner = new InMemoryRateLimitStore()
    const store: RateLimitStore = {
      acquire: async (...args) => {
        if (fail) {
          fail = false
          throw new Error("store down")
        }
        return inner.acquire(...args)
      },
      block: (key, until) => inner.block(key, until),
      blockedUntil: (key) => inner.blockedUntil(key),
    }
    const limiter = new RateLimiter({ limit: 5, store, clock: new ManualClock() })
    await expect(limiter.acquire()).rejects.toThrow("store down")
    await expect(limiter.acquire()).resolves.toBeUndefined()
  })

  it("rejects a limit that is not a positive whole number", () => {
    expect(() => new RateLimiter({ limit: 0 })).toThrow(TypeError)
    expect(() => new RateLimiter({ limit: 1.5 })).toThrow(TypeError)
  })
})
