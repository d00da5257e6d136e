import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"

export const deleteChatwootCustomerMirrorStepId = "chatwoot-delete-customer-mirror"

/**
 * GDPR erase: deletes the plugin's mirror of a customer's conversations and
 * the contact changes kept for review. No compensation: an erase is final
 * (the rows only mirror Chatwoot, which the contact erase empties too).
 */
export const deleteChatwootCustomerMirrorStep = createStep(
  deleteChatwootCustomerMirrorStepId,
  async (input: { customer_id: string }, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const conversations = await chatwoot.listChatwootConversations({ customer_id: input.customer_id }, { select: ["id"] })
    const changes = await chatwoot.listChatwootContactChanges({ customer_id: input.customer_id }, { select: ["id"] })
    if (conversations.length) await chatwoot.deleteChatwootConversations(conversations.map((c) => c.id))
    if (changes.length) await chatwoot.deleteChatwootContactChanges(changes.map((c) => c.id))
    return new StepResponse({ conversations: conversations.length, contact_changes: changes.length })
  }
)
