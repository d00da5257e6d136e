import { generateEntityId } from "@medusajs/framework/utils"
import { rowsOf, type EntityManager } from "./manager"

/* The conversation mirror (table `chatwoot_conversation`), kept by the webhook receiver and the contact form. */

export type ConversationMirrorInput = {
  account_id: string
  sales_channel_id?: string | null
  chatwoot_conversation_id: number
  chatwoot_inbox_id?: number | null
  chatwoot_contact_id?: number | null
  customer_id?: string | null
  /** How customer_id was verified (identity-trust.ts); ignored without a customer_id. */
  identity_source?: "hmac" | "contact_form" | null
  email?: string | null
  order_id?: string | null
  status: "open" | "resolved" | "pending" | "snoozed"
  priority?: string | null
  assignee_id?: number | null
  assignee_name?: string | null
  team_id?: number | null
  team_name?: string | null
  labels?: string[]
  unread_count?: number
  chatwoot_created_at?: Date | null
  chatwoot_updated_at: Date
}

export type ContactFormConversationInput = {
  account_id: string
  sales_channel_id: string | null
  chatwoot_conversation_id: number
  customer_id: string
  email?: string | null
}

export type ConversationMessageInput = {
  account_id: string
  chatwoot_conversation_id: number
  from: "customer" | "agent"
  at: Date
  preview: string | null
  mentioned_order_id?: string | null
}

/**
 * Inserts or updates the mirror of a conversation, atomically and only
 * forwards: a delivery whose `chatwoot_updated_at` is older than the stored
 * one changes nothing (returns null). Links (customer, order) are never
 * cleared by a delivery that does not carry them.
 */
export async function upsertConversationMirror(
  manager: EntityManager,
  data: ConversationMirrorInput
): Promise<{ row: Record<string, unknown>; inserted: boolean } | null> {
  const rows = await rowsOf<Record<string, unknown> & { inserted: boolean }>(
    manager,
    `insert into chatwoot_conversation
       (id, account_id, sales_channel_id, chatwoot_conversation_id, chatwoot_inbox_id, chatwoot_contact_id,
        customer_id, identity_source, email, order_id, order_link_source, status, priority, assignee_id, assignee_name,
        team_id, team_name, labels, unread_count, chatwoot_created_at, chatwoot_updated_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, now(), now())
     on conflict (account_id, chatwoot_conversation_id) where deleted_at is null do update set
       sales_channel_id = coalesce(excluded.sales_channel_id, chatwoot_conversation.sales_channel_id),
       chatwoot_inbox_id = coalesce(excluded.chatwoot_inbox_id, chatwoot_conversation.chatwoot_inbox_id),
       chatwoot_contact_id = coalesce(excluded.chatwoot_contact_id, chatwoot_conversation.chatwoot_contact_id),
       -- a conversation the plugin created for a logged-in customer stays theirs (identity-trust.ts)
       customer_id = case when chatwoot_conversation.identity_source = 'contact_form' then chatwoot_conversation.customer_id
                          else coalesce(excluded.customer_id, chatwoot_conversation.customer_id) end,
       identity_source = case when chatwoot_conversation.identity_source = 'contact_form' then 'contact_form'
                              when excluded.customer_id is not null then excluded.identity_source
                              else chatwoot_conversation.identity_source end,
       email = coalesce(excluded.email, chatwoot_conversation.email),
       order_id = coalesce(excluded.order_id, chatwoot_conversation.order_id),
       order_link_source = case when excluded.order_id is not null then excluded.order_link_source
                                else chatwoot_conversation.order_link_source end,
       status = excluded.status,
       priority = excluded.priority,
       assignee_id = excluded.assignee_id,
       assignee_name = excluded.assignee_name,
       team_id = excluded.team_id,
       team_name = excluded.team_name,
       labels = excluded.labels,
       unread_count = excluded.unread_count,
       chatwoot_created_at = coalesce(chatwoot_conversation.chatwoot_created_at, excluded.chatwoot_created_at),
       chatwoot_updated_at = excluded.chatwoot_updated_at,
       updated_at = now()
     where chatwoot_conversation.chatwoot_updated_at is null
        or excluded.chatwoot_updated_at >= chatwoot_conversation.chatwoot_updated_at
     returning *, (xmax = 0) as inserted`,
    [
      generateEntityId(undefined, "cwconv"),
      data.account_id,
      data.sales_channel_id ?? null,
      data.chatwoot_conversation_id,
      data.chatwoot_inbox_id ?? null,
      data.chatwoot_contact_id ?? null,
      data.customer_id ?? null,
      data.customer_id ? (data.identity_source ?? null) : null,
      data.email ?? null,
      data.order_id ?? null,
      data.order_id ? "attribute" : null,
      data.status,
      data.priority ?? null,
      data.assignee_id ?? null,
      data.assignee_name ?? null,
      data.team_id ?? null,
      data.team_name ?? null,
      JSON.stringify(data.labels ?? []),
      data.unread_count ?? 0,
      data.chatwoot_created_at ?? null,
      data.chatwoot_updated_at,
    ]
  )
  if (!rows.length) return null
  const { inserted, ...row } = rows[0]
  return { row, inserted: Boolean(inserted) }
}

