import type { JsonObject } from "./json"

// Inboxes: website widget, API and e-mail channels, business hours.

export type WorkingHours = {
  /** 0 = Sunday … 6 = Saturday */
  day_of_week: number
  closed_all_day: boolean
  open_all_day?: boolean
  open_hour?: number | null
  open_minutes?: number | null
  close_hour?: number | null
  close_minutes?: number | null
}

type InboxCommonFields = {
  name: string
  greeting_enabled?: boolean
  greeting_message?: string
  enable_email_collect?: boolean
  csat_survey_enabled?: boolean
  enable_auto_assignment?: boolean
  working_hours_enabled?: boolean
  out_of_office_message?: string
  /** IANA zone, e.g. Europe/Berlin */
  timezone?: string
  allow_messages_after_resolved?: boolean
  lock_to_single_conversation?: boolean
  sender_name_type?: "friendly" | "professional"
  business_name?: string
}

export type ReplyTime = "in_a_few_minutes" | "in_a_few_hours" | "in_a_day"
export type WidgetFeatureFlag =
  | "attachments"
  | "emoji_picker"
  | "end_conversation"
  | "use_inbox_avatar_for_bot"
  | "allow_mobile_webview"

export type WebWidgetChannelSettings = {
  website_url: string
  widget_color?: string
  welcome_title?: string
  welcome_tagline?: string
  reply_time?: ReplyTime
  pre_chat_form_enabled?: boolean
  pre_chat_form_options?: JsonObject
  continuity_via_email?: boolean
  hmac_mandatory?: boolean
  /** comma-separated, becomes the widget's frame-ancestors */
  allowed_domains?: string
  selected_feature_flags?: WidgetFeatureFlag[]
}

export type ApiChannelSettings = {
  webhook_url?: string
  hmac_mandatory?: boolean
  additional_attributes?: JsonObject
}

export type EmailChannelSettings = {
  email: string
  imap_enabled?: boolean
  imap_login?: string
  imap_password?: string
  imap_address?: string
  imap_port?: number
  imap_enable_ssl?: boolean
  smtp_enabled?: boolean
  smtp_login?: string
  smtp_password?: string
  smtp_address?: string
  smtp_port?: number
  smtp_domain?: string
  smtp_enable_starttls_auto?: boolean
  smtp_enable_ssl_tls?: boolean
}

export type InboxChannelInput =
  | ({ type: "web_widget" } & WebWidgetChannelSettings)
  | ({ type: "api" } & ApiChannelSettings)
  | ({ type: "email" } & EmailChannelSettings)

/** POST /api/v1/accounts/{account_id}/inboxes */
export type InboxCreateInput = InboxCommonFields & { channel: InboxChannelInput }

/** PATCH /api/v1/accounts/{account_id}/inboxes/{id}; `working_hours` only here, not on create. */
export type InboxUpdateInput = Partial<InboxCommonFields> & {
  working_hours?: WorkingHours[]
  channel?: Partial<WebWidgetChannelSettings> | ApiChannelSettings | Partial<EmailChannelSettings>
}

export type Inbox = {
  id: number
  name: string
  channel_id: number
  channel_type: string
  website_url?: string | null
  widget_color?: string | null
  welcome_title?: string | null
  welcome_tagline?: string | null
  website_token?: string | null
  /** only for administrators; the key of identity validation */
  hmac_token?: string | null
  hmac_mandatory?: boolean
  web_widget_script?: string | null
  /** API inboxes: the Public API identifier */
  inbox_identifier?: string | null
  webhook_url?: string | null
  /** API inboxes, administrators: webhook-signing secret */
  secret?: string | null
  email?: string | null
  greeting_enabled?: boolean
  greeting_message?: string | null
  working_hours_enabled?: boolean
  working_hours?: WorkingHours[]
  timezone?: string
  out_of_office_message?: string | null
  lock_to_single_conversation?: boolean
  allowed_domains?: string | null
}
