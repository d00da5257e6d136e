import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ChatwootWebhookReceived } from "../../../modules/chatwoot/webhooks/events"
import {
  finishChatwootWebhookDeliveryStep,
  mirrorChatwootConversationStep,
  prepareChatwootWebhookStep,
  recordChatwootContactChangeStep,
  recordChatwootMessageStep,
} from "../steps"

export const processChatwootWebhookWorkflowId = "chatwoot-process-webhook"

/**
 * One verified Chatwoot delivery: the conversation mirror, the newest
 * customer message / agent reply, a contact change for review. Returns what
 * to route next (a new conversation, or a customer whose tier may have
 * changed); routing runs as its own workflow so a Chatwoot outage never
 * undoes the mirror.
 */
export const processChatwootWebhookWorkflow = createWorkflow(
  processChatwootWebhookWorkflowId,
  (input: ChatwootWebhookReceived) => {
    const prepared = prepareChatwootWebhookStep(input)
    const conversation = transform({ prepared }, ({ prepared }) => prepared.conversation)
    const mirrored = mirrorChatwootConversationStep(conversation)
    const message = transform({ prepared, mirrored }, ({ prepared }) => prepared.message)
    recordChatwootMessageStep(message)
    const change = transform({ prepared }, ({ prepared }) => prepared.contact_change)
    recordChatwootContactChangeStep(change)
    const finish = transform({ prepared }, ({ prepared }) => ({ delivery_id: prepared.delivery_id, note: prepared.skipped }))
    finishChatwootWebhookDeliveryStep(finish)
    const result = transform({ prepared, input }, ({ prepared, input }) => ({
      account_id: input.account_id,
      route_conversation_id: prepared.route_conversation_id,
      reroute_customer_id: prepared.reroute_customer_id,
    }))
    return new WorkflowResponse(result)
  }
)
