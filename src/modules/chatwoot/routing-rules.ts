import { z } from "@medusajs/framework/zod"

/**
 * Routing rules of one storefront, applied to its new conversations
 * (`conversation_created`) and again when the customer's tier changes:
 * priority by tier, a team for the storefront (optionally only for some
 * tiers), teams by conversation language, labels (storefront, tier,
 * has-open-order, after-hours). Business hours themselves are the website
 * inbox's working hours (out-of-office message, storefront settings).
 */
export const CONVERSATION_PRIORITIES = ["urgent", "high", "medium", "low"] as const
export type RoutingPriority = (typeof CONVERSATION_PRIORITIES)[number]

const teamName = z.string().trim().min(1).max(100)
const language = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})?$/, "must be a language code like de or pt-BR")
  .transform((l) => l.toLowerCase().replace("_", "-"))

/** What the admin sends (teams by name; the plugin finds or creates them). */
export const routingRulesInputSchema = z
  .object({
    enabled: z.boolean().default(false),
    /** Tier name → Chatwoot priority, e.g. `{ gold: "high" }`. */
    priority_by_tier: z.record(z.string().trim().min(1).max(60), z.enum(CONVERSATION_PRIORITIES)).default({}),
    /** Team for the storefront's conversations (null: none). */
    storefront_team: teamName.nullable().default(null),
    /** Only these tiers get the storefront team (empty: every conversation). */
    storefront_team_tiers: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
    /** Teams by conversation language; the first match wins over the storefront team. */
    language_teams: z
      .array(z.object({ language, team: teamName }))
      .max(30)
      .refine((l) => new Set(l.map((x) => x.language)).size === l.length, "one team per language")
      .default([]),
    /** Label with the storefront's name (or `storefront_label` when given). */
    label_storefront: z.boolean().default(true),
    storefront_label: z
      .string()
      .trim()
      .regex(/^[a-z0-9_-]{1,50}$/, "lower-case letters, digits, - and _ only")
      .nullable()
      .default(null),
    /** Label with the customer's tier. */
    label_tier: z.boolean().default(true),
    /** Label `has-open-order` when the customer has an order not yet completed or canceled. */
    label_open_order: z.boolean().default(true),
    /** Label `after-hours` when the conversation starts outside the storefront's business hours. */
    label_after_hours: z.boolean().default(false),
  })
  .strict()

export type RoutingRulesInput = z.input<typeof routingRulesInputSchema>

/** What the plugin stores: the input with each team's Chatwoot id. */
export type StoredRoutingRules = Omit<z.infer<typeof routingRulesInputSchema>, "storefront_team" | "language_teams"> & {
  storefront_team: { name: string; id: number } | null
  language_teams: { language: string; team: { name: string; id: number } }[]
}

export const DEFAULT_ROUTING_RULES: StoredRoutingRules = {
  ...routingRulesInputSchema.parse({}),
  storefront_team: null,
  language_teams: [],
}

/** Stored rules with defaults filled in (nothing stored: routing off). */
export function resolveRoutingRules(stored: unknown): StoredRoutingRules {
  if (!stored || typeof stored !== "object") return DEFAULT_ROUTING_RULES
  return { ...DEFAULT_ROUTING_RULES, ...(stored as Partial<StoredRoutingRules>) }
}

export const OPEN_ORDER_LABEL = "has-open-order"
export const AFTER_HOURS_LABEL = "after-hours"

/** A Chatwoot label from a free text (lower-case letters, digits, - and _). */
export function toLabel(text: string): string {
  const slug = text
    .slice(0, 4096)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
  // trimmed by hand: /-+$/ is quadratic on a long run of hyphens
  let start = 0
  let end = slug.length
  while (start < end && slug[start] === "-") start++
  while (end > start && slug[end - 1] === "-") end--
  return slug.slice(start, end).slice(0, 50)
}

export type RoutingContext = {
  tier: string | null
  /** Every tier name (so an old tier label can be taken off). */
  all_tiers: string[]
  storefront_name: string | null
  has_open_order: boolean
  /** Conversation language (browser or conversation_language), e.g. "de-DE". */
  language: string | null
  open_now: boolean
  current: { priority: string | null; team_id: number | null; labels: string[] }
}

export type RoutingPlan = {
  priority: RoutingPriority | null
  team_id: number | null
  labels: string[]
}

/**
 * Pure: what the conversation should look like after routing. Labels the
 * plugin does not own (an agent's) are kept; the plugin's own tier,
 * open-order and after-hours labels are added or taken off. A priority or
 * team the rules do not set is left as it is.
 */
export function routingPlan(rules: StoredRoutingRules, ctx: RoutingContext): RoutingPlan {
  const priority = (ctx.tier && rules.priority_by_tier[ctx.tier]) || (ctx.current.priority as RoutingPriority | null)

  const lang = ctx.language?.toLowerCase().replace("_", "-") ?? null
  const byLanguage = lang
    ? (rules.language_teams.find((l) => l.language === lang) ??
      rules.language_teams.find((l) => l.language === lang.split("-")[0] || l.language.split("-")[0] === lang))
    : undefined
  const tierMayHaveTeam = !rules.storefront_team_tiers.length || (ctx.tier !== null && rules.storefront_team_tiers.includes(ctx.tier))
  const team_id = byLanguage?.team.id ?? (rules.storefront_team && tierMayHaveTeam ? rules.storefront_team.id : ctx.current.team_id)

  const owned = new Set([...ctx.all_tiers.map(toLabel), OPEN_ORDER_LABEL, AFTER_HOURS_LABEL])
  const labels = new Set(ctx.current.labels.filter((l) => !owned.has(l)))
  const storefrontLabel = rules.storefront_label ?? (ctx.storefront_name ? toLabel(ctx.storefront_name) : null)
  if (rules.label_storefront && storefrontLabel) labels.add(storefrontLabel)
  if (rules.label_tier && ctx.tier) labels.add(toLabel(ctx.tier))
  if (rules.label_open_order && ctx.has_open_order) labels.add(OPEN_ORDER_LABEL)
  if (rules.label_after_hours && !ctx.open_now) labels.add(AFTER_HOURS_LABEL)
  // keep the plugin's after-hours label once set: it describes how the conversation started
  if (ctx.current.labels.includes(AFTER_HOURS_LABEL) && rules.label_after_hours) labels.add(AFTER_HOURS_LABEL)

  return { priority: priority ?? null, team_id: team_id ?? null, labels: [...labels].sort() }
}
