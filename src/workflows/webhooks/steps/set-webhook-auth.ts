import { randomBytes } from "node:crypto"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import type { WebhookAuthSettings } from "../../../modules/chatwoot/service"

export const setChatwootWebhookAuthStepId = "chatwoot-set-webhook-auth"

/**
 * Switches how an account's webhook deliveries are verified: `signature`
 * (default) or `url_token` (a fresh token each time it is turned on).
 * Returns the webhook URL Chatwoot must call. Compensation restores the
 * previous settings.
 */
export const setChatwootWebhookAuthStep = createStep(
  setChatwootWebhookAuthStepId,
  async (input: { account_id: string; mode: "signature" | "url_token" }, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const account = await chatwoot.retrieveChatwootAccount(input.account_id)
    const previous = (account.settings ?? {}) as Record<string, unknown> & WebhookAuthSettings
    const nonce = input.mode === "url_token" ? randomBytes(16).toString("base64url") : null
    const settings = { ...previous, webhook_auth: input.mode, webhook_url_token_nonce: nonce }
    await chatwoot.updateChatwootAccounts({ id: account.id, settings })
    chatwoot.clearWebhookAuthCache(account.id)
    const base = chatwoot.webhookUrl(account.id)
    const url = nonce ? `${base}?token=${chatwoot.webhookUrlToken(account.id, nonce)}` : base
    return new StepResponse({ url, webhook_id: account.webhook_id }, { id: account.id, settings: account.settings })
  },
  async (previous, { container }) => {
    if (!previous) return
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    await chatwoot.updateChatwootAccounts(previous)
    chatwoot.clearWebhookAuthCache(previous.id)
  }
)
