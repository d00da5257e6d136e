import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"

export const deleteAccountRecordsStepId = "chatwoot-delete-account-records"

/** Soft-deletes the account with its storefronts, inboxes and agents; compensation restores them. */
export const deleteAccountRecordsStep = createStep(
  deleteAccountRecordsStepId,
  async (input: { account_id: string }, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    await chatwoot.softDeleteChatwootAccounts([input.account_id])
    return new StepResponse(input.account_id, input.account_id)
  },
  async (accountId, { container }) => {
    if (!accountId) return
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    await chatwoot.restoreChatwootAccounts([accountId])
  }
)
