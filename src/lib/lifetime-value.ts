import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { amount, roundMoney } from "./money"

/** Non-draft orders of one currency: how many, and the value of those not canceled. */
export type CurrencyTotal = { currency: string; count: number; total: number }

/**
 * Orders count, lifetime value and its currency, as the dashboard app and the
 * contact sync both show them: every non-draft order counts, canceled ones add
 * no value, and the value is the one of the currency most orders were placed
 * in (ties: the larger total).
 */
export type LifetimeValue = { count: number; lifetime_value: number; currency: string | null }

export function lifetimeValueOf(totals: CurrencyTotal[]): LifetimeValue {
  const main = [...totals].sort((a, b) => b.count - a.count || b.total - a.total)[0]
  return {
    count: totals.reduce((n, t) => n + t.count, 0),
    lifetime_value: roundMoney(main?.total ?? 0),
    currency: main?.currency ? main.currency.toUpperCase() : null,
  }
}

/** In-memory orders grouped by currency by the same rule as the SQL aggregate (drafts left out). */
export function currencyTotalsOf(
  orders: { status?: string | null; is_draft_order?: boolean | null; currency_code?: string | null; total?: unknown }[]
): CurrencyTotal[] {
  const byCurrency = new Map<string, CurrencyTotal>()
  for (const order of orders) {
    if (order.is_draft_order || order.status === "draft") continue
    const currency = (order.currency_code ?? "").toLowerCase()
    const entry = byCurrency.get(currency) ?? { currency, count: 0, total: 0 }
    entry.count += 1
    if (order.status !== "canceled") entry.total += amount(order.total)
    byCurrency.set(currency, entry)
  }
  return [...byCurrency.values()]
}

/** Whose orders: a customer's, or those of an e-mail with no customer or one of its guest customer records. */
export type OrderOwner = { customer_id: string } | { email: string; guest_customer_ids: string[] }

type Raw = {
  raw(sql: string, bindings: unknown[]): Promise<{ rows: { currency: string | null; count: number; total: string | null; first_at: Date | null }[] }>
}

/**
 * The owner's non-draft orders in the given sales channels, per currency, with
 * the first order's date. One aggregate over the orders' stored summaries (the
 * order module's own `order_summary.totals`, the figure Medusa's admin shows as
 * the order total) instead of loading every order through the module: a
 * customer with hundreds of orders must not cost hundreds of hydrated records.
 */
export async function loadCurrencyTotals(
  container: MedusaContainer,
  owner: OrderOwner,
  channelIds: string[]
): Promise<{ totals: CurrencyTotal[]; first_order_at: string | null }> {
  if (!channelIds.length) return { totals: [], first_order_at: null }
  const pg = container.resolve<Raw>(ContainerRegistrationKeys.PG_CONNECTION)
  const guests = "customer_id" in owner ? [] : owner.guest_customer_ids
  const who =
    "customer_id" in owner
      ? "o.customer_id = ?"
      : `lower(o.email) = ? and (o.customer_id is null${guests.length ? ` or o.customer_id in (${guests.map(() => "?").join(", ")})` : ""})`
  const { rows } = await pg.raw(
    `select lower(o.currency_code) as currency, count(*)::int as count, min(o.created_at) as first_at,
            sum(case when o.status = 'canceled' then 0 else coalesce(
              (s.totals -> 'raw_current_order_total' ->> 'value')::numeric,
              (s.totals ->> 'current_order_total')::numeric, 0) end) as total
       from "order" o
       left join order_summary s on s.order_id = o.id and s.version = o.version and s.deleted_at is null
      where o.deleted_at is null and o.is_draft_order = false and ${who}
        and o.sales_channel_id in (${channelIds.map(() => "?").join(", ")})
      group by 1`,
    ["customer_id" in owner ? owner.customer_id : owner.email, ...guests, ...channelIds]
  )
  const first = rows
    .map((r) => r.first_at)
    .filter((d): d is Date => !!d)
    .map((d) => new Date(d).getTime())
    .sort((a, b) => a - b)[0]
  return {
    totals: rows.map((r) => ({ currency: r.currency ?? "", count: r.count, total: Number(r.total ?? 0) })),
    first_order_at: first === undefined ? null : new Date(first).toISOString(),
  }
}
