import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"

export type UpdateRemoteAccountInput = {
  account_id: string
  name?: string
  locale?: string
  status?: "active" | "suspended"
}

export const updateRemoteAccountStepId = "chatwoot-update-remote-account"

/**
 * Changes name, locale or status of an account the plugin created (Platform
 * API). Accounts that were linked belong to the merchant and are left alone.
 * Compensation puts the previous values back.
 */
export const updateRemoteAccountStep = createStep(
  updateRemoteAccountStepId,
  async (input: UpdateRemoteAccountInput, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const client = chatwoot.getClient()
    const account = await chatwoot.retrieveChatwootAccount(input.account_id)
    if (account.mode !== "provisioned" || !account.chatwoot_account_id || !client.hasPlatformToken) {
      return new StepResponse({ updated: false }, null)
    }
    const before = await client.platform.accounts.get(account.chatwoot_account_id)
    const patch = {
      ...(input.name !== undefined && input.name !== before.name ? { name: input.name } : {}),
      ...(input.locale !== undefined && input.locale !== before.locale ? { locale: input.locale } : {}),
      ...(input.status !== undefined && input.status !== before.status ? { status: input.status } : {}),
    }
    if (!Object.keys(patch).length) {
      return new StepResponse({ updated: false }, null)
    }
    await client.platform.accounts.update(before.id, patch)
    return new StepResponse(
      { updated: true },
      {
        chatwoot_account_id: before.id,
        previous: {
          ...("name" in patch ? { name: before.name } : {}),
          ...("locale" in patch && before.locale ? { locale: before.locale } : {}),
          ...("status" in patch && before.status ? { status: before.status } : {}),
        },
      }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    await chatwoot.getClient().platform.accounts.update(undo.chatwoot_account_id, undo.previous)
  }
)
