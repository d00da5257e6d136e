/** State records: conversations, messages, webhooks, dashboard apps, custom attribute definitions, teams and labels. */

export type ConversationStatus = "open" | "resolved" | "pending" | "snoozed"
export type ConversationPriority = "urgent" | "high" | "medium" | "low"

export interface ConversationRecord {
  /** database id (Chatwoot URLs and JSON `id` use display_id) */
  id: number
  display_id: number
  account_id: number
  inbox_id: number
  contact_id: number
  contact_inbox_id: number
  uuid: string
  status: ConversationStatus
  priority: ConversationPriority | null
  assignee_id: number | null
  team_id: number | null
  labels: string[]
  custom_attributes: Record<string, unknown>
  additional_attributes: Record<string, unknown>
  snoozed_until: number | null
  muted: boolean
  first_reply_created_at: number | null
  waiting_since: number | null
  agent_last_seen_at: number | null
  assignee_last_seen_at: number | null
  contact_last_seen_at: number | null
  last_activity_at: number
  created_at: number
  updated_at: number
}

export type MessageType = "incoming" | "outgoing" | "activity" | "template"
export const MESSAGE_TYPE_CODES: Record<MessageType, 0 | 1 | 2 | 3> = {
  incoming: 0,
  outgoing: 1,
  activity: 2,
  template: 3,
}
export type MessageStatus = "sent" | "delivered" | "read" | "failed"
export type SenderType = "Contact" | "User" | "AgentBot"

export interface MessageRecord {
  id: number
  account_id: number
  inbox_id: number
  /** database id of the conversation */
  conversation_id: number
  content: string | null
  content_type: string
  content_attributes: Record<string, unknown>
  message_type: MessageType
  private: boolean
  status: MessageStatus
  source_id: string | null
  echo_id: string | null
  sender_type: SenderType | null
  sender_id: number | null
  additional_attributes: Record<string, unknown>
  external_source_ids: Record<string, unknown>
  created_at: number
  updated_at: number
}

export interface WebhookRecord {
  id: number
  account_id: number
  url: string
  name: string | null
  subscriptions: string[]
  secret: string
  inbox_id: number | null
  created_at: number
  updated_at: number
}

export interface DashboardAppRecord {
  id: number
  account_id: number
  user_id: number
  title: string
  content: Array<{ type: "frame"; url: string }>
  created_at: number
  updated_at: number
}

export type AttributeModel = "conversation_attribute" | "contact_attribute" | "company_attribute"
export type AttributeDisplayType =
  | "text"
  | "number"
  | "currency"
  | "percent"
  | "link"
  | "date"
  | "list"
  | "checkbox"

export interface CustomAttributeDefinitionRecord {
  id: number
  account_id: number
  attribute_display_name: string
  attribute_display_type: AttributeDisplayType
  attribute_description: string | null
  attribute_key: string
  attribute_model: AttributeModel
  attribute_values: string[]
  regex_pattern: string | null
  regex_cue: string | null
  default_value: string | null
  created_at: number
  updated_at: number
}

export interface TeamRecord {
  id: number
  account_id: number
  name: string
  description: string | null
  allow_auto_assign: boolean
  created_at: number
  updated_at: number
}

export interface LabelRecord {
  id: number
  account_id: number
  title: string
  description: string | null
  color: string
  show_on_sidebar: boolean
  created_at: number
  updated_at: number
}
