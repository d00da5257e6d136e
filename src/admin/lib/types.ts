/**
 * Shapes of the plugin's admin routes (`/admin/chatwoot/*`) as the admin UI
 * reads and writes them. The server never returns a token or secret.
 */

export type ChatwootAccountStatus = "provisioning" | "active" | "suspended" | "failed"
export type ChatwootAccountMode = "provisioned" | "linked"
export type ChatwootInboxKind = "website" | "api" | "email"
export type ChatwootAgentRole = "agent" | "administrator"

export type BusinessDay = {
  /** 0 = Sunday … 6 = Saturday (Chatwoot's numbering). */
  day_of_week: number
  closed_all_day: boolean
  open_all_day: boolean
  open_hour: number
  open_minutes: number
  close_hour: number
  close_minutes: number
}

export type BusinessHours = {
  enabled: boolean
  /** IANA time zone, e.g. Europe/Berlin */
  timezone: string
  out_of_office_message: string
  days: BusinessDay[]
}

export type WidgetPosition = "left" | "right"
export type WidgetType = "standard" | "expanded_bubble"
export type ReplyTime = "in_a_few_minutes" | "in_a_few_hours" | "in_a_day"
export type DarkMode = "light" | "auto" | "dark"

/** Per-storefront chat settings (src/modules/chatwoot/widget-settings.ts). */
export type WidgetSettings = {
  widget_color: string
  position: WidgetPosition
  type: WidgetType
  launcher_title: string
  welcome_title: string
  welcome_tagline: string
  reply_time: ReplyTime
  /** null: the store's default locale */
  locale: string | null
  dark_mode: DarkMode
  hmac_mandatory: boolean
  website_url: string | null
  business_hours: BusinessHours
  /** Order actions agents may run from the dashboard app (all off by default). */
  agent_actions?: AgentActions
}

export type WidgetSettingsPatch = Partial<Omit<WidgetSettings, "business_hours">> & {
  business_hours?: Partial<BusinessHours>
}

export type AdminChatwootStorefrontLink = {
  id: string
  sales_channel_id: string
  enabled: boolean
  widget_settings: Partial<WidgetSettings> | null
  sales_channel?: { id: string; name: string } | null
}

export type AdminChatwootInbox = {
  id: string
  kind: ChatwootInboxKind
  sales_channel_id: string | null
  chatwoot_inbox_id: number | null
  website_token: string | null
  inbox_identifier: string | null
}

export type AdminChatwootAgent = {
  id: string
  chatwoot_user_id: number
  email: string
  name: string
  role: ChatwootAgentRole
  medusa_user_id: string | null
}

/** Health summary the account list adds to every account (design §8). */
export type AdminChatwootAccountHealth = {
  ok: boolean
  credentials: boolean
  webhook: "signed" | "unsigned" | "missing"
  dashboard_app: boolean
  api_inbox: boolean
  storefronts: { sales_channel_id: string; enabled: boolean; website_inbox: boolean; hmac_enforced: boolean }[]
  last_success_at: string | null
  last_error: string | null
}

export type AdminChatwootAccount = {
  id: string
  name: string
  custom_name: string | null
  custom_locale: string | null
  mode: ChatwootAccountMode
  status: ChatwootAccountStatus
  chatwoot_account_id: number | null
  locale: string | null
  created_by_plugin: boolean
  last_error: string | null
  last_success_at: string | null
  webhook_id: number | null
  dashboard_app_id: number | null
  storefronts: AdminChatwootStorefrontLink[]
  inboxes: AdminChatwootInbox[]
  agents: AdminChatwootAgent[]
  /** only on the list route */
  health?: AdminChatwootAccountHealth
}

export type AdminChatwootAccountList = {
  accounts: AdminChatwootAccount[]
  count: number
  offset?: number
  limit?: number
}

export type AdminChatwootAccountResponse = { account: AdminChatwootAccount }

export type AdminChatwootAccountDeleteResponse = {
  id: string
  deleted: true
  deleted_in_chatwoot: boolean
}

export type AdminCreateChatwootAccount =
  | { mode: "provision"; sales_channel_id: string }
  | { mode: "link"; sales_channel_id: string; chatwoot_account_id: number; api_access_token: string }
  | { mode: "attach"; sales_channel_id: string; account_id: string }

export type AdminUpdateChatwootAccount = {
  /** null: follow the store and sales channel names */
  name?: string | null
  /** null: follow the store's default locale */
  locale?: string | null
}

export type AdminChatwootStorefront = {
  sales_channel_id: string
  account_id: string | null
  enabled: boolean
  settings: WidgetSettings
}

export type AdminChatwootStorefrontResponse = { storefront: AdminChatwootStorefront }

export type AdminCreateChatwootEmailInbox = {
  email: string
  /** Inbox name in Chatwoot; default "E-mail (<address>)" */
  name?: string
  imap_enabled?: boolean
  imap_address?: string
  imap_port?: number
  imap_login?: string
  imap_password?: string
  imap_enable_ssl?: boolean
  smtp_address?: string
  smtp_port?: number
  smtp_login?: string
  smtp_password?: string
  smtp_domain?: string
  smtp_enabled?: boolean
  smtp_enable_starttls_auto?: boolean
}

export type AdminAddChatwootAgents = {
  account_ids: string[]
  name: string
  email: string
  role: ChatwootAgentRole
}

export type AdminAddChatwootAgentsResponse = { agents: AdminChatwootAgent[] }

export type AdminChatwootSsoResponse = { url: string }

export type AccountAction = "retry" | "suspend" | "resume"

/** Order actions agents may run from the dashboard app in Chatwoot. */
export type AgentActions = { cancel_order: boolean; resend_confirmation: boolean; create_return: boolean }
