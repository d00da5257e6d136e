import { TokenBucketLimiter } from "../rate-limit"

describe("TokenBucketLimiter", () => {
  it("allows a burst of perMinute, then refills at perMinute/60 s per key", () => {
    let now = 0
    const limiter = new TokenBucketLimiter(60, 100, () => now)
    for (let i = 0; i < 60; i++) expect(limiter.take("a").allowed).toBe(true)
    const refused = limiter.take("a")
    expect(refused).toEqual({ allowed: false, retryAfterMs: 1000 })
    expect(limiter.take("b").allowed).toBe(true)
    now += 1000
    expect(limiter.take("a").allowed).toBe(true)
    expect(limiter.take("a").allowed).toBe(false)
  })

  it("keeps at most maxKeys buckets", () => {
    const limiter = new TokenBucketLimiter(1, 2, () => 0)
    limiter.take("a")
    limiter.take("b")
    limiter.take("c")
    // "a" was dropped: it starts with a full bucket again
    expect(limiter.take("a").allowed).toBe(true)
  })
})
