import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"

type AccountStatus = "provisioning" | "active" | "suspended" | "failed"

export type SetAccountStatusInput = {
  account_id: string
  status: AccountStatus
  /** Why it failed (failed only); never a token: Chatwoot errors carry none. */
  last_error?: string | null
}

export const setAccountStatusStepId = "chatwoot-set-account-status"

/** Sets an account's status; compensation restores the previous one. */
export const setAccountStatusStep = createStep(
  setAccountStatusStepId,
  async (input: SetAccountStatusInput, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const before = await chatwoot.retrieveChatwootAccount(input.account_id)
    await chatwoot.updateChatwootAccounts({
      id: input.account_id,
      status: input.status,
      last_error: input.status === "failed" ? (input.last_error ?? "unknown error") : null,
      ...(input.status === "active" ? { last_success_at: new Date() } : {}),
    })
    // the compensation writes the row's status and error back as they were
    const previous = { id: before.id, status: before.status as AccountStatus, last_error: before.last_error }
    return new StepResponse(input.status, previous)
  },
  async (previous, { container }) => {
    if (previous) await container.resolve<ChatwootModuleService>(CHATWOOT_MODULE).updateChatwootAccounts(previous)
  }
)
