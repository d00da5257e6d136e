/**
 * Shapes of the plugin's admin routes (`/admin/chatwoot/*`) as the admin UI
 * reads and writes them. The server never returns a token or secret.
 */

/*
 * Types the server also defines come from the server's own modules through
 * `import type` (erased from the admin bundle): the admin never imports server
 * code at runtime, only the dependency-free rules in `src/lib`.
 */
import type { InferTypeOf } from "@medusajs/framework/types"
import type { z } from "@medusajs/framework/zod"
import type {
  AdminAddChatwootAgents as AddAgentsBody,
  AdminCreateChatwootAccount as CreateAccountBody,
  AdminEnsureEmailInbox as EmailInboxBody,
  AdminUpdateChatwootAccount as UpdateAccountBody,
} from "../../api/admin/chatwoot/accounts/validators"
import type ChatwootAccountModel from "../../modules/chatwoot/models/chatwoot-account"
import type ChatwootAgentModel from "../../modules/chatwoot/models/chatwoot-agent"
import type ChatwootInboxModel from "../../modules/chatwoot/models/chatwoot-inbox"
import type { BusinessHours, WidgetSettings } from "../../modules/chatwoot/widget-settings"

export type ChatwootAccountStatus = InferTypeOf<typeof ChatwootAccountModel>["status"]
export type ChatwootAccountMode = InferTypeOf<typeof ChatwootAccountModel>["mode"]
export type ChatwootInboxKind = InferTypeOf<typeof ChatwootInboxModel>["kind"]
export type ChatwootAgentRole = InferTypeOf<typeof ChatwootAgentModel>["role"]

export type { BusinessHours, WidgetSettings } from "../../modules/chatwoot/widget-settings"
export type { AgentActions } from "../../lib/agent-actions"

export type BusinessDay = BusinessHours["days"][number]
export type WidgetPosition = WidgetSettings["position"]
export type WidgetType = WidgetSettings["type"]
export type ReplyTime = WidgetSettings["reply_time"]
export type DarkMode = WidgetSettings["dark_mode"]

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

/** Health summary the account list adds to every account. */
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

export type AdminCreateChatwootAccount = z.input<typeof CreateAccountBody>

/** null: follow the store and sales channel names / the store's default locale */
export type AdminUpdateChatwootAccount = z.input<typeof UpdateAccountBody>

export type AdminChatwootStorefront = {
  sales_channel_id: string
  account_id: string | null
  enabled: boolean
  settings: WidgetSettings
}

export type AdminChatwootStorefrontResponse = { storefront: AdminChatwootStorefront }

/** Inbox name in Chatwoot defaults to "E-mail (<address>)". */
export type AdminCreateChatwootEmailInbox = z.input<typeof EmailInboxBody>

export type AdminAddChatwootAgents = z.input<typeof AddAgentsBody>

export type AdminAddChatwootAgentsResponse = { agents: AdminChatwootAgent[] }

export type AdminChatwootSsoResponse = { url: string }

export type AccountAction = "retry" | "suspend" | "resume"
