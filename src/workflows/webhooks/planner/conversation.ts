import { identityVerdict } from "../../../modules/chatwoot/identity-trust"
import type { ConversationMirrorInput } from "../../../modules/chatwoot/service"
import { conversationSnapshot, type ConversationSnapshot } from "../mirror-data"
import { existingCustomer, orderFromAttribute } from "./links"
import { emptyPlan, type PlanContext, type PlannerAccount, type PreparedWebhook, type WebhookLookups } from "./types"

async function salesChannelOfInbox(lookups: WebhookLookups, account: PlannerAccount, inboxId: number | null) {
  if (inboxId !== null) {
    const salesChannelId = await lookups.inboxSalesChannel(account.id, inboxId)
    if (salesChannelId) return salesChannelId
  }
  // API / e-mail inboxes serve the whole account: its storefront when there is one
  return account.sales_channel_ids.length === 1 ? account.sales_channel_ids[0] : null
}

/** The conversation mirror row a snapshot gives, with its customer and order links confirmed. */
export async function mirrorInput(
  lookups: WebhookLookups,
  account: PlannerAccount,
  snap: ConversationSnapshot
): Promise<ConversationMirrorInput> {
  const salesChannelId = await salesChannelOfInbox(lookups, account, snap.chatwoot_inbox_id)
  // one rule (identity-trust.ts): the identifier counts only when Chatwoot marks the session
  // HMAC-verified; a conversation the plugin created for a logged-in customer keeps its recorded
  // owner (upsertConversationMirror never overwrites it); anything else is a guest's claim
  const recorded = await lookups.recordedOwner(account.id, snap.chatwoot_conversation_id)
  const claimed = recorded?.identity_source === "contact_form" && recorded.customer_id ? recorded.customer_id : null
  const verdict = identityVerdict({ hmac_verified: snap.identity_verified, recorded_source: claimed ? "contact_form" : null })
  const customerId = claimed ?? (verdict.verified ? await existingCustomer(lookups, snap.identifier) : null)
  return {
    account_id: account.id,
    sales_channel_id: salesChannelId,
    chatwoot_conversation_id: snap.chatwoot_conversation_id,
    chatwoot_inbox_id: snap.chatwoot_inbox_id,
    chatwoot_contact_id: snap.chatwoot_contact_id,
    customer_id: customerId,
    identity_source: customerId ? verdict.source : null,
    email: snap.email,
    order_id: await orderFromAttribute(lookups, account, snap, customerId),
    status: snap.status,
    priority: snap.priority,
    assignee_id: snap.assignee_id,
    assignee_name: snap.assignee_name,
    team_id: snap.team_id,
    team_name: snap.team_name,
    labels: snap.labels,
    unread_count: snap.unread_count,
    chatwoot_created_at: snap.chatwoot_created_at,
    chatwoot_updated_at: snap.chatwoot_updated_at,
  }
}

/** `conversation_created` / `_updated` / `_status_changed`: the mirror; a new conversation is routed. */
export async function planConversationEvent({ input, account, lookups }: PlanContext): Promise<PreparedWebhook> {
  const out = emptyPlan(input.delivery_id)
  const snap = conversationSnapshot(input.payload)
  if (!snap) return { ...out, skipped: "unreadable conversation" }
  out.conversation = await mirrorInput(lookups, account, snap)
  if (input.event === "conversation_created") out.route_conversation_id = snap.chatwoot_conversation_id
  return out
}

/** `webwidget_triggered`: the mirror of the visitor's current conversation, when there is one. */
export async function planWidgetTriggered({ input, account, lookups }: PlanContext): Promise<PreparedWebhook> {
  const out = emptyPlan(input.delivery_id)
  const snap = conversationSnapshot(input.payload.current_conversation)
  if (snap) out.conversation = await mirrorInput(lookups, account, snap)
  else out.skipped = "no conversation yet"
  return out
}
