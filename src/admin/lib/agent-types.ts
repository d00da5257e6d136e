/** Shapes of the health, conversations and customer routes (see src/api/admin/chatwoot/{health,conversations,customers}). */
import type { z } from "@medusajs/framework/zod"
import type { AdminListChatwootConversations } from "../../api/admin/chatwoot/conversations/validators"
import type { ConversationStatus } from "../../modules/chatwoot/models/chatwoot-conversation"
import type { ChatwootAccountMode, ChatwootAccountStatus } from "./types"

export type HealthWarning = { code: string; message: string }

export type AccountHealth = {
  id: string
  name: string
  status: ChatwootAccountStatus
  mode: ChatwootAccountMode
  chatwoot_account_id: number | null
  ok: boolean
  last_success_at: string | null
  last_error: string | null
  webhook: "signed" | "unsigned" | "missing"
  dashboard_app: boolean
  storefronts: { sales_channel_id: string; name: string; enabled: boolean; website_inbox: boolean; hmac_enforced: boolean }[]
  sync: {
    counts: { pending: number; processing: number; done: number; failed: number }
    lag_seconds: number
    oldest_pending_at: string | null
    failed: { id: string; kind: string; subject: string; attempts: number; last_error: string | null }[]
  }
  calls_24h: { calls: number; rate_limited: number; server_errors: number; network_errors: number }
  webhooks: { accepted_24h: number; rejected_24h: number; duplicate_24h: number; last_accepted_at: string | null }
  conversations: { total: number; open: number }
  warnings: HealthWarning[]
}

export type AdminChatwootHealthResponse = {
  health: { generated_at: string; ok: boolean; accounts: AccountHealth[] }
}

export type { ConversationStatus }

export type AdminChatwootConversation = {
  id: string
  account_id: string
  account_name: string | null
  chatwoot_conversation_id: number
  sales_channel_id: string | null
  storefront: string | null
  status: ConversationStatus
  priority: string | null
  tier: string | null
  /** Set only when the conversation's identity is verified (identity-trust.ts). */
  customer_id: string | null
  /** false: the e-mail is an unverified claim */
  verified: boolean
  identity_source: "hmac" | "contact_form" | null
  customer_name: string | null
  email: string | null
  order_id: string | null
  assignee_name: string | null
  team_name: string | null
  labels: string[]
  last_message: string | null
  unread_count: number
  last_activity_at: string | null
  chatwoot_url: string | null
}

export type AdminChatwootConversationsResponse = {
  conversations: AdminChatwootConversation[]
  count: number
  limit: number
  offset: number
  tiers?: string[]
}

export type ConversationsQuery = z.input<typeof AdminListChatwootConversations>

export type AdminChatwootCustomerResponse = {
  customer_id: string
  contacts: {
    account_id: string
    account_name: string | null
    account_status: string | null
    storefronts: { sales_channel_id: string; name: string }[]
    chatwoot_contact_id: number | null
    last_synced_at: string | null
    chatwoot_url: string | null
  }[]
  sync: { pending: number; failed: { id: string; kind: string; last_error: string | null }[]; last_done_at: string | null }
}
