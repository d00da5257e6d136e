import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import type { PreparedMessage } from "../planner"

type Before = {
  id: string
  last_customer_message_at: Date | null
  last_agent_reply_at: Date | null
  last_message: string | null
  order_id: string | null
  order_link_source: "attribute" | "mention" | null
} | null

export const recordChatwootMessageStepId = "chatwoot-record-message"

/**
 * Records a customer message or agent reply on the mirror (newest times only
 * move forwards) and links an order the customer mentioned. Compensation
 * restores the previous values.
 */
export const recordChatwootMessageStep = createStep(
  recordChatwootMessageStepId,
  async (input: PreparedMessage | null, { container }) => {
    if (!input) return new StepResponse(false, null as Before)
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const [row] = await chatwoot.listChatwootConversations(
      { account_id: input.account_id, chatwoot_conversation_id: input.chatwoot_conversation_id },
      { select: ["id", "last_customer_message_at", "last_agent_reply_at", "last_message", "order_id", "order_link_source"] }
    )
    const done = await chatwoot.recordConversationMessage(input)
    return new StepResponse(done, (row ?? null) as Before)
  },
  async (before, { container }) => {
    if (!before) return
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    await chatwoot.updateChatwootConversations(before)
  }
)
