import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  completeOrderWorkflow,
  createCustomersWorkflow,
  createOrderWorkflow,
  createRegionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import type { AxiosInstance } from "axios"
import type ChatwootModuleService from "../../src/modules/chatwoot/service"
import type { Sandbox } from "../sandbox"

export type SyncTestAccount = { id: string; status: string; chatwoot_account_id: number; last_error: string | null }
export type SyncStats = {
  counts: { pending: number; processing: number; done: number; failed: number }
  lag_seconds: number
  failed: { id: string; kind: string; last_error: string; attempts: number }[]
}

/** Polls `probe` until it returns something truthy; errors it throws are retried and reported on timeout. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  ms = 60_000
): Promise<T> {
  const deadline = Date.now() + ms
  let last: unknown
  while (Date.now() < deadline) {
    try {
      const value = await probe()
      if (value) return value as T
    } catch (error) {
      last = error
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`)
}

/**
 * What the sync specs share: storefronts with active accounts, registered
 * customers, the contacts the sandbox holds, and the queue's state. Getters,
 * because the runner hands out a new container and the spec new headers per test.
 */
export function syncTestKit(opts: {
  api: AxiosInstance
  container: () => MedusaContainer
  headers: () => Record<string, string>
  sandbox: () => Sandbox
}) {
  const { api, container, headers, sandbox } = opts
  const chatwoot = () => container().resolve<ChatwootModuleService>("chatwoot")

  async function storefront(name: string) {
    const channel = (await api.post("/admin/sales-channels", { name }, { headers: headers() })).data.sales_channel as { id: string }
    const account = await until<SyncTestAccount>(`account of ${name}`, async () => {
      const res = await api.get(`/admin/chatwoot/accounts?sales_channel_id=${channel.id}`, { headers: headers() })
      const a = res.data.accounts[0] as SyncTestAccount | undefined
      if (a?.status === "failed") throw new Error(a.last_error ?? "failed")
      return a?.status === "active" ? a : undefined
    })
    return { salesChannelId: channel.id, account }
  }

  async function makeDefault(salesChannelId: string) {
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const { data: stores } = await query.graph({ entity: "store", fields: ["id"] })
    await updateStoresWorkflow(container()).run({
      input: { selector: { id: stores[0].id }, update: { default_sales_channel_id: salesChannelId } },
    })
  }

  async function registerCustomer(email: string, extra: Record<string, unknown> = {}) {
    const { result } = await createCustomersWorkflow(container()).run({
      input: { customersData: [{ email, first_name: "Ada", last_name: "Lovelace", has_account: true, ...extra }] },
    })
    return result[0]
  }

  /** A completed order of two "Tea" items at `unitPrice` EUR in the sales channel. */
  async function placeOrder(customer: { id: string; email: string }, salesChannelId: string, unitPrice: number) {
    const { result: regions } = await createRegionsWorkflow(container()).run({
      input: { regions: [{ name: `EU ${unitPrice}`, currency_code: "eur" }] },
    })
    const { result: order } = await createOrderWorkflow(container()).run({
      input: {
        customer_id: customer.id,
        email: customer.email,
        sales_channel_id: salesChannelId,
        currency_code: "eur",
        region_id: regions[0].id,
        items: [{ title: "Tea", quantity: 2, unit_price: unitPrice }],
      } as never,
    })
    await completeOrderWorkflow(container()).run({ input: { orderIds: [order.id] } })
    return order as { id: string; display_id: number }
  }

  const contactsOf = (customerId: string, chatwootAccountId?: number) =>
    [...sandbox().state.contacts.values()].filter(
      (c) => c.identifier === customerId && (chatwootAccountId === undefined || c.account_id === chatwootAccountId)
    )

  const stats = async (): Promise<SyncStats> => (await api.get("/admin/chatwoot/sync", { headers: headers() })).data.sync

  /** Waits until nothing is pending or in flight. */
  const idle = () =>
    until("an idle sync queue", async () => {
      const s = await stats()
      return s.counts.pending === 0 && s.counts.processing === 0 ? s : undefined
    })

  return { chatwoot, storefront, makeDefault, registerCustomer, placeOrder, contactsOf, stats, idle }
}
