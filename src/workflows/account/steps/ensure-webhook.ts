import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import { WEBHOOK_NAME, WEBHOOK_SUBSCRIPTIONS } from "../../../modules/chatwoot/provisioning"
import type ChatwootModuleService from "../../../modules/chatwoot/service"

export const ensureWebhookStepId = "chatwoot-ensure-webhook"

/**
 * The account webhook to `<public_url>/hooks/chatwoot/<account>`: found by URL
 * or created, its subscriptions kept complete, its signing secret stored
 * encrypted.
 */
export const ensureWebhookStep = createStep(
  ensureWebhookStepId,
  async (input: { account_id: string }, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const account = await chatwoot.retrieveChatwootAccount(input.account_id)
    const api = chatwoot.accountApi(account)
    const url = chatwoot.webhookUrl(account.id)

    // a URL with the opt-in ?token= (Chatwoot < 4.12) is still this account's webhook
    let webhook = (await api.webhooks.list()).find((w) => w.url.split("?")[0] === url)
    const missing = webhook ? WEBHOOK_SUBSCRIPTIONS.filter((e) => !webhook!.subscriptions.includes(e)) : []
    if (webhook && missing.length) {
      webhook = await api.webhooks.update(webhook.id, {
        url: webhook.url,
        name: WEBHOOK_NAME,
        subscriptions: [...new Set([...webhook.subscriptions, ...WEBHOOK_SUBSCRIPTIONS])] as typeof WEBHOOK_SUBSCRIPTIONS,
      })
    }
    const created = !webhook
    if (!webhook) {
      webhook = await api.webhooks.create({ url, name: WEBHOOK_NAME, subscriptions: WEBHOOK_SUBSCRIPTIONS })
    }
    await chatwoot.updateChatwootAccounts({
      id: account.id,
      webhook_id: webhook.id,
      // Chatwoot < 4.12 has no secret: deliveries are then unsigned
      webhook_secret_encrypted: webhook.secret ? chatwoot.encryptSecret("webhook_secret", webhook.secret) : null,
    })
    return new StepResponse({ webhook_id: webhook.id, created, signed: Boolean(webhook.secret) })
  }
)
