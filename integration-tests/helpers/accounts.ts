import type { AxiosInstance } from "axios"

export type TestAccount = {
  id: string
  name: string
  mode: string
  status: string
  chatwoot_account_id: number
  last_error: string | null
  webhook_id: number | null
  dashboard_app_id: number | null
  storefronts: { sales_channel_id: string; enabled: boolean }[]
  inboxes: { kind: string; chatwoot_inbox_id: number; sales_channel_id: string | null; website_token: string | null; inbox_identifier: string | null }[]
  agents: { id: string; email: string; role: string; chatwoot_user_id: number; medusa_user_id: string | null }[]
}

export async function createSalesChannel(api: AxiosInstance, headers: Record<string, string>, name: string) {
  return (await api.post("/admin/sales-channels", { name }, { headers })).data.sales_channel as { id: string; name: string }
}

/** Polls the admin API until the sales channel's account reaches `status` (provisioning runs in a subscriber). */
export async function waitForAccount(
  api: AxiosInstance,
  headers: Record<string, string>,
  salesChannelId: string,
  status = "active",
  timeoutMs = 30_000
): Promise<TestAccount> {
  const deadline = Date.now() + timeoutMs
  let last: TestAccount | undefined
  while (Date.now() < deadline) {
    const { data } = await api.get(`/admin/chatwoot/accounts?sales_channel_id=${salesChannelId}`, { headers })
    last = data.accounts[0]
    if (last?.status === status) return last
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`account of ${salesChannelId} is ${last?.status ?? "missing"}, not ${status}: ${last?.last_error}`)
}

/** A new sales channel with its account provisioned (auto_provision) and active. */
export async function provisionStorefront(api: AxiosInstance, headers: Record<string, string>, name: string) {
  const channel = await createSalesChannel(api, headers, name)
  return { channelId: channel.id, account: await waitForAccount(api, headers, channel.id) }
}
