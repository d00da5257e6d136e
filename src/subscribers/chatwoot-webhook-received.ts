import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CHATWOOT_MODULE } from "../modules/chatwoot"
import type ChatwootModuleService from "../modules/chatwoot/service"
import { CHATWOOT_WEBHOOK_RECEIVED, isProcessedWebhookEvent, type ChatwootWebhookReceived } from "../modules/chatwoot/webhooks/events"
import { processChatwootWebhookWorkflow } from "../workflows/webhooks/workflows"
import { webhookProcessingGate } from "../workflows/webhooks/concurrency"
import { routeChatwootConversationWorkflow } from "../workflows/routing/workflows"

/**
 * A verified Chatwoot delivery (from POST /hooks/chatwoot/:id): mirrors it,
 * then routes a new conversation, or re-routes the customer's open
 * conversations when their tier may have changed. A failure is recorded on
 * the delivery for the health page.
 */
export default async function chatwootWebhookReceived({ event, container }: SubscriberArgs<ChatwootWebhookReceived>) {
  // the receiver emits only processed events; anything else (another emitter) is not run
  if (!isProcessedWebhookEvent(event.data?.event)) return
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const ran = await webhookProcessingGate.run(() => processDelivery(event.data, container, chatwoot))
  if (!ran) {
    await chatwoot.updateChatwootWebhookDeliveries({ id: event.data.delivery_id, error: "dropped: processing backlog full" })
  }
}

async function processDelivery(
  data: ChatwootWebhookReceived,
  container: SubscriberArgs<ChatwootWebhookReceived>["container"],
  chatwoot: ChatwootModuleService
) {
  const event = { data }
  try {
    const { result } = await processChatwootWebhookWorkflow(container).run({ input: event.data })
    const routes: number[] = []
    if (result.route_conversation_id !== null) routes.push(result.route_conversation_id)
    if (result.reroute_customer_id) {
      const open = await chatwoot.listChatwootConversations(
        { account_id: result.account_id, customer_id: result.reroute_customer_id, status: ["open", "pending"] },
        { select: ["chatwoot_conversation_id"] }
      )
      routes.push(...open.map((c) => c.chatwoot_conversation_id))
    }
    for (const id of routes) {
      await routeChatwootConversationWorkflow(container).run({
        input: {
          account_id: result.account_id,
          chatwoot_conversation_id: id,
          reason: id === result.route_conversation_id ? "created" : "tier",
        },
      })
    }
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500)
    await chatwoot.updateChatwootWebhookDeliveries({ id: event.data.delivery_id, error: message })
    container.resolve("logger").warn(`chatwoot: webhook delivery ${event.data.delivery_id} failed: ${message}`)
  }
}

export const config: SubscriberConfig = {
  event: CHATWOOT_WEBHOOK_RECEIVED,
  context: { subscriberId: "chatwoot-webhook-received" },
}
