import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  deleteChatwootAccountWorkflow,
  updateChatwootAccountWorkflow,
} from "../../../../../workflows/account/workflows"
import { refetchAccount } from "../helpers"
import type { AdminUpdateChatwootAccountType } from "../validators"

/** GET /admin/chatwoot/accounts/:id */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ account: await refetchAccount(req.scope, req.params.id, req.queryConfig.fields) })
}

/** POST /admin/chatwoot/accounts/:id — rename or change the locale (null: follow the store). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateChatwootAccountType>, res: MedusaResponse) => {
  await refetchAccount(req.scope, req.params.id, ["id"])
  const { name, locale } = req.validatedBody
  await updateChatwootAccountWorkflow(req.scope).run({
    input: {
      account_id: req.params.id,
      ...(name !== undefined ? { custom_name: name } : {}),
      ...(locale !== undefined ? { custom_locale: locale } : {}),
    },
  })
  res.json({ account: await refetchAccount(req.scope, req.params.id) })
}

/**
 * DELETE /admin/chatwoot/accounts/:id?confirm=true — removes the account from
 * the plugin, and from Chatwoot only when the plugin created it.
 */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchAccount(req.scope, req.params.id, ["id"])
  const { result } = await deleteChatwootAccountWorkflow(req.scope).run({ input: { account_id: req.params.id } })
  res.json({ id: req.params.id, object: "chatwoot_account", deleted: true, deleted_in_chatwoot: result.deleted_account })
}
