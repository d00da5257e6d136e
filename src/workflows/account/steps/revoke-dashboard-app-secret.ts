import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"

type Previous = { account_id: string; encrypted: string | null; hash: string | null }

export const revokeDashboardAppSecretStepId = "chatwoot-revoke-dashboard-app-secret"

/**
 * Forgets an account's dashboard-app secret without asking Chatwoot (for an
 * account that is not active, where the app URL cannot be changed): the old
 * secret never opens anything again. Rotating the secret after a resume (or
 * a retry of provisioning) gives the app a new one. Compensation restores it.
 */
export const revokeDashboardAppSecretStep = createStep(
  revokeDashboardAppSecretStepId,
  async (input: { account_id: string }, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const account = await chatwoot.retrieveChatwootAccount(input.account_id)
    const previous: Previous = {
      account_id: account.id,
      encrypted: account.dashboard_app_secret_encrypted,
      hash: account.dashboard_app_secret_hash,
    }
    await chatwoot.updateChatwootAccounts({ id: account.id, dashboard_app_secret_encrypted: null, dashboard_app_secret_hash: null })
    return new StepResponse({ revoked: true }, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    await chatwoot.updateChatwootAccounts({
      id: previous.account_id,
      dashboard_app_secret_encrypted: previous.encrypted,
      dashboard_app_secret_hash: previous.hash,
    })
  }
)
