export type ChatwootAccountStatus = "provisioning" | "active" | "suspended" | "failed"

export type AdminChatwootAccount = {
  id: string
  name: string
  mode: "provisioned" | "linked"
  status: ChatwootAccountStatus
  chatwoot_account_id: number | null
  locale: string | null
  last_error: string | null
  last_success_at: string | null
  storefronts: { id: string; sales_channel_id: string; enabled: boolean }[]
  inboxes: { id: string; kind: "website" | "api" | "email"; sales_channel_id: string | null; chatwoot_inbox_id: number | null }[]
}

export type AdminChatwootAccountList = {
  accounts: AdminChatwootAccount[]
  count: number
  offset: number
  limit: number
}
