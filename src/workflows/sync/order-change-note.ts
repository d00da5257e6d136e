import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../../modules/chatwoot"
import type ChatwootModuleService from "../../modules/chatwoot/service"
import type { SyncJobRow } from "../../modules/chatwoot/sync-queue"
import { medusaAdminUrl } from "../../lib/admin-urls"

type Amount = unknown
type ChangeOrder = {
  id: string
  display_id?: number | null
  currency_code: string
  items?: { id: string; title?: string | null; quantity?: unknown }[] | null
}
type ChangeFulfillment = {
  id: string
  labels?: { tracking_number?: string | null; tracking_url?: string | null }[] | null
  items?: { title?: string | null; quantity?: unknown; line_item_id?: string | null }[] | null
}
type ChangeRefund = { id: string; amount?: Amount; note?: string | null }

export type OrderChangeNote = {
  change: "fulfilled" | "shipped" | "canceled" | "refunded"
  order: ChangeOrder
  fulfillment?: ChangeFulfillment | null
  refund?: ChangeRefund | null
}

function money(amount: Amount, currency: string) {
  const value = Number(typeof amount === "object" && amount !== null && "numeric" in amount ? (amount as { numeric: unknown }).numeric : amount)
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(value)
  } catch {
    return `${value.toFixed(2)} ${currency.toUpperCase()}`
  }
}

/** The private note's text for an order change (pure). */
export function orderChangeNoteContent(note: OrderChangeNote, publicUrl: string | null | undefined): string {
  const { order } = note
  const name = `Order #${order.display_id ?? order.id}`
  const items = (note.fulfillment?.items ?? []).map((i) => `- ${Number(i.quantity ?? 0)} × ${i.title ?? "item"}`)
  const lines: string[] = []
  switch (note.change) {
    case "fulfilled":
      lines.push(`${name}: items packed for shipping`, ...items)
      break
    case "shipped": {
      lines.push(`${name} shipped`, ...items)
      for (const label of note.fulfillment?.labels ?? []) {
        if (label.tracking_number || label.tracking_url) {
          lines.push(`Tracking: ${[label.tracking_number, label.tracking_url].filter(Boolean).join(" — ")}`)
        }
      }
      break
    }
    case "canceled":
      lines.push(`${name} was canceled`)
      break
    case "refunded":
      lines.push(
        `${name}: refund of ${money(note.refund?.amount ?? 0, order.currency_code)}${note.refund?.note ? ` (${note.refund.note})` : ""}`
      )
      break
  }
  if (publicUrl) lines.push(medusaAdminUrl(publicUrl, `orders/${order.id}`))
  return lines.join("\n")
}

/** Chatwoot `source_id` of a change note: how a re-send is detected. */
export const orderChangeNoteSourceId = (orderId: string, change: string, ref: string) => `medusa-order-${orderId}-${change}-${ref}`

const NOTE_SENT = "note in conversation"
const NOTE_CONTACT_ATTEMPTS = 4

export class OrderNoteNotReadyError extends Error {
  name = "SyncNotReadyError"
}

async function loadChange(container: MedusaContainer, payload: { order_id: string; change: OrderChangeNote["change"]; ref: string }) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "currency_code", "status"],
    filters: { id: payload.order_id },
  })
  const order = orders[0] as (ChangeOrder & { status?: string }) | undefined
  // a canceled note only for an order that is canceled (an event re-delivered after a change back is stale)
  if (!order || (payload.change === "canceled" && order.status !== "canceled")) return null
  const note: OrderChangeNote = { change: payload.change, order }
  if (payload.change === "fulfilled" || payload.change === "shipped") {
    const { data } = await query.graph({
      entity: "fulfillment",
      fields: ["id", "labels.tracking_number", "labels.tracking_url", "items.title", "items.quantity", "items.line_item_id"],
      filters: { id: payload.ref },
    })
    note.fulfillment = (data[0] as ChangeFulfillment | undefined) ?? null
  } else if (payload.change === "refunded") {
    const { data } = await query.graph({ entity: "refund", fields: ["id", "amount", "note"], filters: { id: payload.ref } })
    note.refund = (data[0] as ChangeRefund | undefined) ?? null
  }
  return note
}

/**
 * private_note with a `change` (shipped, canceled, refunded…): the change as
 * a private note in the contact's latest open conversation of the account,
 * once per change (a done row of the same key that posted, or a message with
 * the same source_id, means it was sent). No open conversation, no note.
 */
export async function orderChangeNote(container: MedusaContainer, row: SyncJobRow): Promise<{ note?: string }> {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const payload = (row.payload ?? {}) as { order_id?: string; change?: OrderChangeNote["change"]; ref?: string }
  if (!payload.order_id || !payload.change || !payload.ref) return { note: "skipped: incomplete change" }
  const [account] = await chatwoot.listChatwootAccounts({ id: row.account_id })
  if (!account) return { note: "skipped: account deleted" }
  if (account.status === "suspended") return { note: "skipped: account suspended" }
  if (account.status !== "active") throw new OrderNoteNotReadyError(`account ${account.id} is ${account.status}`)

  const sent = await chatwoot.listChatwootSyncJobs({ coalesce_key: row.coalesce_key, status: "done" }, { select: ["id", "last_error"] })
  if (sent.some((r) => r.id !== row.id && r.last_error?.startsWith(NOTE_SENT))) return { note: "skipped: note already sent" }

  const api = chatwoot.accountApi(account)
  const [known] = await chatwoot.listChatwootContacts({ account_id: account.id, customer_id: row.subject })
  const contactId = known?.chatwoot_contact_id ?? (await api.contacts.findByIdentifier(row.subject))?.id
  if (!contactId) {
    if (row.attempts < NOTE_CONTACT_ATTEMPTS) throw new OrderNoteNotReadyError(`no contact yet for ${row.subject}`)
    return { note: "skipped: no contact" }
  }
  const conversation = (await api.contacts.conversations(contactId))
    .filter((c) => c.status === "open")
    .sort((a, b) => (b.last_activity_at ?? 0) - (a.last_activity_at ?? 0) || b.id - a.id)[0]
  if (!conversation) return { note: "skipped: no open conversation" }

  const sourceId = orderChangeNoteSourceId(payload.order_id, payload.change, payload.ref)
  const { payload: messages } = await api.messages.list(conversation.id)
  if (messages.some((m) => m.source_id === sourceId)) return { note: "skipped: note already in conversation" }

  const change = await loadChange(container, { order_id: payload.order_id, change: payload.change, ref: payload.ref })
  if (!change) return { note: "skipped: order not found or not in that state" }
  await api.messages.create(conversation.id, {
    content: orderChangeNoteContent(change, chatwoot.getPublicOptions().public_url),
    private: true,
    message_type: "outgoing",
    source_id: sourceId,
  })
  return { note: `${NOTE_SENT} ${conversation.id}` }
}
