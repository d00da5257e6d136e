/** JSON Chatwoot sends in account webhooks: event data and payloads. */
import type { JsonMap, MessageJson } from "./views"

export interface AccountRefJson {
  id: number
  name: string
}

export interface ContactWebhookData {
  account: AccountRefJson
  additional_attributes: JsonMap
  avatar: string
  custom_attributes: JsonMap
  email: string | null
  id: number
  identifier: string | null
  name: string
  phone_number: string | null
  thumbnail: string
  blocked: boolean
}

export type ChangedAttributes = Array<Record<string, { previous_value: unknown; current_value: unknown }>>

export interface ContactInboxRawJson {
  id: number
  contact_id: number
  inbox_id: number
  source_id: string
  created_at: string
  updated_at: string
  hmac_verified: boolean
  pubsub_token: string
}

export interface ConversationWebhookData {
  additional_attributes: JsonMap
  can_reply: boolean
  channel: string
  contact_inbox: ContactInboxRawJson
  id: number
  inbox_id: number
  messages: MessageJson[]
  labels: string[]
  meta: {
    sender: JsonMap & { id: number; type: "contact" }
    assignee: (JsonMap & { id: number; type: "user" }) | null
    assignee_type: "User" | "AgentBot" | null
    team: { id: number; name: string } | null
    hmac_verified: boolean
  }
  status: string
  custom_attributes: JsonMap
  snoozed_until: number | null
  unread_count: number
  first_reply_created_at: string | null
  priority: string | null
  waiting_since: number | null
  agent_last_seen_at: number
  contact_last_seen_at: number
  last_activity_at: number
  timestamp: number
  created_at: number
  updated_at: number
  account: AccountRefJson
}

export type ConversationEventName = "conversation_created" | "conversation_updated" | "conversation_status_changed"
export type MessageEventName = "message_created" | "message_updated"
export type ContactEventName = "contact_created" | "contact_updated"
export type TypingEventName = "conversation_typing_on" | "conversation_typing_off"

export type ConversationWebhookPayload = ConversationWebhookData & {
  event: ConversationEventName
  changed_attributes?: ChangedAttributes | null
}

export type MessageSenderWebhookData =
  | ContactWebhookData
  | { id: number; name: string; email: string; type: "user" }
  | { id: number; name: string; type: "agent_bot" }

export interface MessageWebhookPayload {
  event: MessageEventName
  id: number
  content: string | null
  content_type: string
  content_attributes: JsonMap
  message_type: "incoming" | "outgoing" | "template" | "activity"
  private: boolean
  source_id: string | null
  created_at: string
  additional_attributes: JsonMap
  sender: MessageSenderWebhookData | null
  inbox: { id: number; name: string }
  account: AccountRefJson
  conversation: ConversationWebhookData
  attachments?: JsonMap[]
}

export type ContactWebhookPayload = ContactWebhookData & {
  event: ContactEventName
  changed_attributes?: ChangedAttributes
}

export interface WebwidgetTriggeredPayload {
  event: "webwidget_triggered"
  id: number
  source_id: string
  contact: ContactWebhookData
  inbox: { id: number; name: string }
  account: AccountRefJson
  current_conversation: ConversationWebhookData | null
  event_info: {
    initiated_at: { timestamp: string }
    referer: string
    widget_language: string | null
    browser_language: string
    browser: {
      browser_name: string
      browser_version: string
      device_name: string
      platform_name: string
      platform_version: string
    }
  }
}

export interface TypingWebhookPayload {
  event: TypingEventName
  user: MessageSenderWebhookData
  conversation: ConversationWebhookData
  is_private: boolean
}

export type WebhookPayload =
  | ConversationWebhookPayload
  | MessageWebhookPayload
  | ContactWebhookPayload
  | WebwidgetTriggeredPayload
  | TypingWebhookPayload
