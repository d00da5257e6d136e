import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import type { ConversationMirrorInput } from "../../../modules/chatwoot/service"
import type { ChatwootWebhookReceived } from "../../../modules/chatwoot/webhooks/events"
import {
  contactDifferences,
  contactFacts,
  conversationSnapshot,
  messageFacts,
  orderNumbersIn,
  tierMayHaveChanged,
  type ConversationSnapshot,
} from "../mirror-data"
import { toE164 } from "../../../lib/phone"
import { guestCustomerIds, identityVerdict, isGuestOrder } from "../../../modules/chatwoot/identity-trust"
import { contactName } from "../../../lib/customer-name"

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

type Account = { id: string; status: string; sales_channel_ids: string[] }

async function customerExists(container: MedusaContainer, id: string | null) {
  if (!id || !id.startsWith("cus_")) return null
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { id } })
  return data[0] ? id : null
}

type OrderRow = { id: string; display_id: number; customer_id: string | null; email: string | null; sales_channel_id: string | null }
const ORDER_FIELDS = ["id", "display_id", "customer_id", "email", "sales_channel_id"]

/**
 * The `order_id` conversation attribute (an order id or display number)
 * links an order of the account's storefronts that belongs to the
 * conversation's verified customer (or, otherwise, a guest order placed with
 * the conversation's e-mail).
 */
async function orderFromAttribute(container: MedusaContainer, account: Account, snap: ConversationSnapshot, customerId: string | null) {
  const ref = snap.order_ref
  if (!ref) return null
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const filters = /^\d{1,9}$/.test(ref) ? { display_id: Number(ref) } : ref.startsWith("order_") ? { id: ref } : null
  if (!filters) return null
  const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters })
  const guests = customerId ? [] : await guestCustomerIds(query, snap.email)
  const order = (data as OrderRow[]).find(
    (o) =>
      o.sales_channel_id !== null &&
      account.sales_channel_ids.includes(o.sales_channel_id) &&
      // an unverified e-mail only ever matches a guest order (identity-trust.ts)
      (customerId ? o.customer_id === customerId : isGuestOrder(o, guests) && !!snap.email && o.email?.toLowerCase() === snap.email)
  )
  return order?.id ?? null
}

/** An order number the customer wrote, confirmed to be one of their orders in this account's storefronts. */
async function orderFromMention(container: MedusaContainer, account: Account, customerId: string | null, content: string | null) {
  // order numbers are looked for only in a conversation linked to a customer
  if (!customerId) return null
  const numbers = orderNumbersIn(content)
  if (!numbers.length) return null
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ORDER_FIELDS,
    filters: { display_id: numbers, customer_id: customerId },
  })
  const mine = (data as OrderRow[]).filter((o) => o.sales_channel_id && account.sales_channel_ids.includes(o.sales_channel_id))
  for (const n of numbers) {
    const hit = mine.find((o) => o.display_id === n)
    if (hit) return hit.id
  }
  return null
}

async function salesChannelOfInbox(chatwoot: ChatwootModuleService, account: Account, inboxId: number | null) {
  if (inboxId !== null) {
    const [inbox] = await chatwoot.listChatwootInboxes({ account_id: account.id, chatwoot_inbox_id: inboxId }, { select: ["sales_channel_id"] })
    if (inbox?.sales_channel_id) return inbox.sales_channel_id
  }
  // API / e-mail inboxes serve the whole account: its storefront when there is one
  return account.sales_channel_ids.length === 1 ? account.sales_channel_ids[0] : null
}

