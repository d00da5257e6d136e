import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { adminHeaders } from "../helpers/auth"
import { useChatwootSandbox } from "../helpers/sandbox"
import { syncTestKit, until } from "../helpers/sync-kit"

jest.setTimeout(240_000)

const sandbox = useChatwootSandbox()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let container: MedusaContainer

    beforeEach(async () => {
      container = getContainer()
      headers = await adminHeaders(container)
    })

    const { chatwoot, storefront, makeDefault, registerCustomer, contactsOf, idle } = syncTestKit({
      api,
      container: () => container,
      headers: () => headers,
      sandbox,
    })

    /** Mirror rows as the webhook receiver (#7) writes them. */
    async function seedConversations(rows: Record<string, unknown>[]) {
      return chatwoot().createChatwootConversations(rows as never)
    }

    it("health: per account webhooks accepted/rejected in 24 h, queue, calls, HMAC, and a warning when conversations exist but no webhook came for a day", async () => {
      const webshop = await storefront("Webshop")
      const outlet = await storefront("Outlet")
      const old = new Date(Date.now() - 3 * 24 * 3600_000)
      await chatwoot().createChatwootWebhookDeliveries([
        { account_id: webshop.account.id, outcome: "accepted", delivery_key: "d1", event: "message_created" },
        { account_id: webshop.account.id, outcome: "accepted", delivery_key: "d2", event: "conversation_created" },
        { account_id: webshop.account.id, outcome: "rejected", reason: "bad signature" },
        { account_id: webshop.account.id, outcome: "duplicate", delivery_key: "d1" },
      ] as never)
      await seedConversations([
        { account_id: webshop.account.id, chatwoot_conversation_id: 1, status: "open" },
        { account_id: outlet.account.id, chatwoot_conversation_id: 1, status: "open" },
      ])
      // an old delivery of the outlet does not count as "received today"
      const [stale] = await chatwoot().createChatwootWebhookDeliveries([
        { account_id: outlet.account.id, outcome: "accepted", delivery_key: "old", event: "message_created" },
      ] as never)
      const manager = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as { raw(sql: string, b: unknown[]): Promise<unknown> }
      await manager.raw("update chatwoot_webhook_delivery set created_at = ? where id = ?", [old, stale.id])

      const res = await api.get("/admin/chatwoot/health", { headers })
      expect(res.status).toBe(200)
      const health = res.data.health
      const byId = (id: string) => health.accounts.find((a: { id: string }) => a.id === id)
      const w = byId(webshop.account.id)
      const o = byId(outlet.account.id)
      expect(w.status).toBe("active")
      expect(w.webhooks).toMatchObject({ accepted_24h: 2, rejected_24h: 1, duplicate_24h: 1 })
      expect(w.storefronts).toEqual([expect.objectContaining({ name: "Webshop", hmac_enforced: true, enabled: true })])
      expect(w.conversations).toEqual({ total: 1, open: 1 })
      expect(w.sync.counts).toEqual(expect.objectContaining({ failed: 0 }))
      expect(w.calls_24h.calls).toBeGreaterThan(0)
      expect(w.last_success_at).not.toBeNull()
      expect(w.warnings.map((x: { code: string }) => x.code)).toEqual(["webhooks_rejected"])
      expect(w.warnings.some((x: { code: string }) => x.code === "no_webhooks")).toBe(false)
      expect(o.webhooks.accepted_24h).toBe(0)
      expect(o.warnings.map((x: { code: string }) => x.code)).toContain("no_webhooks")
      expect(health.ok).toBe(false)

      // Chatwoot answering 5xx/429 shows up in the counters
      sandbox().faults.serverError({ status: 500, requests: 1 })
      await api.post(`/admin/chatwoot/storefronts/${outlet.salesChannelId}`, { hmac_mandatory: false }, { headers, validateStatus: () => true })
      const after = (await api.get("/admin/chatwoot/health", { headers })).data.health
      const o2 = after.accounts.find((a: { id: string }) => a.id === outlet.account.id)
      expect(o2.calls_24h.server_errors).toBeGreaterThanOrEqual(1)
      expect(o2.warnings.map((x: { code: string }) => x.code)).toContain("chatwoot_errors")
      const text = JSON.stringify(after)
      expect(text).not.toMatch(/encrypted|token|secret_hash/i)
    })

    it("conversations across storefronts, filtered by storefront, status and tier, each linking into Chatwoot; the customer summary lists contacts and syncs on demand", async () => {
      const webshop = await storefront("Webshop")
      const outlet = await storefront("Outlet")
      await makeDefault(webshop.salesChannelId)
      const customer = await registerCustomer("inbox@example.com")
      const [contact] = await until("the contact", () => {
        const found = contactsOf(customer.id, webshop.account.chatwoot_account_id)
        return found.length ? found : undefined
      })
      await idle()
      // rows as the webhook receiver writes them: a customer link always names how it was verified (identity-trust.ts)
      await seedConversations([
        { account_id: webshop.account.id, sales_channel_id: webshop.salesChannelId, chatwoot_conversation_id: 11, status: "open", routed_tier: "gold", customer_id: customer.id, identity_source: "hmac", last_message: "Where is my tea?", order_id: "order_1" },
        { account_id: webshop.account.id, sales_channel_id: webshop.salesChannelId, chatwoot_conversation_id: 12, status: "resolved", routed_tier: "gold", customer_id: customer.id, identity_source: "hmac", last_message: "Thanks!" },
        { account_id: outlet.account.id, sales_channel_id: outlet.salesChannelId, chatwoot_conversation_id: 3, status: "open", routed_tier: "standard", email: "guest@example.com", last_message: "Any discounts?" },
      ])

      const list = async (qs = "") => (await api.get(`/admin/chatwoot/conversations${qs}`, { headers })).data
      const open = await list()
      expect(open.count).toBe(2)
      expect(open.conversations.map((c: { storefront: string }) => c.storefront).sort()).toEqual(["Outlet", "Webshop"])
      const mine = open.conversations.find((c: { chatwoot_conversation_id: number }) => c.chatwoot_conversation_id === 11)
      expect(mine).toMatchObject({
        status: "open",
        tier: "gold",
        customer_name: "Ada Lovelace",
        email: "inbox@example.com",
        last_message: "Where is my tea?",
        chatwoot_url: `${sandbox().url.replace(/\/+$/, "")}/app/accounts/${webshop.account.chatwoot_account_id}/conversations/11`,
      })
      expect((await list(`?sales_channel_id=${outlet.salesChannelId}`)).conversations.map((c: { email: string }) => c.email)).toEqual(["guest@example.com"])
      expect((await list("?tier=gold&status=all")).count).toBe(2)
      expect((await list("?status=resolved")).conversations.map((c: { last_message: string }) => c.last_message)).toEqual(["Thanks!"])
      expect((await list("?order_id=order_1")).count).toBe(1)
      expect((await api.get("/admin/chatwoot/conversations?status=closed", { headers, validateStatus: () => true })).status).toBe(400)
      expect((await api.get("/admin/chatwoot/conversations?limit=1000", { headers, validateStatus: () => true })).status).toBe(400)

      const summary = (await api.get(`/admin/chatwoot/customers/${customer.id}`, { headers })).data
      expect(summary.contacts).toEqual([
        expect.objectContaining({
          account_id: webshop.account.id,
          chatwoot_contact_id: contact.id,
          storefronts: [{ sales_channel_id: webshop.salesChannelId, name: "Webshop" }],
          chatwoot_url: `${sandbox().url.replace(/\/+$/, "")}/app/accounts/${webshop.account.chatwoot_account_id}/contacts/${contact.id}`,
        }),
      ])
      expect(summary.sync.failed).toEqual([])

      const before = await chatwoot().listChatwootSyncJobs({ subject: customer.id, kind: "contact_upsert" })
      const sync = await api.post(`/admin/chatwoot/customers/${customer.id}/sync`, {}, { headers })
      expect(sync.status).toBe(202)
      expect(sync.data.queued).toBeGreaterThanOrEqual(1)
      const after = await chatwoot().listChatwootSyncJobs({ subject: customer.id, kind: "contact_upsert" })
      expect(after.length).toBeGreaterThan(before.length)
      await idle()
    })
  },
})
