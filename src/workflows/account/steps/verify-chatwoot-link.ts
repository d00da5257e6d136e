import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import { ChatwootApiError } from "../../../modules/chatwoot/client"
import type ChatwootModuleService from "../../../modules/chatwoot/service"

export type VerifyChatwootLinkInput = {
  chatwoot_account_id: number
  /** The administrator token, encrypted by the caller: plaintext never enters workflow state. */
  access_token_encrypted: string
}

export const verifyChatwootLinkStepId = "chatwoot-verify-link"

/**
 * Link mode: checks that the token opens the Chatwoot account and belongs to
 * an administrator of it, before anything is stored.
 */
export const verifyChatwootLinkStep = createStep(
  verifyChatwootLinkStepId,
  async (input: VerifyChatwootLinkInput, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const token = chatwoot.decryptSecret("access_token", input.access_token_encrypted)
    let profile
    try {
      profile = await chatwoot.getClient().account(input.chatwoot_account_id, token).profile()
    } catch (error) {
      if (error instanceof ChatwootApiError && error.status === 401) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, "Chatwoot rejected the access token")
      }
      throw error
    }
    const membership = profile.accounts?.find((a) => a.id === input.chatwoot_account_id)
    if (!membership) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The access token's user is not a member of Chatwoot account ${input.chatwoot_account_id}`
      )
    }
    if (membership.role !== "administrator") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The access token's user is an ${membership.role} of Chatwoot account ${input.chatwoot_account_id}; an administrator's token is needed`
      )
    }
    return new StepResponse({ chatwoot_user_id: profile.id, account_name: membership.name })
  }
)
