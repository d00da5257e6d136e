import { consumeAll, limiter, LIMITS, resetRateLimiters } from "../rate-limits"
import { auditNoteContent } from "../chatwoot/dashboard-app/audit-note"

describe("abuse limits", () => {
  afterEach(() => {
    delete process.env.CHATWOOT_CONTACT_IP_LIMIT
    resetRateLimiters()
  })

  it("20 parallel checks: exactly the limit pass (the hit is taken with the answer)", async () => {
    process.env.CHATWOOT_CONTACT_IP_LIMIT = "5"
    resetRateLimiters()
    const decisions = await Promise.all(Array.from({ length: 20 }, () => consumeAll([["contact_ip", "198.51.100.7"]])))
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5)
    const refused = decisions.find((d) => !d.allowed) as { retryAfterMs: number }
    expect(refused.retryAfterMs).toBeGreaterThan(0)
    expect(refused.retryAfterMs).toBeLessThanOrEqual(LIMITS.contact_ip.durationSec * 1000)
    // another client has its own bucket
    expect((await consumeAll([["contact_ip", "198.51.100.8"]])).allowed).toBe(true)
  })

  it("a refusal stops at the first limit: later limits are not charged", async () => {
    process.env.CHATWOOT_CONTACT_IP_LIMIT = "1"
    resetRateLimiters()
    expect((await consumeAll([["contact_ip", "a"], ["contact_email", "x@example.com"]])).allowed).toBe(true)
    expect((await consumeAll([["contact_ip", "a"], ["contact_email", "x@example.com"]])).allowed).toBe(false)
    const left = await limiter("contact_email").get("x@example.com".slice(0, 200))
    expect(left?.consumedPoints).toBe(1)
  })

  it("reads the limits from env when first used, with the defaults otherwise", async () => {
    const defaults = Object.fromEntries(Object.entries(LIMITS).map(([name, spec]) => [name, (limiter(name as keyof typeof LIMITS) as unknown as { points: number }).points]))
    expect(defaults).toEqual(Object.fromEntries(Object.entries(LIMITS).map(([name, spec]) => [name, spec.points])))
    process.env.CHATWOOT_CONTACT_IP_LIMIT = "17"
    resetRateLimiters()
    expect((limiter("contact_ip") as unknown as { points: number }).points).toBe(17)
  })
})

describe("auditNoteContent", () => {
  it("says the agent is named by Chatwoot, not vouched for by the plugin", () => {
    expect(auditNoteContent({ name: "Jane", email: "jane@shop.test" }, "canceled order #12")).toBe(
      "Jane (jane@shop.test, as reported by Chatwoot) canceled order #12 from the Medusa dashboard app."
    )
    expect(auditNoteContent({ name: "Jane" }, "canceled order #12", "asked")).toBe(
      "Jane (as reported by Chatwoot) canceled order #12 from the Medusa dashboard app. Reason: asked"
    )
    expect(auditNoteContent(null, "canceled order #12")).toBe("An agent (not named by Chatwoot) canceled order #12 from the Medusa dashboard app.")
  })
})
