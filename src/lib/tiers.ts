import type { ChatwootTier } from "../modules/chatwoot/options"

/** A customer tier reached at a lifetime value (the plugin's `tiers` option). */
export type Tier = ChatwootTier

/** The highest tier a lifetime value reaches; null below the lowest. */
export function tierFor(lifetimeValue: number, tiers: Tier[]): string | null {
  let name: string | null = null
  for (const tier of [...tiers].sort((a, b) => a.min_lifetime_value - b.min_lifetime_value)) {
    if (lifetimeValue >= tier.min_lifetime_value) name = tier.name
  }
  return name
}
