import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { provisionChatwootAccount } from "../../../../../../workflows/account/workflows"
import { refetchAccount } from "../../helpers"

/**
 * POST /admin/chatwoot/accounts/:id/retry — runs provisioning again: resumes
 * a failed run and repairs whatever is missing in Chatwoot.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const account = (await refetchAccount(req.scope, req.params.id, ["id", "storefronts.sales_channel_id"])) as {
    storefronts: { sales_channel_id: string }[]
  }
  if (!account.storefronts.length) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The account serves no storefront")
  }
  await provisionChatwootAccount(req.scope, {
    sales_channel_id: account.storefronts[0].sales_channel_id,
    account_id: req.params.id,
  })
  res.json({ account: await refetchAccount(req.scope, req.params.id) })
}
