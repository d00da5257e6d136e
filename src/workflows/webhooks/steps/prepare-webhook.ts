import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import type { ChatwootWebhookReceived } from "../../../modules/chatwoot/webhooks/events"
import { planWebhook } from "../planner"
import { containerLookups } from "../planner/lookups"

export const prepareChatwootWebhookStepId = "chatwoot-prepare-webhook"

/**
 * Reads one verified delivery and decides what it changes (webhooks/planner):
 * the conversation mirror, the newest customer message or agent reply, a
 * contact change for review, routing. Links are confirmed against Medusa: a
 * customer by the contact's identifier, an order by the conversation's
 * `order_id` attribute or an order number the customer wrote. Writes nothing.
 */
export const prepareChatwootWebhookStep = createStep(
  prepareChatwootWebhookStepId,
  async (input: ChatwootWebhookReceived, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const [row] = await chatwoot.listChatwootAccounts({ id: input.account_id }, { relations: ["storefronts"] })
    return new StepResponse(await planWebhook(input, row, containerLookups(container)))
  }
)
