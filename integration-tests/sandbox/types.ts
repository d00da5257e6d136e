/**
 * Public types of the Chatwoot v4.15.1 sandbox (an in-process fake used by tests and the demo).
 *
 * The `Sandbox`, `SandboxOptions`, `RequestLogEntry` and `FaultControls` shapes are a contract with
 * the client tests; keep them stable. Record types describe the sandbox's internal state (what a
 * Chatwoot database row would hold), not the JSON Chatwoot answers with — see `serializers.ts`.
 */

export type SandboxOptions = {
  /** TCP port, 0/undefined = random free port */
  port?: number
  /** bind address, default 127.0.0.1 */
  host?: string
  /** platform app token, default random */
  platformToken?: string
  /** account-webhook delivery timeout, default 5000 ms (Chatwoot's WEBHOOK_TIMEOUT default) */
  webhookTimeoutMs?: number
  /** ms clock, default Date.now; drives created_at, timestamps and fault windows */
  clock?: () => number
  /** deliver account webhooks automatically when state changes through the API (default true) */
  deliverWebhooks?: boolean
}

export type FaultKind = "latency" | "rate_limit" | "server_error" | "timeout" | "outage"

export interface RequestLogEntry {
  id: number
  /** ms (sandbox clock) when the request arrived */
  at: number
  method: string
  /** path without the query string */
  path: string
  query: Record<string, string | string[]>
  headers: Record<string, string | string[] | undefined>
  /** parsed JSON body, or undefined when there was none (or it was not JSON) */
  body: unknown
  rawBody: string
  /** 0 when no response was sent (timeout, outage) */
  status: number
  /** parsed JSON response, the raw text for non-JSON responses, undefined for empty bodies */
  responseBody: unknown
  durationMs: number
  fault?: FaultKind
}

/** Restrict a fault to some requests; the others pass untouched and do not count. */
export interface FaultMatch {
  /** HTTP method, case-insensitive */
  method?: string
  /** exact path (no query string), or a RegExp tested against the path */
  path?: string | RegExp
}

export interface RateLimitFault {
  /** Retry-After as delta-seconds */
  retryAfterSeconds?: number
  /** Retry-After as an HTTP-date (wins over retryAfterSeconds) */
  retryAfterDate?: Date
  /** answer the next N requests with 429 */
  requests?: number
  /** answer every request with 429 for this long */
  forMs?: number
  /** only requests matching this are limited */
  match?: FaultMatch
}

export interface ServerErrorFault {
  status?: 500 | 502 | 503 | 504
  requests?: number
  /** only requests matching this fail */
  match?: FaultMatch
}

export interface TimeoutFault {
  requests?: number
  /** only requests matching this hang */
  match?: FaultMatch
}

export interface FaultControls {
  /** added to every response (0 = off) */
  latency(ms: number): void
  /**
   * 429 text/plain "Retry later\n" (rack-attack's default responder) for the next N requests or for a
   * time window; with neither, until clear(). Retry-After is sent only when a value is given — real
   * Chatwoot (rack-attack defaults) sends none.
   */
  rateLimit(opts: RateLimitFault): void
  /** the next N (default 1) requests answer 5xx (500 = Rails JSON body, 502/503/504 = proxy HTML) */
  serverError(opts?: ServerErrorFault): void
  /** the next N (default 1) requests never answer; the socket is held open until close() */
  timeout(opts?: TimeoutFault): void
  /** every request's connection is destroyed (client sees ECONNRESET / socket hang up) for forMs */
  outage(opts: { forMs: number }): void
  /** Chatwoot's per-minute throttle (rack-attack, fixed one-minute windows): 429 past `perMinute`; null = off */
  ratePerMinute(perMinute: number | null): void
  readonly ratePerMinuteLimit: number | null
  clear(): void
}

export interface FaultState {
  latencyMs: number
  rateLimit: (RateLimitFault & { remaining: number | null; until: number | null }) | null
  serverError: { status: 500 | 502 | 503 | 504; remaining: number; match?: FaultMatch } | null
  timeout: { remaining: number; match?: FaultMatch } | null
  outageUntil: number | null
}

// ---------------------------------------------------------------------------------------------
// state records

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

