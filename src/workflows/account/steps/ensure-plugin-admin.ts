import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import { ChatwootApiError } from "../../../modules/chatwoot/client"
import { pluginAdminIdentity, randomPassword } from "../../../modules/chatwoot/provisioning"
import type ChatwootModuleService from "../../../modules/chatwoot/service"

export const ensurePluginAdminStepId = "chatwoot-ensure-plugin-admin"

/**
 * Provisioned mode: makes sure the plugin's own Chatwoot user is an
 * administrator of the account and that its access token is stored
 * (encrypted). One such user serves every account of this Medusa server.
 */
export const ensurePluginAdminStep = createStep(
  ensurePluginAdminStepId,
  async (input: { account_id: string }, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const client = chatwoot.getClient()
    const account = await chatwoot.retrieveChatwootAccount(input.account_id)
    if (account.mode !== "provisioned") {
      // linked: the admin's token was verified when linking; only keep its encryption current
      const rotated = chatwoot.reencryptIfStale("access_token", account.access_token_encrypted)
      if (rotated) await chatwoot.updateChatwootAccounts({ id: account.id, access_token_encrypted: rotated })
      return new StepResponse({ admin_user_id: account.admin_user_id })
    }
    const chatwootAccountId = account.chatwoot_account_id!

    if (account.admin_user_id && account.access_token_encrypted) {
      try {
        const profile = await chatwoot.accountApi(account).profile()
        if (profile.accounts.some((a) => a.id === chatwootAccountId && a.role === "administrator")) {
          const rotated = chatwoot.reencryptIfStale("access_token", account.access_token_encrypted)
          if (rotated) await chatwoot.updateChatwootAccounts({ id: account.id, access_token_encrypted: rotated })
          return new StepResponse({ admin_user_id: account.admin_user_id })
        }
      } catch (error) {
        if (!(error instanceof ChatwootApiError) || error.status !== 401) throw error
        // token revoked or user removed: set the user up again below
      }
    }

    const identity = pluginAdminIdentity(chatwoot.getPublicOptions().public_url)
    const user = await client.platform.users.create({ ...identity, password: randomPassword() })
    await client.platform.accountUsers.create(chatwootAccountId, { user_id: user.id, role: "administrator" })
    const token = user.access_token ?? (await client.platform.users.createToken(user.id)).access_token
    await chatwoot.updateChatwootAccounts({
      id: account.id,
      admin_user_id: user.id,
      access_token_encrypted: chatwoot.encryptSecret("access_token", token),
    })
    return new StepResponse({ admin_user_id: user.id })
  }
)
