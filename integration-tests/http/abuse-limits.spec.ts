import { randomUUID } from "node:crypto"
import type { AxiosInstance, AxiosResponse } from "axios"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createOrderWorkflow, createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createStorefront } from "../helpers/auth"
import { waitForAccount, type TestAccount } from "../helpers/accounts"
import { useChatwootSandbox } from "../helpers/sandbox"
import { syncTestKit, until } from "../helpers/sync-kit"
import { resetRateLimiters } from "../../src/api/rate-limits"

// Abuse limits (issue 12, point 3) with no trusted proxy configured: the
// client is the socket peer, and X-Forwarded-For is not believed.
delete process.env.CHATWOOT_TRUSTED_PROXIES

jest.setTimeout(300_000)

const sandbox = useChatwootSandbox()

const LIMIT_ENV = ["CHATWOOT_DASHBOARD_ACCOUNT_LIMIT", "CHATWOOT_CONTACT_IP_LIMIT"]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let headers: Record<string, string>
    const responses: AxiosResponse[] = []

    beforeEach(async () => {
      container = getContainer()
      headers = await adminHeaders(container)
      resetRateLimiters()
      responses.length = 0
    })

    afterEach(() => {
      for (const name of LIMIT_ENV) delete process.env[name]
      resetRateLimiters()
      for (const res of responses) expect(res.status).toBeLessThan(500)
    })

    const { chatwoot, storefront, makeDefault, registerCustomer, contactsOf, idle } = syncTestKit({
      api,
      container: () => container,
      headers: () => headers,
      sandbox,
    })

    const post = async (url: string, body: unknown, extra: Record<string, string>) => {
      const res = await api.post(url, body, { headers: extra, validateStatus: () => true })
      responses.push(res)
      return res
    }

    const contactStorefront = async (name: string) => {
      const sf = await createStorefront(container, name)
      const account: TestAccount = await waitForAccount(api as unknown as AxiosInstance, headers, sf.salesChannelId)
      return { ...sf, account }
    }
    const conversationsIn = (account: TestAccount) => {
      const inboxId = account.inboxes.find((i) => i.kind === "api")!.chatwoot_inbox_id
      return [...sandbox().state.conversations.values()].filter((c) => c.inbox_id === inboxId)
    }

    describe("contact form", () => {
      it("20 parallel posts from one client: at most the per-client limit pass, the rest get 429 with Retry-After", async () => {
        const sf = await contactStorefront("Parallel shop")
        const all = await Promise.all(
          Array.from({ length: 20 }, (_, i) => post("/store/chatwoot/contact", { email: `par${i}@example.com`, message: `hello ${i}` }, sf.headers))
        )
        const passed = all.filter((r) => r.status === 201)
        const refused = all.filter((r) => r.status === 429)
        expect(passed).toHaveLength(5)
        expect(refused).toHaveLength(15)
        for (const r of refused) {
          expect(Number(r.headers["retry-after"])).toBeGreaterThan(0)
          expect(Number(r.headers["retry-after"])).toBeLessThanOrEqual(60)
        }
        expect(conversationsIn(sf.account)).toHaveLength(5)
      })

      it("a made-up X-Forwarded-For does not give a fresh bucket when no proxy is trusted", async () => {
        const sf = await contactStorefront("Spoof shop")
        for (let i = 0; i < 5; i++) {
          const res = await post(
            "/store/chatwoot/contact",
            { email: `spoof${i}@example.com`, message: "hi" },
            { ...sf.headers, "x-forwarded-for": `198.51.100.${i + 1}` }
          )
          expect(res.status).toBe(201)
        }
        const spoofed = await post(
          "/store/chatwoot/contact",
          { email: "spoof-fresh@example.com", message: "hi" },
          { ...sf.headers, "x-forwarded-for": "203.0.113.99" }
        )
        expect(spoofed.status).toBe(429)
        expect(conversationsIn(sf.account)).toHaveLength(5)
      })
    })

    /** The secret of an account's dashboard app, read from the app URL registered in Chatwoot. */
    function secretOf(chatwootAccountId: number) {
      const app = [...sandbox().state.dashboardApps.values()].find((a) => a.account_id === chatwootAccountId)
      const match = /#k=(.+)$/.exec(app?.content[0]?.url ?? "")
      if (!match) throw new Error(`no dashboard app with a secret in account ${chatwootAccountId}`)
      return decodeURIComponent(match[1])
    }

    /** A storefront, a registered customer synced to it and a conversation of theirs. */
    async function dashboardScenario(name: string, email: string) {
      const shop = await storefront(name)
      await makeDefault(shop.salesChannelId)
      const customer = await registerCustomer(email)
      const [contact] = await until("the contact", () => {
        const found = contactsOf(customer.id, shop.account.chatwoot_account_id)
        return found.length ? found : undefined
      })
      const [account] = await chatwoot().listChatwootAccounts({ id: shop.account.id })
      const contactInbox = [...sandbox().state.contactInboxes.values()].find((ci) => ci.contact_id === contact.id)!
      const client = chatwoot().accountApi(account)
      // the customer's own HMAC-verified widget session (identity-trust.ts: only that makes it theirs)
      const conversation = await client.conversations.create({
        source_id: randomUUID(),
        inbox_id: contactInbox.inbox_id,
        contact_id: contact.id,
        hmac_verified: true,
      })
      await client.messages.create(conversation.id, { content: "Hello?", message_type: "incoming" })
      await idle()
      return { shop, customer, ids: { contact_id: contact.id, conversation_id: conversation.id } }
    }

    const context = async (secret: string, ids: { contact_id: number; conversation_id: number }) => {
      const res = await api.get(`/chatwoot/dashboard-app/api/context?contact_id=${ids.contact_id}&conversation_id=${ids.conversation_id}`, {
        headers: { "x-dashboard-app-secret": secret },
        validateStatus: () => true,
      })
      responses.push(res)
      return res
    }

    describe("dashboard app", () => {
      it("answers 429 with Retry-After beyond the per-account limit; another account is not affected", async () => {
        const a = await dashboardScenario("Limited shop", "limited@example.com")
        const b = await dashboardScenario("Other shop", "other@example.com")
        process.env.CHATWOOT_DASHBOARD_ACCOUNT_LIMIT = "3"
        resetRateLimiters()
        const secretA = secretOf(a.shop.account.chatwoot_account_id)
        for (let i = 0; i < 3; i++) expect((await context(secretA, a.ids)).status).toBe(200)
        const over = await context(secretA, a.ids)
        expect(over.status).toBe(429)
        expect(Number(over.headers["retry-after"])).toBeGreaterThan(0)
        expect(Number(over.headers["retry-after"])).toBeLessThanOrEqual(60)
        // the orders page is a data route of the same account
        const page = await api.get(`/chatwoot/dashboard-app/api/orders?contact_id=${a.ids.contact_id}&conversation_id=${a.ids.conversation_id}`, {
          headers: { "x-dashboard-app-secret": secretA },
          validateStatus: () => true,
        })
        expect(page.status).toBe(429)
        expect((await context(secretOf(b.shop.account.chatwoot_account_id), b.ids)).status).toBe(200)
      })

      it("resend-confirmation twice quickly: the second is 429 and order.placed is emitted once; the note says the agent name is Chatwoot's", async () => {
        const { shop, customer, ids } = await dashboardScenario("Resend shop", "resend@example.com")
        await api.post(`/admin/chatwoot/storefronts/${shop.salesChannelId}`, { agent_actions: { resend_confirmation: true } }, { headers })
        const { result: regions } = await createRegionsWorkflow(container).run({ input: { regions: [{ name: "EU resend", currency_code: "eur" }] } })
        const { result: order } = await createOrderWorkflow(container).run({
          input: {
            customer_id: customer.id,
            email: customer.email,
            sales_channel_id: shop.salesChannelId,
            currency_code: "eur",
            region_id: regions[0].id,
            items: [{ title: "Kettle", quantity: 1, unit_price: 30 }],
          } as never,
        })
        const placed: { id?: string; resend?: boolean }[] = []
        container.resolve(Modules.EVENT_BUS).subscribe(
          "order.placed",
          async (event: { data: { id?: string; resend?: boolean } }) => {
            placed.push(event.data)
          },
          { subscriberId: "abuse-limits-spec-order-placed" } as never
        )
        const secret = secretOf(shop.account.chatwoot_account_id)
        const resend = () =>
          post(
            `/chatwoot/dashboard-app/api/orders/${order.id}/resend-confirmation`,
            { ...ids, confirm: true, agent: { name: "Grace Agent", email: "grace@example.com" } },
            { "x-dashboard-app-secret": secret }
          )
        const first = await resend()
        expect(first.status).toBe(200)
        const second = await resend()
        expect(second.status).toBe(429)
        expect(Number(second.headers["retry-after"])).toBeGreaterThan(60)
        expect(Number(second.headers["retry-after"])).toBeLessThanOrEqual(600)
        await until("order.placed", () => placed.some((p) => p.id === order.id && p.resend), 10_000)
        await new Promise((r) => setTimeout(r, 1_000))
        expect(placed.filter((p) => p.id === order.id && p.resend)).toHaveLength(1)

        const notes = [...sandbox().state.messages.values()].filter((m) => m.private && m.content?.includes("from the Medusa dashboard app"))
        expect(notes.map((n) => n.content)).toEqual([
          `Grace Agent (grace@example.com, as reported by Chatwoot) resent the confirmation of order #${(order as { display_id: number }).display_id} from the Medusa dashboard app.`,
        ])
      })

      it("removing an agent rotates the dashboard secret: the old one answers 401, the new one works", async () => {
        const { shop, ids } = await dashboardScenario("Staff shop", "staff@example.com")
        const added = await api.post(
          "/admin/chatwoot/agents",
          { account_ids: [shop.account.id], name: "Leaving Agent", email: "leaving@example.com", role: "agent" },
          { headers }
        )
        expect(added.status).toBe(201)
        const before = secretOf(shop.account.chatwoot_account_id)
        expect((await context(before, ids)).status).toBe(200)

        const { data } = await api.get(`/admin/chatwoot/accounts/${shop.account.id}`, { headers })
        const agentId = data.account.agents.find((x: { email: string }) => x.email === "leaving@example.com").id
        const removed = await api.delete(`/admin/chatwoot/accounts/${shop.account.id}/agents/${agentId}`, { headers })
        expect(removed.status).toBe(200)
        expect(JSON.stringify(removed.data)).not.toContain(before)

        const after = secretOf(shop.account.chatwoot_account_id)
        expect(after).not.toBe(before)
        expect([...sandbox().state.dashboardApps.values()].filter((a) => a.account_id === shop.account.chatwoot_account_id)).toHaveLength(1)
        expect((await context(before, ids)).status).toBe(401)
        expect((await context(after, ids)).status).toBe(200)
      })
    })
  },
})
