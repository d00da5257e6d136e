import type { ChatwootWebhookReceived } from "../../../modules/chatwoot/webhooks/events"
import { planContactUpdated } from "./contact"
import { planConversationEvent, planWidgetTriggered } from "./conversation"
import { planMessageEvent } from "./message"
import { emptyPlan, type PlanContext, type PlannerAccount, type PlannerAccountRow, type PreparedWebhook, type WebhookLookups } from "./types"

export * from "./types"
export { planContactUpdated } from "./contact"
export { mirrorInput, planConversationEvent, planWidgetTriggered } from "./conversation"
export { existingCustomer, orderFromAttribute, orderFromMention, orderRefFilters } from "./links"
export { planMessageEvent } from "./message"

type Planner = (ctx: PlanContext) => Promise<PreparedWebhook>

/** The planner of each event the plugin uses. */
export const WEBHOOK_PLANNERS: Record<string, Planner> = {
  conversation_created: planConversationEvent,
  conversation_updated: planConversationEvent,
  conversation_status_changed: planConversationEvent,
  message_created: planMessageEvent,
  message_updated: planMessageEvent,
  webwidget_triggered: planWidgetTriggered,
  contact_updated: planContactUpdated,
}

/**
 * Why a delivery is not planned at all: its account is gone or suspended,
 * or the payload names another Chatwoot account (Chatwoot ≥ 4.14.2 names
 * the account: a payload of another account never lands here).
 */
export function accountGate(input: ChatwootWebhookReceived, row: PlannerAccountRow | null | undefined): string | null {
  if (!row) return "account deleted"
  if (row.status === "suspended") return "account suspended"
  const named = (input.payload.account as { id?: unknown } | undefined)?.id
  if (typeof named === "number" && row.chatwoot_account_id && named !== row.chatwoot_account_id) return "payload of another account"
  return null
}

/**
 * Decides what one verified delivery changes: the conversation mirror, the
 * newest customer message or agent reply, a contact change for review,
 * routing. Writes nothing; reads only through `lookups`.
 */
export async function planWebhook(
  input: ChatwootWebhookReceived,
  row: PlannerAccountRow | null | undefined,
  lookups: WebhookLookups
): Promise<PreparedWebhook> {
  const skipped = accountGate(input, row)
  if (skipped || !row) return { ...emptyPlan(input.delivery_id), skipped }
  const account: PlannerAccount = { id: row.id, status: row.status, sales_channel_ids: row.storefronts.map((s) => s.sales_channel_id) }
  const planner = WEBHOOK_PLANNERS[input.event]
  if (!planner) return { ...emptyPlan(input.delivery_id), skipped: `event ${input.event} not used` }
  return planner({ input, account, lookups })
}
