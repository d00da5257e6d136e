import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"

export const ensureChatwootAccountStepId = "chatwoot-ensure-account"

/**
 * Provisioned mode: creates the account in Chatwoot (Platform API) unless the
 * row already has one, and stores its id at once. `POST /accounts` is not
 * idempotent: the id must be stored before anything else can fail.
 */
export const ensureChatwootAccountStep = createStep(
  ensureChatwootAccountStepId,
  async (input: { account_id: string }, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const client = chatwoot.getClient()
    const account = await chatwoot.retrieveChatwootAccount(input.account_id)
    if (account.mode !== "provisioned") {
      return new StepResponse({ chatwoot_account_id: account.chatwoot_account_id!, created: false })
    }
    if (!client.hasPlatformToken) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "Creating Chatwoot accounts needs the platform_token option; link an existing account instead"
      )
    }

    if (account.chatwoot_account_id) {
      const remote = await client.platform.accounts.get(account.chatwoot_account_id)
      if (remote.status === "suspended") {
        await client.platform.accounts.update(remote.id, { status: "active" })
      }
      return new StepResponse({ chatwoot_account_id: remote.id, created: false })
    }

    const remote = await client.platform.accounts.create({ name: account.name, locale: account.locale ?? "en" })
    try {
      await chatwoot.updateChatwootAccounts({ id: account.id, chatwoot_account_id: remote.id })
    } catch (error) {
      // Without its id stored the account would be an orphan: remove it again.
      await client.platform.accounts.delete(remote.id).catch(() => undefined)
      throw error
    }
    return new StepResponse({ chatwoot_account_id: remote.id, created: true })
  }
)
