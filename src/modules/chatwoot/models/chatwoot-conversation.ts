import { model } from "@medusajs/framework/utils"

export const CONVERSATION_STATUSES = ["open", "resolved", "pending", "snoozed"] as const
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number]

/**
 * The plugin's mirror of one Chatwoot conversation, kept current from
 * webhooks (`conversation_*`, `message_created`) and linked to the Medusa
 * customer (by the contact's identifier) and, when known, to an order.
 *
 * `chatwoot_updated_at` is the `updated_at` of the newest delivery applied:
 * an older or duplicate delivery never moves the record backwards.
 */
const ChatwootConversation = model
  .define("chatwoot_conversation", {
    id: model.id({ prefix: "cwconv" }).primaryKey(),
    /** chatwoot_account row id */
    account_id: model.text(),
    /** Medusa sales channel of the conversation's inbox, when known. */
    sales_channel_id: model.text().nullable(),
    chatwoot_conversation_id: model.number(),
    chatwoot_inbox_id: model.number().nullable(),
    chatwoot_contact_id: model.number().nullable(),
    /** Medusa customer id, null for a guest or an unverified claim (see identity-trust.ts). */
    customer_id: model.text().nullable(),
    /**
     * How the customer link was verified: "hmac" (Chatwoot marked the contact
     * inbox HMAC-verified) or "contact_form" (the plugin created the
     * conversation for a logged-in customer). Null: not verified.
     */
    identity_source: model.enum(["hmac", "contact_form"]).nullable(),
    /** The contact's e-mail when the webhook carried one. */
    email: model.text().nullable(),
    /** Medusa order the conversation is about, when known and confirmed. */
    order_id: model.text().nullable(),
    status: model.enum([...CONVERSATION_STATUSES]).default("open"),
    priority: model.text().nullable(),
    assignee_id: model.number().nullable(),
    assignee_name: model.text().nullable(),
    team_id: model.number().nullable(),
    team_name: model.text().nullable(),
    labels: model.json().nullable(),
    /** The contact's tier at the time routing rules were last applied. */
    routed_tier: model.text().nullable(),
    /** When the storefront's routing rules were last applied (null: not yet). */
    routed_at: model.dateTime().nullable(),
    /** How the order link was found: the `order_id` conversation attribute or an order number the customer wrote. */
    order_link_source: model.enum(["attribute", "mention"]).nullable(),
    last_customer_message_at: model.dateTime().nullable(),
    last_agent_reply_at: model.dateTime().nullable(),
    /** A short preview of the newest customer or agent message. */
    last_message: model.text().nullable(),
    unread_count: model.number().default(0),
    chatwoot_created_at: model.dateTime().nullable(),
    chatwoot_updated_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["account_id", "chatwoot_conversation_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["customer_id"] },
    { on: ["order_id"] },
    { on: ["status", "account_id"] },
  ])

export default ChatwootConversation
