/**
 * Request and response shapes of the Chatwoot v4.15.1 calls the plugin makes
 * (see /docs chatwoot-api.md and swagger.json). Only fields the plugin can use
 * are typed; Chatwoot sends more.
 */

export type JsonObject = { [key: string]: JsonValue }
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject

// ---------------------------------------------------------------- Platform API

export type AccountStatus = "active" | "suspended"

/** POST/PATCH /platform/api/v1/accounts body. */
export type PlatformAccountInput = {
  name: string
  /** ISO code: en, de, pt_BR, … */
  locale?: string
  /** inbound e-mail domain for reply addresses (not the website) */
  domain?: string
  support_email?: string
  status?: AccountStatus
  limits?: Record<string, number>
  custom_attributes?: JsonObject
}

export type PlatformAccountUpdate = Partial<PlatformAccountInput>

export type PlatformAccount = {
  id: number
  name: string
  locale?: string
  domain?: string | null
  support_email?: string | null
  status?: AccountStatus
  features?: Record<string, boolean>
  custom_attributes?: JsonObject
  limits?: Record<string, number>
}

export type PlatformUserInput = {
  name: string
  display_name?: string
  email: string
  /** 6–128 chars with an upper, a lower, a digit and a special character */
  password: string
  custom_attributes?: JsonObject
}

export type PlatformUserUpdate = Partial<PlatformUserInput>

export type AccountRole = "administrator" | "agent"

export type UserAccountMembership = {
  id: number
  name: string
  role: AccountRole
  status?: string
  active_at?: string | null
}

export type PlatformUser = {
  id: number
  name: string
  display_name?: string | null
  email: string
  /** opens the Application API on the user's behalf: store encrypted */
  access_token?: string
  account_id?: number | null
  available_name?: string
  avatar_url?: string
  confirmed?: boolean
  pubsub_token?: string
  role?: AccountRole | null
  custom_attributes?: JsonObject
  accounts?: UserAccountMembership[]
}

/** GET /platform/api/v1/users/{id}/login */
export type SsoLink = { url: string }

/** POST /platform/api/v1/users/{id}/token (not in the OpenAPI spec) */
export type PlatformUserToken = {
  access_token: string
  expiry: number | null
  user: { id: number; name: string; display_name?: string | null; email: string; pubsub_token?: string }
}

export type AccountUser = {
  account_id: number
  user_id: number
  role: AccountRole
  id?: number
}

// ---------------------------------------------------------------- Profile

/** GET /api/v1/profile: the owner of a user token, with the accounts it can open. */
export type Profile = {
  id: number
  name: string
  email: string
  display_name?: string | null
  available_name?: string
  account_id?: number | null
  role?: AccountRole | null
  type?: string | null
  accounts: UserAccountMembership[]
}

// ---------------------------------------------------------------- Inboxes

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

// ---------------------------------------------------------------- Contacts

export type ContactFields = {
  name?: string
  email?: string
  /** E.164, e.g. +4915112345678 */
  phone_number?: string
  /** the Medusa customer id: stable and unique per account */
  identifier?: string
  blocked?: boolean
  avatar_url?: string
  additional_attributes?: JsonObject
  custom_attributes?: JsonObject
}

/** POST /api/v1/accounts/{account_id}/contacts (`inbox_id` is required by the spec). */
export type ContactCreateInput = ContactFields & {
  inbox_id: number
}

/** PUT /api/v1/accounts/{account_id}/contacts/{id}: custom/additional attributes are merged. */
export type ContactUpdateInput = ContactFields

export type ContactInboxRef = {
  source_id: string
  inbox?: { id: number; name?: string; channel_type?: string }
}

export type Contact = {
  id: number
  name?: string | null
  email?: string | null
  phone_number?: string | null
  identifier?: string | null
  blocked?: boolean
  thumbnail?: string | null
  availability_status?: string
  additional_attributes?: JsonObject
  custom_attributes?: JsonObject
  created_at?: number
  last_activity_at?: number | null
  contact_inboxes?: ContactInboxRef[]
}

