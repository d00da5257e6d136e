import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"

export const pointChatwootWebhookStepId = "chatwoot-point-webhook"

/** Points the account's webhook in Chatwoot at `url` (PATCH). Compensation puts the previous URL back. */
export const pointChatwootWebhookStep = createStep(
  pointChatwootWebhookStepId,
  async (input: { account_id: string; webhook_id: number | null; url: string }, { container }) => {
    if (!input.webhook_id) return new StepResponse(false, null)
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const api = chatwoot.accountApi(await chatwoot.retrieveChatwootAccount(input.account_id)).webhooks
    const current = (await api.list()).find((w) => w.id === input.webhook_id)
    if (!current) return new StepResponse(false, null)
    if (current.url !== input.url) await api.update(current.id, { url: input.url })
    return new StepResponse(true, { account_id: input.account_id, webhook_id: current.id, url: current.url })
  },
  async (previous, { container }) => {
    if (!previous) return
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const api = chatwoot.accountApi(await chatwoot.retrieveChatwootAccount(previous.account_id)).webhooks
    await api.update(previous.webhook_id, { url: previous.url })
  }
)
