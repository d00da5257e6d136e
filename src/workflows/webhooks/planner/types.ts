import type { ConversationMirrorInput } from "../../../modules/chatwoot/service"
import type { ChatwootWebhookReceived } from "../../../modules/chatwoot/webhooks/events"

export type PreparedMessage = {
  account_id: string
  chatwoot_conversation_id: number
  from: "customer" | "agent"
  at: Date
  preview: string | null
  mentioned_order_id: string | null
}

export type PreparedContactChange = {
  account_id: string
  customer_id: string
  chatwoot_contact_id: number
  changes: Record<string, unknown>
}

/** What one delivery changes, decided before anything is written. */
export type PreparedWebhook = {
  delivery_id: string
  skipped: string | null
  conversation: ConversationMirrorInput | null
  message: PreparedMessage | null
  contact_change: PreparedContactChange | null
  /** Conversation (display id) to route: a new conversation. */
  route_conversation_id: number | null
  /** Customer whose open conversations are routed again (their tier may have changed). */
  reroute_customer_id: string | null
}

/** The plugin account a delivery belongs to, with the sales channels of its storefronts. */
export type PlannerAccount = { id: string; status: string; sales_channel_ids: string[] }

/** The account row as the step loads it (with its storefronts). */
export type PlannerAccountRow = {
  id: string
  status: string
  chatwoot_account_id: number | null
  storefronts: { sales_channel_id: string }[]
}

export type PlannerOrder = {
  id: string
  display_id: number
  customer_id: string | null
  email: string | null
  sales_channel_id: string | null
}

export type PlannerCustomer = { email: string | null; first_name: string | null; last_name: string | null; phone: string | null }

/**
 * The reads a plan needs (Medusa and the plugin's tables). The planners only
 * ask; the rules about what the answers mean stay in the planners.
 */
export type WebhookLookups = {
  /** The sales channel of one of the account's inboxes, when the plugin knows it. */
  inboxSalesChannel(accountId: string, chatwootInboxId: number): Promise<string | null>
  /** The mirror row's recorded owner and how it was verified. */
  recordedOwner(accountId: string, chatwootConversationId: number): Promise<{ customer_id: string | null; identity_source: string | null } | null>
  /** Whether a Medusa customer with this id exists. */
  customerExists(id: string): Promise<boolean>
  customer(id: string): Promise<PlannerCustomer | null>
  orders(filters: { id?: string; display_id?: number | number[]; customer_id?: string }): Promise<PlannerOrder[]>
  /** Guest customer records (no account) with this e-mail. */
  guestCustomerIds(email: string | null): Promise<string[]>
}

export type PlanContext = {
  input: ChatwootWebhookReceived
  account: PlannerAccount
  lookups: WebhookLookups
}

export function emptyPlan(deliveryId: string): PreparedWebhook {
  return {
    delivery_id: deliveryId,
    skipped: null,
    conversation: null,
    message: null,
    contact_change: null,
    route_conversation_id: null,
    reroute_customer_id: null,
  }
}
