/** Domain: incoming and outgoing messages (firing message webhooks). */
import type { RouteContext } from "../context"
import { errors } from "../http"
import { messageWebhookPayload } from "../serializers"
import type { ConversationRecord, MessageRecord, MessageType, SenderType } from "../types"
import { type JsonObject } from "../util"
import { changeConversation } from "./conversations"

export interface MessageInput {
  content: string | null
  message_type: MessageType
  private?: boolean
  content_type?: string
  content_attributes?: JsonObject
  source_id?: string | null
  echo_id?: string | null
  sender_type: SenderType | null
  sender_id: number | null
  external_created_at?: number
}

export function createMessage(ctx: RouteContext, conversation: ConversationRecord, input: MessageInput): MessageRecord {
  const now = ctx.store.now()
  const message: MessageRecord = {
    id: ctx.store.nextId("message"),
    account_id: conversation.account_id,
    inbox_id: conversation.inbox_id,
    conversation_id: conversation.id,
    content: input.content,
    content_type: input.content_type ?? "text",
    content_attributes: input.content_attributes ?? {},
    message_type: input.message_type,
    private: input.private ?? false,
    status: "sent",
    source_id: input.source_id ?? null,
    echo_id: input.echo_id ?? null,
    sender_type: input.sender_type,
    sender_id: input.sender_id,
    additional_attributes: {},
    external_source_ids: {},
    created_at: input.external_created_at ?? now,
    updated_at: now,
  }
  ctx.store.state.messages.set(message.id, message)

  // Message after_create_commit: reopen, activity, waiting_since / first reply
  changeConversation(ctx, conversation, (c) => {
    c.last_activity_at = now
    if (message.message_type === "incoming") {
      if (c.status === "resolved" || c.status === "snoozed") {
        c.status = "open"
        c.snoozed_until = null
      }
      if (c.waiting_since === null) {
        c.waiting_since = now
      }
    } else if (message.message_type === "outgoing" && !message.private && message.sender_type === "User") {
      if (c.first_reply_created_at === null) {
        c.first_reply_created_at = now
      }
      c.waiting_since = null
    }
  })
  if (message.message_type === "incoming" && message.sender_type === "Contact" && message.sender_id !== null) {
    const contact = ctx.store.state.contacts.get(message.sender_id)
    if (contact) {
      contact.last_activity_at = now
    }
  }
  if (message.message_type !== "activity") {
    ctx.emit(conversation.account_id, "message_created", messageWebhookPayload(ctx.store, message, "message_created"))
  }
  return message
}

/** An agent's reply typed in the dashboard (control endpoint / `sandbox.agentReply`). */
export function createOutgoingMessage(
  ctx: RouteContext,
  input: { accountId: number; conversationId: number; content: string; private?: boolean; userId?: number }
): MessageRecord {
  const conversation = ctx.store.conversationByDisplayId(input.accountId, input.conversationId)
  if (!conversation) {
    throw errors.notFound()
  }
  let userId = input.userId
  if (userId === undefined) {
    const members = [...ctx.store.state.accountUsers.values()]
      .filter((au) => au.account_id === input.accountId)
      .sort((a, b) => (a.role === b.role ? a.id - b.id : a.role === "administrator" ? -1 : 1))
    userId = conversation.assignee_id ?? members[0]?.user_id
  }
  if (userId === undefined || !ctx.store.accountUser(input.accountId, userId)) {
    throw errors.unprocessable("agent reply needs a user of the account (create an account user first)")
  }
  return createMessage(ctx, conversation, {
    content: input.content,
    message_type: "outgoing",
    private: input.private ?? false,
    sender_type: "User",
    sender_id: userId,
  })
}
