import { SlidingWindowLimiter, retryAfterSeconds } from "../rate-limit"

describe("SlidingWindowLimiter", () => {
  it("allows `limit` hits per window and key, then refuses with the time until the oldest leaves", () => {
    let now = 1_000_000
    const limiter = new SlidingWindowLimiter({ limit: 3, windowMs: 60_000, now: () => now })
    expect(limiter.hit("a")).toEqual({ allowed: true })
    now += 10_000
    expect(limiter.hit("a")).toEqual({ allowed: true })
    expect(limiter.hit("a")).toEqual({ allowed: true })
    expect(limiter.hit("a")).toEqual({ allowed: false, retryAfterMs: 50_000 })
    // other keys are independent
    expect(limiter.hit("b")).toEqual({ allowed: true })
    // refused hits are not counted; the window slides
    now += 50_000
    expect(limiter.hit("a")).toEqual({ allowed: true })
    expect(limiter.hit("a")).toEqual({ allowed: false, retryAfterMs: 10_000 })
    now += 10_000
    expect(limiter.peek("a")).toEqual({ allowed: true })
    expect(limiter.hit("a")).toEqual({ allowed: true })
  })

  it("bounds the number of keys it remembers", () => {
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2, now: () => 5 })
    limiter.hit("a")
    limiter.hit("b")
    limiter.hit("c")
    expect(limiter.hit("a")).toEqual({ allowed: true })
    expect(limiter.hit("c")).toEqual({ allowed: false, retryAfterMs: 60_000 })
  })

  it("formats Retry-After in whole seconds, at least 1", () => {
    expect(retryAfterSeconds(1)).toBe("1")
    expect(retryAfterSeconds(1500)).toBe("2")
    expect(retryAfterSeconds(60_000)).toBe("60")
  })
})