async function mirrorInput(
  container: MedusaContainer,
  chatwoot: ChatwootModuleService,
  account: Account,
  snap: ConversationSnapshot
): Promise<ConversationMirrorInput> {
  const salesChannelId = await salesChannelOfInbox(chatwoot, account, snap.chatwoot_inbox_id)
  // one rule (identity-trust.ts): the identifier counts only when Chatwoot marks the session
  // HMAC-verified; a conversation the plugin created for a logged-in customer keeps its recorded
  // owner (upsertConversationMirror never overwrites it); anything else is a guest's claim
  const [recorded] = await chatwoot.listChatwootConversations(
    { account_id: account.id, chatwoot_conversation_id: snap.chatwoot_conversation_id },
    { take: 1, select: ["customer_id", "identity_source"] }
  )
  const claimed = recorded?.identity_source === "contact_form" && recorded.customer_id ? recorded.customer_id : null
  const verdict = identityVerdict({ hmac_verified: snap.identity_verified, recorded_source: claimed ? "contact_form" : null })
  const customerId = claimed ?? (verdict.verified ? await customerExists(container, snap.identifier) : null)
  return {
    account_id: account.id,
    sales_channel_id: salesChannelId,
    chatwoot_conversation_id: snap.chatwoot_conversation_id,
    chatwoot_inbox_id: snap.chatwoot_inbox_id,
    chatwoot_contact_id: snap.chatwoot_contact_id,
    customer_id: customerId,
    identity_source: customerId ? verdict.source : null,
    email: snap.email,
    order_id: await orderFromAttribute(container, account, snap, customerId),
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

/**
 * Reads one verified delivery and decides what it changes: the conversation
 * mirror (conversation events, a message's or widget trigger's embedded
 * conversation), the newest customer message or agent reply, a contact change
 * for review, routing. Links are confirmed against Medusa here: a customer by
 * the contact's identifier, an order by the conversation's `order_id`
 * attribute or an order number the customer wrote. Writes nothing.
 */
export const prepareChatwootWebhookStep = createStep(
  "chatwoot-prepare-webhook",
  async (input: ChatwootWebhookReceived, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const out: PreparedWebhook = {
      delivery_id: input.delivery_id,
      skipped: null,
      conversation: null,
      message: null,
      contact_change: null,
      route_conversation_id: null,
      reroute_customer_id: null,
    }
    const [row] = await chatwoot.listChatwootAccounts({ id: input.account_id }, { relations: ["storefronts"] })
    if (!row) return new StepResponse({ ...out, skipped: "account deleted" })
    if (row.status === "suspended") return new StepResponse({ ...out, skipped: "account suspended" })
    const account: Account = { id: row.id, status: row.status, sales_channel_ids: row.storefronts.map((s) => s.sales_channel_id) }
    const payload = input.payload
    // Chatwoot ≥ 4.14.2 names the account: a payload of another account never lands here
    const named = (payload.account as { id?: unknown } | undefined)?.id
    if (typeof named === "number" && row.chatwoot_account_id && named !== row.chatwoot_account_id) {
      return new StepResponse({ ...out, skipped: "payload of another account" })
    }

    switch (input.event) {
      case "conversation_created":
      case "conversation_updated":
      case "conversation_status_changed": {
        const snap = conversationSnapshot(payload)
        if (!snap) return new StepResponse({ ...out, skipped: "unreadable conversation" })
        out.conversation = await mirrorInput(container, chatwoot, account, snap)
        if (input.event === "conversation_created") out.route_conversation_id = snap.chatwoot_conversation_id
        break
      }
      case "message_created":
      case "message_updated": {
        const snap = conversationSnapshot(payload.conversation)
        if (!snap) return new StepResponse({ ...out, skipped: "unreadable conversation" })
        out.conversation = await mirrorInput(container, chatwoot, account, snap)
        const facts = messageFacts(payload)
        if (input.event === "message_created" && facts.from && facts.at) {
          out.message = {
            account_id: account.id,
            chatwoot_conversation_id: snap.chatwoot_conversation_id,
            from: facts.from,
            at: facts.at,
            preview: facts.preview,
            mentioned_order_id:
              facts.from === "customer" ? await orderFromMention(container, account, out.conversation.customer_id ?? null, facts.content) : null,
          }
        }
        break
      }
      case "webwidget_triggered": {
        const snap = conversationSnapshot(payload.current_conversation)
        if (snap) out.conversation = await mirrorInput(container, chatwoot, account, snap)
        else out.skipped = "no conversation yet"
        break
      }
      case "contact_updated": {
        const facts = contactFacts(payload)
        const customerId = await customerExists(container, facts?.identifier ?? null)
        if (!facts || !customerId) return new StepResponse({ ...out, skipped: "not a Medusa customer" })
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const { data } = await query.graph({
          entity: "customer",
          fields: ["id", "email", "first_name", "last_name", "phone"],
          filters: { id: customerId },
        })
        const c = data[0] as { email: string | null; first_name: string | null; last_name: string | null; phone: string | null }
        // the name the contact sync sends
        const name = contactName({ ...c, id: customerId })
        const diff = contactDifferences(facts, {
          name,
          email: c.email?.toLowerCase() ?? null,
          phone_number: toE164(c.phone) ?? c.phone ?? null,
        })
        if (Object.keys(diff).length) {
          out.contact_change = { account_id: account.id, customer_id: customerId, chatwoot_contact_id: facts.chatwoot_contact_id, changes: diff }
        }
        if (tierMayHaveChanged(payload)) out.reroute_customer_id = customerId
        break
      }
      default:
        out.skipped = `event ${input.event} not used`
    }
    return new StepResponse(out)
  }
)
