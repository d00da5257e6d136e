import { DEFAULT_ROUTING_RULES, routingPlan, routingRulesInputSchema, toLabel, type StoredRoutingRules } from "../routing-rules"

const rules: StoredRoutingRules = {
  ...DEFAULT_ROUTING_RULES,
  enabled: true,
  priority_by_tier: { gold: "high" },
  storefront_team: { name: "VIP", id: 5 },
  storefront_team_tiers: ["gold"],
  language_teams: [{ language: "de", team: { name: "DACH", id: 7 } }],
  label_after_hours: true,
}
const ctx = {
  tier: "gold" as string | null,
  all_tiers: ["bronze", "silver", "gold"],
  storefront_name: "Outlet Store",
  has_open_order: true,
  language: null as string | null,
  open_now: true,
  current: { priority: null as string | null, team_id: null as number | null, labels: ["agent-label"] },
}

describe("routingPlan", () => {
  it("gold: high priority, the storefront team, storefront/tier/open-order labels; agent labels kept", () => {
    expect(routingPlan(rules, ctx)).toEqual({ priority: "high", team_id: 5, labels: ["agent-label", "gold", "has-open-order", "outlet-store"] })
  })

  it("bronze: no priority, no team (team only for gold), its own tier label", () => {
    expect(routingPlan(rules, { ...ctx, tier: "bronze", has_open_order: false })).toEqual({
      priority: null,
      team_id: null,
      labels: ["agent-label", "bronze", "outlet-store"],
    })
  })

  it("a language team wins (de-DE matches de); after hours adds its label", () => {
    expect(routingPlan(rules, { ...ctx, tier: "bronze", language: "de-DE", open_now: false })).toMatchObject({
      team_id: 7,
      labels: expect.arrayContaining(["after-hours"]),
    })
  })

  it("a tier change swaps the tier label and keeps the rest", () => {
    const plan = routingPlan(rules, { ...ctx, current: { priority: null, team_id: null, labels: ["bronze", "outlet-store", "x"] } })
    expect(plan.labels).toEqual(["gold", "has-open-order", "outlet-store", "x"])
  })
})

describe("routingRulesInputSchema", () => {
  it("validates priorities, languages and unknown keys", () => {
    expect(routingRulesInputSchema.safeParse({ priority_by_tier: { gold: "very-high" } }).success).toBe(false)
    expect(routingRulesInputSchema.safeParse({ language_teams: [{ language: "german!", team: "x" }] }).success).toBe(false)
    expect(routingRulesInputSchema.safeParse({ nope: true }).success).toBe(false)
    expect(routingRulesInputSchema.parse({ language_teams: [{ language: "pt_BR", team: "Brasil" }] }).language_teams[0].language).toBe("pt-br")
  })

  it("labels are Chatwoot-safe", () => {
    expect(toLabel("Café Outlet & Co.")).toBe("cafe-outlet-co")
  })
})
