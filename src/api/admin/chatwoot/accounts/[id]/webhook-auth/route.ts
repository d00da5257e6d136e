import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../../../../../../modules/chatwoot"
import type ChatwootModuleService from "../../../../../../modules/chatwoot/service"
import { updateChatwootWebhookAuthWorkflow } from "../../../../../../workflows/webhooks/workflows"
import type { AdminUpdateWebhookAuthType } from "../../../webhook-validators"

/**
 * POST /admin/chatwoot/accounts/:id/webhook-auth `{ mode: "signature" | "url_token" }` —
 * for a Chatwoot older than 4.12 (unsigned webhooks) the receiver can accept
 * a secret token in the webhook URL instead; the plugin updates the webhook
 * in Chatwoot. The token itself is never returned.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateWebhookAuthType>, res: MedusaResponse) => {
  const chatwoot = req.scope.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const [account] = await chatwoot.listChatwootAccounts({ id: req.params.id }, { select: ["id", "status"] })
  if (!account) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Chatwoot account ${req.params.id} was not found`)
  if (account.status !== "active") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The webhook can be changed once the account is active")
  }
  const { result } = await updateChatwootWebhookAuthWorkflow(req.scope).run({
    input: { account_id: account.id, mode: req.validatedBody.mode },
  })
  res.json({ webhook_auth: result })
}
