/** JSON Chatwoot answers with: the jbuilder views of accounts, users, agents, inboxes, contacts, messages, conversations, teams, labels, webhooks, dashboard apps and custom attributes. */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonMap = Record<string, unknown>

export interface PlatformAccountJson {
  id: number
  name: string
  locale: string
  domain: string | null
  support_email: string | null
  features: Record<string, boolean>
  custom_attributes: JsonMap
  limits: JsonMap
  status: string
}

export interface UserAccountJson {
  id: number
  name: string
  status: string
  active_at: string | null
  role: "administrator" | "agent"
  permissions: string[]
  availability: string
  availability_status: string
  auto_offline: boolean
  custom_role_id: null
  custom_role: null
}

export interface UserJson {
  access_token: string
  account_id?: number
  available_name: string
  avatar_url: string
  confirmed: boolean
  display_name: string | null
  message_signature: string | null
  email: string
  id: number
  name: string
  provider: string
  pubsub_token: string
  custom_attributes: JsonMap
  role?: "administrator" | "agent"
  ui_settings: JsonMap
  uid: string
  type: string
  accounts: UserAccountJson[]
}

export interface AccountUserJson {
  id: number
  account_id: number
  user_id: number
  role: "administrator" | "agent"
  inviter_id: number | null
  availability: string
  auto_offline: boolean
  active_at: string | null
  created_at: string
  updated_at: string
}

export interface AgentJson {
  id: number
  account_id: number
  availability_status: string
  auto_offline: boolean
  confirmed: boolean
  email: string
  provider: string
  available_name: string
  name: string
  role: "administrator" | "agent"
  thumbnail: string
  custom_role_id: number | null
}

export interface WorkingHourJson {
  day_of_week: number
  closed_all_day: boolean
  open_hour: number | null
  open_minutes: number | null
  close_hour: number | null
  close_minutes: number | null
  open_all_day: boolean
}

/** Inbox JSON: common fields plus the channel's fields (admin-only secrets included for admins). */
export type InboxJson = JsonMap & {
  id: number
  name: string
  channel_id: number
  channel_type: string
}

export interface SlimInboxJson {
  id: number
  avatar_url: string
  channel_id: number
  name: string
  channel_type: string
  provider: string | null
}

export interface ContactInboxJson {
  source_id: string
  inbox: SlimInboxJson
}

export interface ContactJson {
  additional_attributes: JsonMap
  availability_status: "online" | "offline"
  email: string | null
  id: number
  name: string
  phone_number: string | null
  blocked: boolean
  identifier: string | null
  thumbnail: string
  custom_attributes: JsonMap
  last_activity_at?: number
  created_at: number
  contact_inboxes?: ContactInboxJson[]
}

/** `push_event_data` of a sender (message JSON, conversation.meta). */
export type SenderPushJson =
  | {
      additional_attributes: JsonMap
      custom_attributes: JsonMap
      email: string | null
      id: number
      identifier: string | null
      name: string
      phone_number: string | null
      thumbnail: string
      blocked: boolean
      type: "contact"
    }
  | {
      id: number
      name: string
      available_name: string
      avatar_url: string
      type: "user"
      availability_status: string
      thumbnail: string
    }

export interface MessageJson {
  id: number
  content: string | null
  account_id: number
  inbox_id: number
  /** display id */
  conversation_id: number
  message_type: 0 | 1 | 2 | 3
  created_at: number
  updated_at: number
  private: boolean
  status: string
  source_id: string | null
  content_type: string
  content_attributes: JsonMap
  sender_type: string | null
  sender_id: number | null
  external_source_ids: JsonMap
  additional_attributes: JsonMap
  processed_message_content: string | null
  sentiment: JsonMap
  conversation: {
    assignee_id: number | null
    unread_count: number
    last_activity_at: number
    contact_inbox: { source_id: string }
  }
  sender?: SenderPushJson
  echo_id?: string
}

export interface ConversationMetaJson {
  sender: ContactJson
  channel: string
  assignee?: AgentJson
  assignee_type?: "User"
  team?: TeamJson
  hmac_verified: boolean
}

export interface ConversationJson {
  meta: ConversationMetaJson
  id: number
  messages: MessageJson[]
  account_id: number
  uuid: string
  additional_attributes: JsonMap
  agent_last_seen_at: number
  assignee_last_seen_at: number
  can_reply: boolean
  contact_last_seen_at: number
  custom_attributes: JsonMap
  inbox_id: number
  labels: string[]
  muted: boolean
  snoozed_until: number | null
  status: string
  created_at: number
  updated_at: number
  timestamp: number
  first_reply_created_at: number
  unread_count: number
  last_non_activity_message: MessageJson | null
  last_activity_at: number
  priority: string | null
  waiting_since: number
  sla_policy_id: number | null
}

export interface TeamJson {
  id: number
  name: string
  description: string | null
  allow_auto_assign: boolean
  account_id: number
  is_member: boolean
}

export interface LabelJson {
  id: number
  title: string
  description: string | null
  color: string
  show_on_sidebar: boolean
}

export interface WebhookJson {
  id: number
  name: string | null
  url: string
  account_id: number
  subscriptions: string[]
  secret: string
  inbox?: { id: number; name: string }
}

export interface DashboardAppJson {
  id: number
  title: string
  content: Array<{ type: "frame"; url: string }>
  created_at: string
}

export interface CustomAttributeDefinitionJson {
  id: number
  attribute_display_name: string
  attribute_display_type: string
  attribute_description: string | null
  attribute_key: string
  regex_pattern: string | null
  regex_cue: string | null
  attribute_values: string[]
  attribute_model: string
  default_value: string | null
  created_at: string
  updated_at: string
}
