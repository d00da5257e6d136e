/** Serializers: conversations (view JSON, webhook data) and message webhook payloads. */
import type { ContactInboxRawJson, ConversationJson, ConversationWebhookData, MessageSenderWebhookData, MessageWebhookPayload } from "../json-types"
import type { Store } from "../store"
import { CHANNEL_TYPE_NAMES, type ContactInboxRecord, type ContactRecord, type ConversationRecord, type InboxRecord, type MessageRecord } from "../types"
import { iso, seconds } from "../util"
import { agentJson, teamJson } from "./users"
import { contactJson, contactWebhookData } from "./contacts"
import { contactPushJson, unreadCount, messageJson } from "./messages"

function lastNonActivityMessage(store: Store, conversation: ConversationRecord): MessageRecord | undefined {
  const messages = store.messagesOf(conversation.id).filter((m) => m.message_type !== "activity")
  return messages[messages.length - 1]
}

/** `api/v1/conversations/partials/_conversation.json.jbuilder` */
export function conversationJson(store: Store, conversation: ConversationRecord): ConversationJson {
  const contact = store.state.contacts.get(conversation.contact_id) as ContactRecord
  const inbox = store.state.inboxes.get(conversation.inbox_id) as InboxRecord
  const ci = store.state.contactInboxes.get(conversation.contact_inbox_id)
  const meta: ConversationJson["meta"] = {
    sender: contactJson(store, contact, false),
    channel: CHANNEL_TYPE_NAMES[inbox.channel.type],
    hmac_verified: ci?.hmac_verified ?? false,
  }
  const assignee = conversation.assignee_id === null ? undefined : store.state.users.get(conversation.assignee_id)
  if (assignee) {
    meta.assignee = agentJson(store, assignee, conversation.account_id)
    meta.assignee_type = "User"
  }
  const team = conversation.team_id === null ? undefined : store.state.teams.get(conversation.team_id)
  if (team) {
    meta.team = teamJson(team)
  }
  const last = lastNonActivityMessage(store, conversation)
  const all = store.messagesOf(conversation.id)
  const latest = all[all.length - 1]
  return {
    meta,
    id: conversation.display_id,
    messages: latest ? [messageJson(store, latest)] : [],
    account_id: conversation.account_id,
    uuid: conversation.uuid,
    additional_attributes: conversation.additional_attributes,
    agent_last_seen_at: seconds(conversation.agent_last_seen_at ?? 0),
    assignee_last_seen_at: seconds(conversation.assignee_last_seen_at ?? 0),
    can_reply: true,
    contact_last_seen_at: seconds(conversation.contact_last_seen_at ?? 0),
    custom_attributes: conversation.custom_attributes,
    inbox_id: conversation.inbox_id,
    labels: conversation.labels,
    muted: conversation.muted,
    snoozed_until: conversation.snoozed_until === null ? null : seconds(conversation.snoozed_until),
    status: conversation.status,
    created_at: seconds(conversation.created_at),
    updated_at: conversation.updated_at / 1000,
    timestamp: seconds(conversation.last_activity_at),
    first_reply_created_at: seconds(conversation.first_reply_created_at ?? 0),
    unread_count: unreadCount(store, conversation),
    last_non_activity_message: last ? messageJson(store, last) : null,
    last_activity_at: seconds(conversation.last_activity_at),
    priority: conversation.priority,
    waiting_since: seconds(conversation.waiting_since ?? 0),
    sla_policy_id: null,
  }
}

export function contactInboxRawJson(ci: ContactInboxRecord): ContactInboxRawJson {
  return {
    id: ci.id,
    contact_id: ci.contact_id,
    inbox_id: ci.inbox_id,
    source_id: ci.source_id,
    created_at: iso(ci.created_at),
    updated_at: iso(ci.updated_at),
    hmac_verified: ci.hmac_verified,
    pubsub_token: ci.pubsub_token,
  }
}