export type ContactCreateResult = {
  contact: Contact
  contact_inbox?: ContactInboxRef
}

export type ContactSort =
  | "name"
  | "email"
  | "phone_number"
  | "last_activity_at"
  | "-name"
  | "-email"
  | "-phone_number"
  | "-last_activity_at"

export type PageMeta = { count?: number; current_page?: number | string; has_more?: boolean }

export type ContactPage = { meta: PageMeta; payload: Contact[] }

export type FilterOperator = "equal_to" | "not_equal_to" | "contains" | "does_not_contain"

export type FilterCondition = {
  attribute_key: string
  filter_operator: FilterOperator
  values: string[]
  /** joins this condition to the next one; omitted on the last */
  query_operator?: "AND" | "OR"
}

/** Input of `contacts.upsert` (chatwoot-api.md §8.3). */
export type ContactUpsertInput = ContactFields & {
  /** inbox the contact is created in when it does not exist yet */
  inbox_id: number
}

export type ContactUpsertResult = {
  contact: Contact
  /** created: new contact; updated: found by identifier (or e-mail) and updated */
  action: "created" | "updated"
}

// ---------------------------------------------------------------- Custom attributes

export type CustomAttributeModel = "conversation_attribute" | "contact_attribute"
export type CustomAttributeDisplayType =
  | "text"
  | "number"
  | "currency"
  | "percent"
  | "link"
  | "date"
  | "list"
  | "checkbox"

export type CustomAttributeDefinitionInput = {
  attribute_display_name: string
  /** letters, digits, `_ . -`; unique per account and model */
  attribute_key: string
  attribute_display_type: CustomAttributeDisplayType
  attribute_model: CustomAttributeModel
  attribute_description?: string
  attribute_values?: string[]
  regex_pattern?: string
  regex_cue?: string
}

export type CustomAttributeDefinition = {
  id: number
  attribute_display_name: string
  attribute_key: string
  attribute_display_type: CustomAttributeDisplayType | number
  attribute_model: CustomAttributeModel | number
  attribute_description?: string | null
  attribute_values?: string[]
  default_value?: JsonValue
  regex_pattern?: string | null
  regex_cue?: string | null
}

// ---------------------------------------------------------------- Conversations

export type ConversationStatus = "open" | "resolved" | "pending" | "snoozed"
export type ConversationPriority = "urgent" | "high" | "medium" | "low" | "none"

export type ConversationListQuery = {
  status?: ConversationStatus | "all"
  assignee_type?: "me" | "unassigned" | "all" | "assigned"
  inbox_id?: number
  team_id?: number
  q?: string
  page?: number
}

/** POST /api/v1/accounts/{account_id}/conversations (`source_id` is required by the spec). */
export type ConversationCreateInput = {
  /** source id of the contact's contact_inbox (from contact create, or contact.contact_inboxes) */
  source_id: string
  inbox_id?: number
  contact_id?: number
  status?: "open" | "resolved" | "pending"
  assignee_id?: number
  team_id?: number
  additional_attributes?: JsonObject
  custom_attributes?: JsonObject
  message?: { content: string }
}

export type ConversationMeta = {
  sender?: Contact
  assignee?: { id: number; name?: string; email?: string } | null
  assignee_type?: string | null
  team?: { id: number; name: string } | null
  hmac_verified?: boolean
  channel?: string
}

export type Conversation = {
  /** the display id: what conversation URLs use */
  id: number
  account_id?: number
  inbox_id?: number
  uuid?: string
  status?: ConversationStatus
  priority?: ConversationPriority | null
  labels?: string[]
  custom_attributes?: JsonObject
  additional_attributes?: JsonObject
  meta?: ConversationMeta
  messages?: Message[]
  created_at?: number
  last_activity_at?: number
  unread_count?: number
}

