import { conversationSnapshot, messageFacts } from "../mirror-data"
import { mirrorInput } from "./conversation"
import { orderFromMention } from "./links"
import { emptyPlan, type PlanContext, type PreparedWebhook } from "./types"

/**
 * `message_created` / `_updated`: the mirror of the embedded conversation;
 * a new message is recorded (newest customer message or agent reply), with
 * the order a customer mentioned.
 */
export async function planMessageEvent({ input, account, lookups }: PlanContext): Promise<PreparedWebhook> {
  const out = emptyPlan(input.delivery_id)
  const payload = input.payload
  const snap = conversationSnapshot(payload.conversation)
  if (!snap) return { ...out, skipped: "unreadable conversation" }
  out.conversation = await mirrorInput(lookups, account, snap)
  const facts = messageFacts(payload)
  if (input.event === "message_created" && facts.from && facts.at) {
    out.message = {
      account_id: account.id,
      chatwoot_conversation_id: snap.chatwoot_conversation_id,
      from: facts.from,
      at: facts.at,
      preview: facts.preview,
      mentioned_order_id:
        facts.from === "customer" ? await orderFromMention(lookups, account, out.conversation.customer_id ?? null, facts.content) : null,
    }
  }
  return out
}
