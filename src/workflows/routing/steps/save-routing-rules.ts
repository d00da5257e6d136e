import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import type { StoredRoutingRules } from "../../../modules/chatwoot/routing-rules"

export const saveChatwootRoutingRulesStepId = "chatwoot-save-routing-rules"

/** Stores a storefront's routing rules. Compensation puts the previous rules back. */
export const saveChatwootRoutingRulesStep = createStep(
  saveChatwootRoutingRulesStepId,
  async (input: { sales_channel_id: string; rules: StoredRoutingRules }, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const [storefront] = await chatwoot.listChatwootStorefronts({ sales_channel_id: input.sales_channel_id })
    await chatwoot.updateChatwootStorefronts({ id: storefront.id, routing_rules: input.rules as unknown as Record<string, unknown> })
    return new StepResponse(input.rules, { id: storefront.id, routing_rules: storefront.routing_rules })
  },
  async (previous, { container }) => {
    if (!previous) return
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    await chatwoot.updateChatwootStorefronts(previous)
  }
)
