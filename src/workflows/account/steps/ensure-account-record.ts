import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import type { StorefrontContext } from "./load-storefront-context"

export type EnsureAccountRecordInput = {
  storefront: StorefrontContext
  mode: "provisioned" | "linked"
  /** Link mode: the existing Chatwoot account and its administrator token (already encrypted). */
  chatwoot_account_id?: number
  access_token_encrypted?: string
  /** Attach the storefront to this existing plugin account instead of a new one. */
  account_id?: string
}

export const ensureAccountRecordStepId = "chatwoot-ensure-account-record"

/**
 * Finds the plugin account of a storefront or creates the rows for it (status
 * `provisioning`). No compensation on purpose: provisioning recovers forward.
 * A failed run leaves the row `failed` with its reason and every Chatwoot id
 * already obtained, and the next run resumes from there (Chatwoot's
 * `POST /accounts` is not idempotent, so ids must never be forgotten).
 */
export const ensureAccountRecordStep = createStep(
  ensureAccountRecordStepId,
  async (input: EnsureAccountRecordInput, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const [storefront] = await chatwoot.listChatwootStorefronts(
      { sales_channel_id: input.storefront.sales_channel_id },
      { relations: ["account"] }
    )

    if (storefront) {
      const account = storefront.account
      if (input.account_id && input.account_id !== account.id) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Sales channel ${input.storefront.sales_channel_id} already has a Chatwoot account`
        )
      }
      if (input.mode === "linked" && account.chatwoot_account_id !== input.chatwoot_account_id) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Sales channel ${input.storefront.sales_channel_id} is already connected to another Chatwoot account`
        )
      }
      await chatwoot.updateChatwootAccounts({
        id: account.id,
        status: "provisioning",
        last_error: null,
        ...(input.access_token_encrypted ? { access_token_encrypted: input.access_token_encrypted } : {}),
      })
      await chatwoot.updateChatwootStorefronts({ id: storefront.id, enabled: true })
      return new StepResponse({ account_id: account.id, created: false })
    }

    if (input.account_id) {
      // A further storefront on an account that exists: it gets its own website inbox.
      const account = await chatwoot.retrieveChatwootAccount(input.account_id)
      await chatwoot.createChatwootStorefronts({
        sales_channel_id: input.storefront.sales_channel_id,
        account_id: account.id,
      })
      await chatwoot.updateChatwootAccounts({ id: account.id, status: "provisioning", last_error: null })
      return new StepResponse({ account_id: account.id, created: false })
    }

    if (input.mode === "linked") {
      const [existing] = await chatwoot.listChatwootAccounts({ chatwoot_account_id: input.chatwoot_account_id })
      if (existing) {
        throw new MedusaError(
          MedusaError.Types.DUPLICATE_ERROR,
          `Chatwoot account ${input.chatwoot_account_id} is already managed by the plugin (${existing.id}); attach the sales channel to it instead`
        )
      }
    }

    let account
    try {
      account = await chatwoot.createAccountForStorefront(
        {
          name: input.storefront.account_name,
          locale: input.storefront.locale,
          mode: input.mode,
          created_by_plugin: input.mode === "provisioned",
          chatwoot_account_id: input.mode === "linked" ? input.chatwoot_account_id! : null,
          access_token_encrypted: input.access_token_encrypted ?? null,
        },
        input.storefront.sales_channel_id
      )
    } catch (error) {
      // A concurrent run (e.g. the sales-channel subscriber and an admin click) won the race.
      const [winner] = await chatwoot.listChatwootStorefronts({ sales_channel_id: input.storefront.sales_channel_id })
      if (!winner) throw error
      return new StepResponse({ account_id: winner.account_id, created: false })
    }
    return new StepResponse({ account_id: account.id, created: true })
  }
)
