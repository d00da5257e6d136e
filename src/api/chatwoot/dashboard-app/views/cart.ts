import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { amount, roundMoney as round } from "../../../../lib/money"
import type { DashboardSubject } from "../helpers"
import { iso, ownerFilter } from "./shared"

/** A cart as the app reads it. */
type CartRecord = {
  id: string
  currency_code: string
  total?: unknown
  updated_at?: string | Date | null
  items?: ({ title: string; variant_title?: string | null; quantity?: unknown; total?: unknown } | null)[] | null
}

type CartQuery = {
  graph(config: {
    entity: "cart"
    fields: string[]
    filters: Record<string, unknown>
    pagination: { take: number; order: Record<string, "ASC" | "DESC"> }
  }): Promise<{ data: CartRecord[] }>
}

/** The open cart as the app shows it; null when it has no items. */
export function cartView(cart: CartRecord | undefined) {
  const items = (cart?.items ?? []).filter((i): i is NonNullable<typeof i> => !!i)
  if (!cart || !(cart.items ?? []).length) return null
  return {
    id: cart.id,
    currency_code: cart.currency_code,
    total: round(amount(cart.total)),
    updated_at: iso(cart.updated_at),
    items: items.map((i) => ({
      title: i.variant_title ? `${i.title} (${i.variant_title})` : i.title,
      quantity: amount(i.quantity),
      total: round(amount(i.total)),
    })),
  }
}

/** The subject's latest open cart in the account's storefronts (a guest cart for an unverified subject). */
export async function loadCart(container: MedusaContainer, subject: DashboardSubject, channelIds: string[]) {
  if (!channelIds.length) return null
  const query = container.resolve<CartQuery>(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "currency_code", "total", "updated_at", "items.title", "items.variant_title", "items.quantity", "items.total"],
    filters: { ...ownerFilter(subject), sales_channel_id: channelIds, completed_at: null },
    pagination: { take: 1, order: { updated_at: "DESC" } },
  })
  return cartView(data[0])
}
