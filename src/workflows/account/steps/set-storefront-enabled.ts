import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"

export const setStorefrontEnabledStepId = "chatwoot-set-storefront-enabled"

/**
 * Turns a storefront's chat on or off (e.g. off when its sales channel is
 * deleted). Answers which account it belongs to and whether that account
 * still has an enabled storefront. Compensation restores the flag.
 */
export const setStorefrontEnabledStep = createStep(
  setStorefrontEnabledStepId,
  async (input: { sales_channel_id: string; enabled: boolean }, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const [storefront] = await chatwoot.listChatwootStorefronts({ sales_channel_id: input.sales_channel_id })
    if (!storefront) {
      return new StepResponse({ account_id: null as string | null, account_has_enabled_storefronts: false }, null)
    }
    await chatwoot.updateChatwootStorefronts({ id: storefront.id, enabled: input.enabled })
    const siblings = await chatwoot.listChatwootStorefronts({ account_id: storefront.account_id, enabled: true })
    return new StepResponse(
      { account_id: storefront.account_id as string | null, account_has_enabled_storefronts: siblings.length > 0 },
      { id: storefront.id, enabled: storefront.enabled }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    await chatwoot.updateChatwootStorefronts(undo)
  }
)
