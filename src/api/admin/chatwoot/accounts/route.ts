import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../../../../modules/chatwoot"
import type ChatwootModuleService from "../../../../modules/chatwoot/service"
import { provisionChatwootAccount } from "../../../../workflows/account/workflows"
import { refetchAccount, withHealth } from "./helpers"
import type { AdminCreateChatwootAccountType, AdminListChatwootAccountsType } from "./validators"

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
    accounts: await withHealth(req.scope, accounts),
    count: metadata?.count ?? accounts.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? accounts.length,
  })
}

/**
 * POST /admin/chatwoot/accounts — give a sales channel a Chatwoot desk:
 * `provision` a new account (platform token), `link` an existing account
 * with an administrator's token, or `attach` it to an account the plugin
 * already manages. Answers with the account (never a secret).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateChatwootAccountType>,
  res: MedusaResponse
) => {
  const body = req.validatedBody
  const chatwoot = req.scope.resolve<ChatwootModuleService>(CHATWOOT_MODULE)

  const result = await provisionChatwootAccount(req.scope, {
    sales_channel_id: body.sales_channel_id,
    ...(body.mode === "link"
      ? {
          mode: "linked" as const,
          chatwoot_account_id: body.chatwoot_account_id,
          // encrypted before it enters workflow state
          access_token_encrypted: chatwoot.encryptSecret("access_token", body.api_access_token),
        }
      : body.mode === "attach"
        ? { mode: "provisioned" as const, account_id: body.account_id }
        : { mode: "provisioned" as const }),
  })

  res.status(result.created ? 201 : 200).json({ account: await refetchAccount(req.scope, result.account_id) })
}