/**
 * Records that the plugin created a conversation for a logged-in customer
 * (the contact form with a customer token): the mirror row belongs to that
 * customer whatever a later webhook carries (identity-trust.ts). Creates
 * the row when no webhook has yet; a later delivery fills in the rest.
 */
export async function claimContactFormConversation(manager: EntityManager, input: ContactFormConversationInput): Promise<void> {
  await manager.execute(
    `insert into chatwoot_conversation
       (id, account_id, sales_channel_id, chatwoot_conversation_id, customer_id, identity_source, email, status, unread_count, created_at, updated_at)
     values (?, ?, ?, ?, ?, 'contact_form', ?, 'open', 0, now(), now())
     on conflict (account_id, chatwoot_conversation_id) where deleted_at is null do update set
       customer_id = excluded.customer_id,
       identity_source = 'contact_form',
       sales_channel_id = coalesce(chatwoot_conversation.sales_channel_id, excluded.sales_channel_id),
       email = coalesce(excluded.email, chatwoot_conversation.email),
       updated_at = now()`,
    [
      generateEntityId(undefined, "cwconv"),
      input.account_id,
      input.sales_channel_id,
      input.chatwoot_conversation_id,
      input.customer_id,
      input.email ?? null,
    ]
  )
}

/**
 * Records a message on the mirror: the newest customer message or agent
 * reply time only ever moves forwards, the preview follows the newest one.
 * An order the customer mentioned links the conversation unless the
 * conversation's own `order_id` attribute already did.
 */
export async function recordConversationMessage(manager: EntityManager, input: ConversationMessageInput): Promise<boolean> {
  const column = input.from === "customer" ? "last_customer_message_at" : "last_agent_reply_at"
  const other = input.from === "customer" ? "last_agent_reply_at" : "last_customer_message_at"
  const mentioned = input.mentioned_order_id ?? null
  const rows = await rowsOf<{ id: string }>(
    manager,
    `update chatwoot_conversation set
       ${column} = greatest(coalesce(${column}, ?), ?),
       last_message = case when ? >= coalesce(greatest(${column}, ${other}), ?) then ? else last_message end,
       order_id = case when ?::text is not null and order_link_source is distinct from 'attribute' then ? else order_id end,
       order_link_source = case when ?::text is not null and order_link_source is distinct from 'attribute' then 'mention' else order_link_source end,
       updated_at = now()
     where account_id = ? and chatwoot_conversation_id = ? and deleted_at is null
     returning id`,
    [input.at, input.at, input.at, input.at, input.preview, mentioned, mentioned, mentioned, input.account_id, input.chatwoot_conversation_id]
  )
  return rows.length > 0
}
