/** State records: accounts, users, memberships, inboxes (with channels), contacts and contact inboxes. */

export type AccountStatus = "active" | "suspended"
export type AccountRole = "administrator" | "agent"

export interface AccountRecord {
  id: number
  name: string
  locale: string
  domain: string | null
  support_email: string | null
  status: AccountStatus
  limits: Record<string, unknown>
  custom_attributes: Record<string, unknown>
  features: Record<string, boolean>
  created_at: number
  updated_at: number
}

export interface UserRecord {
  id: number
  name: string
  display_name: string | null
  email: string
  access_token: string
  pubsub_token: string
  custom_attributes: Record<string, unknown>
  message_signature: string | null
  ui_settings: Record<string, unknown>
  created_at: number
  updated_at: number
}

export interface AccountUserRecord {
  id: number
  account_id: number
  user_id: number
  role: AccountRole
  inviter_id: number | null
  availability: "online" | "offline" | "busy"
  auto_offline: boolean
  active_at: number | null
  created_at: number
  updated_at: number
}

export interface WorkingHourRecord {
  day_of_week: number
  closed_all_day: boolean
  open_all_day: boolean
  open_hour: number | null
  open_minutes: number | null
  close_hour: number | null
  close_minutes: number | null
}

export type ReplyTime = "in_a_few_minutes" | "in_a_few_hours" | "in_a_day"

export interface WebWidgetChannelRecord {
  type: "web_widget"
  id: number
  website_url: string
  widget_color: string
  welcome_title: string | null
  welcome_tagline: string | null
  reply_time: ReplyTime
  pre_chat_form_enabled: boolean
  pre_chat_form_options: Record<string, unknown>
  continuity_via_email: boolean
  hmac_mandatory: boolean
  allowed_domains: string
  selected_feature_flags: string[]
  website_token: string
  hmac_token: string
}

export interface ApiChannelRecord {
  type: "api"
  id: number
  webhook_url: string | null
  hmac_mandatory: boolean
  additional_attributes: Record<string, unknown>
  identifier: string
  hmac_token: string
  secret: string
}

export interface EmailChannelRecord {
  type: "email"
  id: number
  email: string
  provider: string | null
  /** imap_*, smtp_* and the other e-mail settings, stored as sent */
  settings: Record<string, unknown>
}

export type ChannelRecord = WebWidgetChannelRecord | ApiChannelRecord | EmailChannelRecord

export const CHANNEL_TYPE_NAMES = {
  web_widget: "Channel::WebWidget",
  api: "Channel::Api",
  email: "Channel::Email",
} as const

export interface InboxRecord {
  id: number
  account_id: number
  name: string
  channel: ChannelRecord
  greeting_enabled: boolean
  greeting_message: string | null
  enable_email_collect: boolean
  csat_survey_enabled: boolean
  csat_config: Record<string, unknown>
  enable_auto_assignment: boolean
  auto_assignment_config: Record<string, unknown>
  working_hours_enabled: boolean
  out_of_office_message: string | null
  timezone: string
  allow_messages_after_resolved: boolean
  lock_to_single_conversation: boolean
  sender_name_type: "friendly" | "professional"
  business_name: string | null
  portal_id: number | null
  working_hours: WorkingHourRecord[]
  created_at: number
  updated_at: number
}

export interface ContactRecord {
  id: number
  account_id: number
  name: string
  email: string | null
  phone_number: string | null
  identifier: string | null
  blocked: boolean
  avatar_url: string
  additional_attributes: Record<string, unknown>
  custom_attributes: Record<string, unknown>
  labels: string[]
  last_activity_at: number | null
  created_at: number
  updated_at: number
}

export interface ContactInboxRecord {
  id: number
  contact_id: number
  inbox_id: number
  source_id: string
  hmac_verified: boolean
  pubsub_token: string
  created_at: number
  updated_at: number
}
