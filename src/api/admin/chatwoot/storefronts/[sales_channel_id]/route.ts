import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resolveWidgetSettings, type WidgetSettingsInput } from "../../../../../modules/chatwoot/widget-settings"
import { updateChatwootStorefrontSettingsWorkflow } from "../../../../../workflows/account/workflows"
import { storefrontOfRequest } from "./helpers"

async function storefrontView(req: AuthenticatedMedusaRequest) {
  const { storefront } = await storefrontOfRequest(req)
  return {
    sales_channel_id: storefront.sales_channel_id,
    account_id: storefront.account_id,
    enabled: storefront.enabled,
    settings: resolveWidgetSettings(storefront.widget_settings),
  }
}

/** GET /admin/chatwoot/storefronts/:sales_channel_id — the storefront's chat settings (defaults filled in). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ storefront: await storefrontView(req) })
}

/** POST /admin/chatwoot/storefronts/:sales_channel_id — change settings; pushed to the website inbox. */
export const POST = async (req: AuthenticatedMedusaRequest<Partial<WidgetSettingsInput>>, res: MedusaResponse) => {
  await updateChatwootStorefrontSettingsWorkflow(req.scope).run({
    input: { sales_channel_id: req.params.sales_channel_id, settings: req.validatedBody },
  })
  res.json({ storefront: await storefrontView(req) })
}
