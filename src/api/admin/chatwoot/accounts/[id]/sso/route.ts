import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../../../../../../modules/chatwoot"
import type ChatwootModuleService from "../../../../../../modules/chatwoot/service"
import { addChatwootAgentsWorkflow } from "../../../../../../workflows/account/workflows"
import { fullName } from "../../../../../../lib/customer-name"

/**
 * POST /admin/chatwoot/accounts/:id/sso — a one-time link (valid 5 minutes)
 * that opens Chatwoot logged in as the current Medusa admin, who is made an
 * administrator of the account on first use. Needs the platform token.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const chatwoot = req.scope.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const account = await chatwoot.retrieveChatwootAccount(req.params.id, { relations: ["agents"] })
  if (account.mode !== "provisioned" || !chatwoot.getClient().hasPlatformToken) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Opening Chatwoot logged in needs the platform_token option and an account the plugin created; log in to Chatwoot directly"
    )
  }
  const actorId = req.auth_context.actor_id
  let agent = account.agents.find((a) => a.medusa_user_id === actorId)
  if (!agent) {
    if (req.auth_context.actor_type !== "user") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Only a logged-in admin user can open Chatwoot")
    }
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: users } = await query.graph({
      entity: "user",
      fields: ["id", "email", "first_name", "last_name"],
      filters: { id: actorId },
    })
    const user = users[0]
    if (!user?.email) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Only a logged-in admin user can open Chatwoot")
    }
    const name = fullName(user) || user.email
    const { result } = await addChatwootAgentsWorkflow(req.scope).run({
      input: { account_ids: [account.id], name, email: user.email, role: "administrator", medusa_user_id: actorId },
    })
    agent = result[0]
  }
  const { url } = await chatwoot.getClient().platform.users.loginLink(agent.chatwoot_user_id)
  res.set("Cache-Control", "no-store").json({ url })
}
