import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminListChatwootAccountsType } from "./validators"

/** GET /admin/chatwoot/accounts — the Chatwoot accounts the plugin manages. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListChatwootAccountsType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { status, sales_channel_id } = req.validatedQuery

  const filters: Record<string, unknown> = {}
  if (status) {
    filters.status = status
  }
  if (sales_channel_id) {
    filters.storefronts = { sales_channel_id }
  }

  const { data: accounts, metadata } = await query.graph({
    entity: "chatwoot_account",
    fields: req.queryConfig.fields,
    filters,
    pagination: req.queryConfig.pagination,
  })

  res.json({
    accounts,
    count: metadata?.count ?? accounts.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? accounts.length,
  })
}