/** `Conversations::EventDataPresenter#webhook_data` (+ account since 4.14.2). */
export function conversationWebhookData(store: Store, conversation: ConversationRecord): ConversationWebhookData {
  const contact = store.state.contacts.get(conversation.contact_id) as ContactRecord
  const inbox = store.state.inboxes.get(conversation.inbox_id) as InboxRecord
  const ci = store.state.contactInboxes.get(conversation.contact_inbox_id) as ContactInboxRecord
  const account = store.state.accounts.get(conversation.account_id)
  const assignee = conversation.assignee_id === null ? undefined : store.state.users.get(conversation.assignee_id)
  const team = conversation.team_id === null ? undefined : store.state.teams.get(conversation.team_id)
  const publicMessages = store
    .messagesOf(conversation.id)
    .filter((m) => m.message_type !== "activity" && !m.private)
  const last = publicMessages[publicMessages.length - 1]
  return {
    additional_attributes: conversation.additional_attributes,
    can_reply: true,
    channel: CHANNEL_TYPE_NAMES[inbox.channel.type],
    contact_inbox: contactInboxRawJson(ci),
    id: conversation.display_id,
    inbox_id: conversation.inbox_id,
    messages: last ? [messageJson(store, last)] : [],
    labels: conversation.labels,
    meta: {
      sender: { ...contactPushJson(contact), type: "contact" },
      assignee: assignee
        ? {
            id: assignee.id,
            name: assignee.name,
            available_name: assignee.display_name ?? assignee.name,
            avatar_url: "",
            type: "user",
            availability_status: store.accountUser(conversation.account_id, assignee.id)?.availability ?? "offline",
            thumbnail: "",
          }
        : null,
      assignee_type: assignee ? "User" : null,
      team: team ? { id: team.id, name: team.name } : null,
      hmac_verified: ci.hmac_verified,
    },
    status: conversation.status,
    custom_attributes: conversation.custom_attributes,
    snoozed_until: conversation.snoozed_until === null ? null : seconds(conversation.snoozed_until),
    unread_count: unreadCount(store, conversation),
    first_reply_created_at:
      conversation.first_reply_created_at === null ? null : iso(conversation.first_reply_created_at),
    priority: conversation.priority,
    waiting_since: conversation.waiting_since === null ? null : seconds(conversation.waiting_since),
    agent_last_seen_at: seconds(conversation.agent_last_seen_at ?? 0),
    contact_last_seen_at: seconds(conversation.contact_last_seen_at ?? 0),
    last_activity_at: seconds(conversation.last_activity_at),
    timestamp: seconds(conversation.last_activity_at),
    created_at: seconds(conversation.created_at),
    updated_at: conversation.updated_at / 1000,
    account: { id: conversation.account_id, name: account?.name ?? "" },
  }
}

function senderWebhookData(store: Store, message: MessageRecord): MessageSenderWebhookData | null {
  if (message.sender_type === "Contact" && message.sender_id !== null) {
    const contact = store.state.contacts.get(message.sender_id)
    return contact ? contactWebhookData(store, contact) : null
  }
  if (message.sender_type === "User" && message.sender_id !== null) {
    const user = store.state.users.get(message.sender_id)
    return user ? { id: user.id, name: user.name, email: user.email, type: "user" } : null
  }
  return null
}

/** `Message#webhook_data` + event: string message_type, ISO created_at. */
export function messageWebhookPayload(
  store: Store,
  message: MessageRecord,
  event: "message_created" | "message_updated"
): MessageWebhookPayload {
  const conversation = store.state.conversations.get(message.conversation_id) as ConversationRecord
  const inbox = store.state.inboxes.get(message.inbox_id) as InboxRecord
  const account = store.state.accounts.get(message.account_id)
  return {
    account: { id: message.account_id, name: account?.name ?? "" },
    additional_attributes: message.additional_attributes,
    content_attributes: message.content_attributes,
    content_type: message.content_type,
    content: message.content,
    conversation: conversationWebhookData(store, conversation),
    created_at: iso(message.created_at),
    id: message.id,
    inbox: { id: inbox.id, name: inbox.name },
    message_type: message.message_type,
    private: message.private,
    sender: senderWebhookData(store, message),
    source_id: message.source_id,
    event,
  }
}
