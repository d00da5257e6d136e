import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../../../../../modules/chatwoot"
import type ChatwootModuleService from "../../../../../modules/chatwoot/service"

/** The storefront of the route's `:sales_channel_id`; 404 when that sales channel has no Chatwoot account. */
export async function storefrontOfRequest(req: AuthenticatedMedusaRequest) {
  const chatwoot = req.scope.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const [storefront] = await chatwoot.listChatwootStorefronts({ sales_channel_id: req.params.sales_channel_id })
  if (!storefront) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sales channel ${req.params.sales_channel_id} has no Chatwoot account`)
  }
  return { chatwoot, storefront }
}
