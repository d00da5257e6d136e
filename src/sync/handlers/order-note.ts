import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../../modules/chatwoot"
import type ChatwootModuleService from "../../modules/chatwoot/service"
import type { OrderChange, PrivateNotePayload } from "../jobs"
import {
  orderChangeNoteContent,
  orderChangeNoteSourceId,
  orderNoteContent,
  orderNoteSourceId,
  type ChangeFulfillment,
  type ChangeRefund,
  type NoteOrder,
  type OrderChangeNote,
} from "./order-note-content"
import { activeAccount, SyncNotReadyError, type SyncHandler } from "./shared"

/**
 * The note a posted row finishes with. Rows have no result column, so the
 * finished row's note (stored in `last_error`) says where it went; this pair
 * of functions is the only place that writes and reads that text.
 */
const NOTE_SENT = "note in conversation"
const sentNote = (conversationId: number) => `${NOTE_SENT} ${conversationId}`
const wasSent = (note: string | null | undefined) => !!note?.startsWith(NOTE_SENT)

/** Attempts a note waits for its contact to be created before it is dropped. */
const NOTE_CONTACT_ATTEMPTS = 4

/** What one note is: how a re-send is detected, and its text, built once it is due (null: what it is about is gone). */
type NoteSpec = { sourceId: string; content: () => Promise<string | null>; gone: string }

type Query = { graph(config: { entity: string; fields: string[]; filters: Record<string, unknown> }): Promise<{ data: unknown[] }> }

async function first<T>(query: Query, entity: string, fields: string[], id: string): Promise<T | null> {
  const { data } = await query.graph({ entity, fields, filters: { id } })
  return (data[0] as T | undefined) ?? null
}

/** An order change with the fulfillment or refund it is about; null when the order is not (or no longer) in that state. */
async function loadChange(query: Query, orderId: string, change: OrderChange, ref: string): Promise<OrderChangeNote | null> {
  const order = await first<OrderChangeNote["order"] & { status?: string }>(query, "order", ["id", "display_id", "currency_code", "status"], orderId)
  // a canceled note only for an order that is canceled (an event re-delivered after a change back is stale)
  if (!order || (change === "canceled" && order.status !== "canceled")) return null
  const note: OrderChangeNote = { change, order }
  if (change === "fulfilled" || change === "shipped") {
    const fields = ["id", "labels.tracking_number", "labels.tracking_url", "items.title", "items.quantity", "items.line_item_id"]
    note.fulfillment = await first<ChangeFulfillment>(query, "fulfillment", fields, ref)
  } else if (change === "refunded") {
    note.refund = await first<ChangeRefund>(query, "refund", ["id", "amount", "note"], ref)
  }
  return note
}

/** The note a row asks for: a placed order's summary, or (with a `change`) the change; a string when the row is incomplete. */
function noteSpec(query: Query, payload: PrivateNotePayload, publicUrl: () => string | null | undefined): NoteSpec | string {
  const { order_id: orderId, change, ref } = payload
  if (change) {
    if (!orderId || !ref) return "skipped: incomplete change"
    return {
      sourceId: orderChangeNoteSourceId(orderId, change, ref),
      content: async () => {
        const note = await loadChange(query, orderId, change, ref)
        return note ? orderChangeNoteContent(note, publicUrl()) : null
      },
      gone: "skipped: order not found or not in that state",
    }
  }
  if (!orderId) return "skipped: no order"
  return {
    sourceId: orderNoteSourceId(orderId),
    content: async () => {
      const fields = ["id", "display_id", "currency_code", "total", "items.title", "items.quantity"]
      const order = await first<NoteOrder>(query, "order", fields, orderId)
      return order ? orderNoteContent(order, publicUrl()) : null
    },
    gone: "skipped: order not found",
  }
}

/**
 * private_note: a placed order's summary, or an order change (shipped,
 * canceled, refunded…), as a private note in the contact's open conversation
 * in this account (the latest active one), once per note: skipped when
 * another row of the same key posted it, or the conversation already holds a
 * message with the note's source_id. No open conversation, no note.
 */
export const privateNote: SyncHandler<"private_note"> = async (container: MedusaContainer, row) => {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
  const spec = noteSpec(query, row.payload, () => chatwoot.getPublicOptions().public_url)
  if (typeof spec === "string") return { note: spec }
  const gate = await activeAccount(chatwoot, row.account_id)
  if ("skipped" in gate) return gate.skipped
  const { account } = gate

  const done = await chatwoot.listChatwootSyncJobs({ coalesce_key: row.coalesce_key, status: "done" }, { select: ["id", "last_error"] })
  // a done row of this key that posted; skipped rows do not count
  if (done.some((r) => r.id !== row.id && wasSent(r.last_error))) return { note: "skipped: note already sent" }

  const api = chatwoot.accountApi(account)
  const [known] = await chatwoot.listChatwootContacts({ account_id: account.id, customer_id: row.subject })
  const contactId = known?.chatwoot_contact_id ?? (await api.contacts.findByIdentifier(row.subject))?.id
  if (!contactId) {
    // the contact's upsert is queued with the note: wait for it a few times
    if (row.attempts < NOTE_CONTACT_ATTEMPTS) throw new SyncNotReadyError(`no contact yet for ${row.subject}`)
    return { note: "skipped: no contact" }
  }
  const conversation = (await api.contacts.conversations(contactId))
    .filter((c) => c.status === "open")
    .sort((a, b) => (b.last_activity_at ?? 0) - (a.last_activity_at ?? 0) || b.id - a.id)[0]
  if (!conversation) return { note: "skipped: no open conversation" }

  const { payload: messages } = await api.messages.list(conversation.id)
  if (messages.some((m) => m.source_id === spec.sourceId)) return { note: "skipped: note already in conversation" }

  const content = await spec.content()
  if (content === null) return { note: spec.gone }
  await api.messages.create(conversation.id, { content, private: true, message_type: "outgoing", source_id: spec.sourceId })
  return { note: sentNote(conversation.id) }
}