export type ConversationList = {
  meta: { mine_count?: number; assigned_count?: number; unassigned_count?: number; all_count?: number }
  payload: Conversation[]
}

export type ToggleStatusInput = {
  status: ConversationStatus
  /** unix seconds, with status snoozed */
  snoozed_until?: number
}

export type ToggleStatusResult = {
  success?: boolean
  conversation_id?: number
  current_status?: ConversationStatus
  snoozed_until?: number | null
}

export type AssignmentInput = { assignee_id: number } | { team_id: number }

/** The assigned agent or team, or null when unassigned. */
export type Assignee = { id: number; name?: string; email?: string } | null

// ---------------------------------------------------------------- Messages

export type MessageContentType = "text" | "input_email" | "cards" | "input_select" | "form" | "article"

export type MessageCreateInput = {
  content: string
  /** incoming only in API inboxes */
  message_type?: "outgoing" | "incoming"
  /** true: a private note, visible to agents only */
  private?: boolean
  content_type?: MessageContentType
  content_attributes?: JsonObject
  /** our own id, stored (not unique) so a re-send can be detected */
  source_id?: string
  campaign_id?: number
}

export type Message = {
  id: number
  content?: string | null
  /** 0 incoming, 1 outgoing, 2 activity, 3 template */
  message_type: number | string
  content_type?: string | null
  content_attributes?: JsonObject
  private?: boolean
  source_id?: string | null
  conversation_id?: number
  created_at?: number
  sender?: { id: number; name?: string; type?: string } | null
}

export type MessageListQuery = { before?: number; after?: number }

export type MessageList = { meta?: JsonObject; payload: Message[] }

// ---------------------------------------------------------------- Teams, webhooks, dashboard apps

export type TeamInput = { name: string; allow_auto_assign?: boolean }

export type Team = {
  id: number
  name: string
  description?: string | null
  allow_auto_assign?: boolean
  account_id?: number
}

export type WebhookEvent =
  | "conversation_created"
  | "conversation_status_changed"
  | "conversation_updated"
  | "message_created"
  | "message_updated"
  | "contact_created"
  | "contact_updated"
  | "webwidget_triggered"
  | "conversation_typing_on"
  | "conversation_typing_off"

export type WebhookInput = {
  url: string
  name?: string
  subscriptions: WebhookEvent[]
}

export type Webhook = {
  id: number
  url: string
  name?: string | null
  account_id?: number
  subscriptions: string[]
  /** HMAC key of X-Chatwoot-Signature (Chatwoot ≥ 4.12); store encrypted */
  secret?: string
}

export type DashboardAppInput = {
  title: string
  content: Array<{ type: "frame"; url: string }>
}

export type DashboardApp = {
  id: number
  title: string
  content: Array<{ type: string; url: string }>
  created_at?: string
}

// ---------------------------------------------------------------- Public API

export type PublicContactInput = {
  identifier?: string
  /** HMAC-SHA256(API inbox hmac_token, identifier), hex */
  identifier_hash?: string
  email?: string
  name?: string
  phone_number?: string
  custom_attributes?: JsonObject
}

export type PublicContact = {
  id: number
  /** the contact identifier of every later Public API call */
  source_id: string
  pubsub_token?: string
  name?: string | null
  email?: string | null
  phone_number?: string | null
}

export type PublicConversation = {
  id: number
  uuid?: string
  inbox_id?: number
  status?: ConversationStatus
  messages?: PublicMessage[]
  contact?: { id: number; name?: string | null; email?: string | null }
}

export type PublicMessageInput = { content: string; echo_id?: string }

export type PublicMessage = {
  id: number
  content?: string | null
  message_type: number | string
  content_type?: string | null
  created_at?: number | string
  conversation_id?: number
}

export type PublicInbox = {
  identifier: string
  name?: string
  timezone?: string
  working_hours_enabled?: boolean
  working_hours?: WorkingHours[]
  identity_validation_enabled?: boolean
}
