/** Serializers: messages (push event data, senders, unread counts). */
import type { MessageJson, SenderPushJson } from "../json-types"
import type { Store } from "../store"
import { MESSAGE_TYPE_CODES, type ContactRecord, type ConversationRecord, type MessageRecord, type UserRecord } from "../types"
import { seconds } from "../util"

export function contactPushJson(contact: ContactRecord): SenderPushJson {
  return {
    additional_attributes: contact.additional_attributes,
    custom_attributes: contact.custom_attributes,
    email: contact.email,
    id: contact.id,
    identifier: contact.identifier,
    name: contact.name,
    phone_number: contact.phone_number,
    thumbnail: contact.avatar_url,
    blocked: contact.blocked,
    type: "contact",
  }
}

function userPushJson(store: Store, user: UserRecord, accountId: number): SenderPushJson {
  return {
    id: user.id,
    name: user.name,
    available_name: user.display_name ?? user.name,
    avatar_url: "",
    type: "user",
    availability_status: store.accountUser(accountId, user.id)?.availability ?? "offline",
    thumbnail: "",
  }
}

export function senderPushJson(store: Store, message: MessageRecord): SenderPushJson | undefined {
  if (message.sender_type === "Contact" && message.sender_id !== null) {
    const contact = store.state.contacts.get(message.sender_id)
    return contact ? contactPushJson(contact) : undefined
  }
  if (message.sender_type === "User" && message.sender_id !== null) {
    const user = store.state.users.get(message.sender_id)
    return user ? userPushJson(store, user, message.account_id) : undefined
  }
  return undefined
}

export function unreadCount(store: Store, conversation: ConversationRecord): number {
  const seen = conversation.agent_last_seen_at ?? 0
  return store
    .messagesOf(conversation.id)
    .filter((m) => m.message_type === "incoming" && m.created_at > seen).length
}

/** `Message#push_event_data`: integer message_type, epoch created_at, display conversation id. */
export function messageJson(store: Store, message: MessageRecord): MessageJson {
  const conversation = store.state.conversations.get(message.conversation_id) as ConversationRecord
  const ci = store.state.contactInboxes.get(conversation.contact_inbox_id)
  const json: MessageJson = {
    id: message.id,
    content: message.content,
    account_id: message.account_id,
    inbox_id: message.inbox_id,
    conversation_id: conversation.display_id,
    message_type: MESSAGE_TYPE_CODES[message.message_type],
    created_at: seconds(message.created_at),
    updated_at: seconds(message.updated_at),
    private: message.private,
    status: message.status,
    source_id: message.source_id,
    content_type: message.content_type,
    content_attributes: message.content_attributes,
    sender_type: message.sender_type,
    sender_id: message.sender_id,
    external_source_ids: message.external_source_ids,
    additional_attributes: message.additional_attributes,
    processed_message_content: message.content,
    sentiment: {},
    conversation: {
      assignee_id: conversation.assignee_id,
      unread_count: unreadCount(store, conversation),
      last_activity_at: seconds(conversation.last_activity_at),
      contact_inbox: { source_id: ci?.source_id ?? "" },
    },
  }
  if (message.echo_id) {
    json.echo_id = message.echo_id
  }
  const sender = senderPushJson(store, message)
  if (sender) {
    json.sender = sender
  }
  return json
}
