import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import { mergeWidgetSettings, type WidgetSettings, type WidgetSettingsInput } from "../../../modules/chatwoot/widget-settings"

export const saveStorefrontSettingsStepId = "chatwoot-save-storefront-settings"

/** Validates and stores a storefront's chat settings; compensation restores the previous ones. */
export const saveStorefrontSettingsStep = createStep(
  saveStorefrontSettingsStepId,
  async (input: { sales_channel_id: string; settings: Partial<WidgetSettingsInput> }, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const [storefront] = await chatwoot.listChatwootStorefronts({ sales_channel_id: input.sales_channel_id })
    if (!storefront) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sales channel ${input.sales_channel_id} has no Chatwoot account`)
    }
    const settings: WidgetSettings = mergeWidgetSettings(storefront.widget_settings, input.settings)
    await chatwoot.updateChatwootStorefronts({ id: storefront.id, widget_settings: settings })
    return new StepResponse(
      { account_id: storefront.account_id, sales_channel_id: input.sales_channel_id, settings },
      { id: storefront.id, widget_settings: storefront.widget_settings }
    )
  },
  async (previous, { container }) => {
    if (!previous) return
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    await chatwoot.updateChatwootStorefronts(previous)
  }
)
