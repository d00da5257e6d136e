import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import type { RoutingRulesInput, StoredRoutingRules } from "../../../modules/chatwoot/routing-rules"
import { routingRulesInputSchema } from "../../../modules/chatwoot/routing-rules"

export const ensureChatwootRoutingTeamsStepId = "chatwoot-ensure-routing-teams"

/**
 * Finds the teams the rules name in the storefront's Chatwoot account (names
 * compare case-insensitively: Chatwoot lower-cases them) and creates the
 * missing ones. Returns the rules as stored, with team ids. Compensation
 * deletes the teams it created.
 */
export const ensureChatwootRoutingTeamsStep = createStep(
  ensureChatwootRoutingTeamsStepId,
  async (input: { sales_channel_id: string; rules: RoutingRulesInput }, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const rules = routingRulesInputSchema.parse(input.rules)
    const [storefront] = await chatwoot.listChatwootStorefronts({ sales_channel_id: input.sales_channel_id }, { relations: ["account"] })
    if (!storefront) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sales channel ${input.sales_channel_id} has no Chatwoot account`)
    }
    const names = [...new Set([rules.storefront_team, ...rules.language_teams.map((l) => l.team)].filter((n): n is string => !!n))]
    const created: number[] = []
    const ids = new Map<string, number>()
    if (names.length) {
      if (storefront.account.status !== "active") {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Teams can be chosen once the storefront's Chatwoot account is active")
      }
      const teams = chatwoot.accountApi(storefront.account).teams
      const existing = await teams.list()
      for (const name of names) {
        const found = existing.find((t) => t.name.toLowerCase() === name.toLowerCase())
        if (found) ids.set(name, found.id)
        else {
          const team = await teams.create({ name, allow_auto_assign: true })
          created.push(team.id)
          ids.set(name, team.id)
        }
      }
    }
    const stored: StoredRoutingRules = {
      ...rules,
      storefront_team: rules.storefront_team ? { name: rules.storefront_team, id: ids.get(rules.storefront_team)! } : null,
      language_teams: rules.language_teams.map((l) => ({ language: l.language, team: { name: l.team, id: ids.get(l.team)! } })),
    }
    return new StepResponse(stored, created.length ? { account_id: storefront.account.id, created } : null)
  },
  async (undo, { container }) => {
    if (!undo) return
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const account = await chatwoot.retrieveChatwootAccount(undo.account_id)
    const teams = chatwoot.accountApi(account).teams
    for (const id of undo.created) await teams.delete(id).catch(() => undefined)
  }
)
