import { medusaAdminUrl } from "../../lib/admin-urls"
import { formatMoney } from "../../lib/money"
import type { OrderChange } from "../jobs"

/** A placed order as its note shows it. */
export type NoteOrder = {
  id: string
  display_id?: number | null
  currency_code: string
  total?: unknown
  items?: { title?: string | null; quantity?: unknown }[] | null
}

type ChangeOrder = {
  id: string
  display_id?: number | null
  currency_code: string
  items?: { id: string; title?: string | null; quantity?: unknown }[] | null
}
export type ChangeFulfillment = {
  id: string
  labels?: { tracking_number?: string | null; tracking_url?: string | null }[] | null
  items?: { title?: string | null; quantity?: unknown; line_item_id?: string | null }[] | null
}
export type ChangeRefund = { id: string; amount?: unknown; note?: string | null }

/** An order change with what its note shows. */
export type OrderChangeNote = {
  change: OrderChange
  order: ChangeOrder
  fulfillment?: ChangeFulfillment | null
  refund?: ChangeRefund | null
}

const orderName = (order: { id: string; display_id?: number | null }) => `Order #${order.display_id ?? order.id}`

const itemLines = (items: { title?: string | null; quantity?: unknown }[] | null | undefined) =>
  (items ?? []).map((i) => `- ${Number(i.quantity ?? 0)} × ${i.title ?? "item"}`)

/** The note's lines with the order's admin link last (when the public URL is known). */
function withAdminLink(lines: string[], orderId: string, publicUrl: string | null | undefined): string {
  if (publicUrl) lines.push(medusaAdminUrl(publicUrl, `orders/${orderId}`))
  return lines.join("\n")
}

/** The private note's text for a placed order: display id, total, items with quantities, admin link. */
export function orderNoteContent(order: NoteOrder, publicUrl: string | null | undefined): string {
  const lines = [`${orderName(order)} placed — total ${formatMoney(order.total ?? 0, order.currency_code)}`, ...itemLines(order.items)]
  return withAdminLink(lines, order.id, publicUrl)
}

/** The private note's text for an order change (pure). */
export function orderChangeNoteContent(note: OrderChangeNote, publicUrl: string | null | undefined): string {
  const { order } = note
  const name = orderName(order)
  const items = itemLines(note.fulfillment?.items)
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
    case "refunded": {
      const refund = note.refund
      lines.push(`${name}: refund of ${formatMoney(refund?.amount ?? 0, order.currency_code)}${refund?.note ? ` (${refund.note})` : ""}`)
      break
    }
  }
  return withAdminLink(lines, order.id, publicUrl)
}

/** Chatwoot `source_id` of a placed order's private note: how a re-send is detected. */
export const orderNoteSourceId = (orderId: string) => `medusa-order-${orderId}`

/** Chatwoot `source_id` of a change note: how a re-send is detected. */
export const orderChangeNoteSourceId = (orderId: string, change: string, ref: string) => `medusa-order-${orderId}-${change}-${ref}`
