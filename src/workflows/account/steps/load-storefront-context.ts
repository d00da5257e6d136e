import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { accountName, toChatwootLocale } from "../../../modules/chatwoot/provisioning"

export type StorefrontContext = {
  sales_channel_id: string
  channel_name: string
  store_name: string | null
  /** Chatwoot locale from the store's first supported locale. */
  locale: string
  /** Default account name for this storefront. */
  account_name: string
}

export const loadStorefrontContextStepId = "chatwoot-load-storefront-context"

/** Reads the sales channel and the store: the names and locale an account is given. */
export const loadStorefrontContextStep = createStep(
  loadStorefrontContextStepId,
  async (input: { sales_channel_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: channels } = await query.graph({
      entity: "sales_channel",
      fields: ["id", "name"],
      filters: { id: input.sales_channel_id },
    })
    if (!channels.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sales channel ${input.sales_channel_id} was not found`)
    }
    const { data: stores } = await query.graph({
      entity: "store",
      fields: ["id", "name", "supported_locales.locale_code"],
    })
    const store = stores[0] as { name?: string | null; supported_locales?: { locale_code: string }[] } | undefined
    const context: StorefrontContext = {
      sales_channel_id: channels[0].id,
      channel_name: channels[0].name,
      store_name: store?.name ?? null,
      locale: toChatwootLocale(store?.supported_locales?.[0]?.locale_code),
      account_name: accountName(store?.name, channels[0].name),
    }
    return new StepResponse(context)
  }
)