/** Plain inspectable maps keyed by database id (conversations too: look up display ids with a scan). */
export interface SandboxState {
  accounts: Map<number, AccountRecord>
  users: Map<number, UserRecord>
  accountUsers: Map<number, AccountUserRecord>
  inboxes: Map<number, InboxRecord>
  contacts: Map<number, ContactRecord>
  contactInboxes: Map<number, ContactInboxRecord>
  conversations: Map<number, ConversationRecord>
  messages: Map<number, MessageRecord>
  webhooks: Map<number, WebhookRecord>
  dashboardApps: Map<number, DashboardAppRecord>
  customAttributeDefinitions: Map<number, CustomAttributeDefinitionRecord>
  teams: Map<number, TeamRecord>
  labels: Map<number, LabelRecord>
  /** `Account:<id>` / `User:<id>` rows of platform_app_permissibles for the sandbox's platform app */
  platformPermissibles: Set<string>
}

export interface WebhookDeliveryResult {
  url: string
  /** 0 when the endpoint could not be reached or timed out */
  status: number
  body: string
  deliveryId: string
  /** network error / timeout message when status is 0 */
  error?: string
}

export interface WebhookDeliveryLogEntry extends WebhookDeliveryResult {
  webhookId: number
  accountId: number
  event: string
  /** the exact bytes sent */
  rawBody: string
  headers: Record<string, string>
  at: number
}

export interface SendWebhookOptions {
  /** default true: add X-Chatwoot-Timestamp and X-Chatwoot-Signature */
  sign?: boolean
  /** unix seconds to put in X-Chatwoot-Timestamp (and sign) */
  timestamp?: number
  /** forced X-Chatwoot-Delivery */
  deliveryId?: string
}

export interface Sandbox {
  url: string
  platformToken: string
  state: SandboxState
  faults: FaultControls
  /** application/platform/public API exchanges; `/__sandbox/*` control calls are never logged */
  requests: RequestLogEntry[]
  clearLog(): void
  /** helper for link-mode tests: an account + administrator user, returns the user's api_access_token */
  createAccountWithAdmin(opts?: { name?: string; email?: string }): {
    accountId: number
    userId: number
    accessToken: string
  }
  /**
   * Deliver an account webhook to every webhook of that account subscribed to `event`, signed as
   * Chatwoot 4.15 signs it. Non-2xx is not retried (like Chatwoot).
   */
  sendWebhook(
    accountId: number,
    event: string,
    payload: object,
    opts?: SendWebhookOptions
  ): Promise<WebhookDeliveryResult[]>
  close(): Promise<void>

  // ---- extras beyond the contract (stable too) ----
  /** automatic account webhooks on API state changes (default from options.deliverWebhooks, true) */
  autoWebhooks: boolean
  /** every webhook delivery attempt, automatic or via sendWebhook */
  deliveries: WebhookDeliveryLogEntry[]
  /** resolves once every automatically enqueued webhook has been delivered (or has failed) */
  flushWebhooks(): Promise<void>
  /** current fault settings (read-only snapshot) */
  faultState(): FaultState
  /** wipe all state, the request log, the delivery log, SDK calls and faults (keeps url and platform token) */
  reset(): void
  /** calls the widget SDK stub (`/packs/js/sdk.js`) reported from browsers, oldest first */
  sdkCalls: SdkCallRecord[]
  /** an agent (or administrator) reply in a conversation, as if typed in the Chatwoot dashboard */
  agentReply(opts: {
    accountId: number
    conversationId: number
    content: string
    private?: boolean
    userId?: number
  }): MessageRecord
  /** a web-widget visitor: setUser and/or pre-chat e-mail, then a first message (widget-visitor.ts) */
  widgetVisitor(input: import("./widget-visitor").WidgetVisitorInput): import("./widget-visitor").WidgetVisitorResult
}

/** A `window.$chatwoot` / `chatwootSDK` call reported by the SDK stub (widget-sdk.ts). */
export interface SdkCallRecord {
  id: number
  method: string
  args: unknown[]
  website_token: string | null
  received_at: string
  /** setUser: whether identifier_hash matches the website inbox's hmac_token (null: none sent / other call) */
  hmac_valid: boolean | null
}
