import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import { ChatwootApiError } from "../../../modules/chatwoot/client"
import type ChatwootModuleService from "../../../modules/chatwoot/service"

const ignoreGone = (error: unknown) => {
  if (error instanceof ChatwootApiError && (error.status === 404 || error.status === 401)) return
  throw error
}

export const removeRemoteFootprintStepId = "chatwoot-remove-remote-footprint"

/**
 * Removes the account from Chatwoot when the plugin created it (Platform
 * API). A linked account belongs to the merchant: only the plugin's own
 * webhook and dashboard app are removed from it, never the account, its
 * inboxes or its contacts. Runs last in the delete workflow: nothing after
 * it can fail, so it needs no compensation.
 */
export const removeRemoteFootprintStep = createStep(
  removeRemoteFootprintStepId,
  async (input: { account_id: string }, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const account = await chatwoot.retrieveChatwootAccount(input.account_id, { withDeleted: true })
    if (!account.chatwoot_account_id) {
      return new StepResponse({ deleted_account: false })
    }
    if (account.mode === "provisioned" && account.created_by_plugin) {
      await chatwoot.getClient().platform.accounts.delete(account.chatwoot_account_id).catch(ignoreGone)
      return new StepResponse({ deleted_account: true })
    }
    if (account.access_token_encrypted) {
      const api = chatwoot.accountApi(account)
      if (account.webhook_id) await api.webhooks.delete(account.webhook_id).catch(ignoreGone)
      if (account.dashboard_app_id) await api.dashboardApps.delete(account.dashboard_app_id).catch(ignoreGone)
    }
    return new StepResponse({ deleted_account: false })
  }
)
