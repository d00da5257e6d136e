import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"

export type UpdateAccountRecordInput = {
  account_id: string
  name?: string
  custom_name?: string | null
  locale?: string
  custom_locale?: string | null
  status?: "provisioning" | "active" | "suspended" | "failed"
}

export const updateAccountRecordStepId = "chatwoot-update-account-record"

/** Updates the plugin's account row; compensation restores the previous values. */
export const updateAccountRecordStep = createStep(
  updateAccountRecordStepId,
  async (input: UpdateAccountRecordInput, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const before = await chatwoot.retrieveChatwootAccount(input.account_id)
    const { account_id, ...data } = input
    const previous = Object.fromEntries(
      Object.keys(data).map((key) => [key, before[key as keyof typeof before]])
    ) as Omit<UpdateAccountRecordInput, "account_id">
    await chatwoot.updateChatwootAccounts({ id: account_id, ...data })
    return new StepResponse(account_id, { account_id, previous })
  },
  async (undo, { container }) => {
    if (!undo) return
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    await chatwoot.updateChatwootAccounts({ id: undo.account_id, ...undo.previous })
  }
)
