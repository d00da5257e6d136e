import type { AxiosInstance, AxiosResponse } from "axios"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createOrderWorkflow, createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createStorefront } from "../helpers/auth"
import { useChatwootSandbox } from "../helpers/sandbox"
import { waitForAccount, type TestAccount } from "../helpers/accounts"
import type ChatwootModuleService from "../../src/modules/chatwoot/service"
import { drainChatwootSyncQueue } from "../../src/sync/drain"
import { resetRateLimiters as resetStorefrontLimiters } from "../../src/api/rate-limits"

jest.setTimeout(240_000)

const sandbox = useChatwootSandbox()

type Storefront = { salesChannelId: string; headers: Record<string, string>; account: TestAccount }

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    const value = await probe()
    if (value) return value as T
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`timed out waiting for ${what}`)
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let admin: Record<string, string>
    const responses: AxiosResponse[] = []

    beforeEach(async () => {
      container = getContainer()
      admin = await adminHeaders(container)
      resetStorefrontLimiters()
      responses.length = 0
    })

    afterEach(() => {
      for (const res of responses) expect(res.status).toBeLessThan(500)
    })

    const post = async (url: string, body: unknown, headers: Record<string, string>) => {
      const res = await api.post(url, body, { headers, validateStatus: () => true })
      responses.push(res)
      return res
    }

    const storefront = async (name: string): Promise<Storefront> => {
      const sf = await createStorefront(container, name)
      return { ...sf, account: await waitForAccount(api as unknown as AxiosInstance, admin, sf.salesChannelId) }
    }

    const apiInboxId = (sf: Storefront) => sf.account.inboxes.find((i) => i.kind === "api")!.chatwoot_inbox_id
    const conversationsIn = (inboxId: number) =>
      [...sandbox().state.conversations.values()].filter((c) => c.inbox_id === inboxId)
    const messagesOf = (conversationInternalId: number) =>
      [...sandbox().state.messages.values()].filter((m) => m.conversation_id === conversationInternalId)
    const conversationByDisplayId = (sf: Storefront, displayId: number) =>
      conversationsIn(apiInboxId(sf)).find((c) => c.display_id === displayId)

    async function placeOrder(email: string, salesChannelId: string) {
      const { result: regions } = await createRegionsWorkflow(container).run({
        input: { regions: [{ name: `EU ${email}`, currency_code: "eur" }] },
      })
      const { result: order } = await createOrderWorkflow(container).run({
        input: {
          email,
          sales_channel_id: salesChannelId,
          currency_code: "eur",
          region_id: regions[0].id,
          items: [{ title: "Tea", quantity: 1, unit_price: 10 }],
        } as never,
      })
      return order as { id: string }
    }

    describe("POST /store/chatwoot/contact", () => {
      it("creates a contact without the typed e-mail, a conversation carrying it and the message (plain text, headed by the unverified e-mail) in the storefront's API inbox", async () => {
        const sf = await storefront("Contact shop")
        const message = 'Where is my parcel? <script>alert("x")</script>'
        const res = await post("/store/chatwoot/contact", { email: "Ada@Example.com ", name: "Ada", message }, sf.headers)
        expect(res.status).toBe(201)
        expect(res.headers["cache-control"]).toBe("no-store")
        expect(res.data).toEqual({ conversation_id: expect.any(Number) })

        const conversation = conversationByDisplayId(sf, res.data.conversation_id)!
        expect(conversation).toBeDefined()
        expect(conversation.custom_attributes.medusa_order_id).toBeUndefined()
        // an anonymous sender's e-mail never goes on a contact (Chatwoot would reuse that e-mail's contact)
        expect(conversation.custom_attributes.medusa_contact_email).toBe("ada@example.com")
        const contact = sandbox().state.contacts.get(conversation.contact_id)!
        expect(contact.email).toBeNull()
        expect(contact.name).toBe("Ada")
        expect(contact.account_id).toBe(sf.account.chatwoot_account_id)
        const messages = messagesOf(conversation.id)
        expect(messages).toHaveLength(1)
        expect(messages[0]).toMatchObject({
          content: `[Contact form, not verified] E-mail given: ada@example.com\n\n${message}`,
          message_type: "incoming",
          private: false,
        })

        // the same sender again: the contact is reused, a new conversation holds the new message
        const again = await post("/store/chatwoot/contact", { email: "ada@example.com", message: "Second question" }, sf.headers)
        expect(again.status).toBe(201)
        const second = conversationByDisplayId(sf, again.data.conversation_id)!
        expect(second.id).not.toBe(conversation.id)
        expect(second.contact_id).toBe(conversation.contact_id)
        expect([...sandbox().state.contacts.values()].filter((c) => c.email === "ada@example.com")).toHaveLength(0)
      })

      it("links the order only when it is the sender's order in this storefront, and never says which", async () => {
        const sf = await storefront("Order shop")
        const other = await storefront("Other shop")
        const mine = await placeOrder("buyer@example.com", sf.salesChannelId)
        const someoneElses = await placeOrder("someone@example.com", sf.salesChannelId)
        const elsewhere = await placeOrder("buyer@example.com", other.salesChannelId)

        const send = (order_id: string) =>
          post("/store/chatwoot/contact", { email: "BUYER@example.com", message: `About ${order_id}`, order_id }, sf.headers)
        const linked = await send(mine.id)
        const foreign = await send(someoneElses.id)
        resetStorefrontLimiters()
        const wrongChannel = await send(elsewhere.id)
        const missing = await send("order_does_not_exist")
        for (const res of [linked, foreign, wrongChannel, missing]) {
          expect(res.status).toBe(201)
          expect(Object.keys(res.data)).toEqual(["conversation_id"])
        }
        expect(conversationByDisplayId(sf, linked.data.conversation_id)!.custom_attributes).toEqual({
          medusa_order_id: mine.id,
          medusa_contact_email: "buyer@example.com",
        })
        for (const res of [foreign, wrongChannel, missing]) {
          expect(conversationByDisplayId(sf, res.data.conversation_id)!.custom_attributes.medusa_order_id).toBeUndefined()
        }
      })

      it("answers bad input with 400 naming the field, or 413 for a huge body, never 500", async () => {
        const sf = await storefront("Strict shop")
        const cases: [unknown, string][] = [
          [{ message: "hi" }, "email"],
          [{ email: "not-an-email", message: "hi" }, "email"],
          [{ email: 42, message: "hi" }, "email"],
          [{ email: "a@example.com" }, "message"],
          [{ email: "a@example.com", message: "" }, "message"],
          [{ email: "a@example.com", message: "   " }, "message"],
          [{ email: "a@example.com", message: { text: "hi" } }, "message"],
          [{ email: "a@example.com", message: "x".repeat(5001) }, "message"],
          [{ email: "a@example.com", message: "hi", order_id: 12 }, "order_id"],
          [{ email: "a@example.com", message: "hi", name: ["<script>"] }, "name"],
          [{ email: "a@example.com", message: "hi", admin: true }, "admin"],
        ]
        for (const [body, field] of cases) {
          const res = await post("/store/chatwoot/contact", body, sf.headers)
          expect({ field, status: res.status }).toEqual({ field, status: 400 })
          expect(String(res.data.message)).toContain(field)
        }
        const huge = await post("/store/chatwoot/contact", { email: "a@example.com", message: "x".repeat(20_000) }, sf.headers)
        expect(huge.status).toBe(413)
        const notJson = await api.post("/store/chatwoot/contact", "{not json", {
          headers: { ...sf.headers, "content-type": "application/json" },
          validateStatus: () => true,
        })
        responses.push(notJson)
        expect(notJson.status).toBe(400)
        // nothing reached Chatwoot
        expect(conversationsIn(apiInboxId(sf))).toHaveLength(0)
      })

      it("limits messages per e-mail and per IP with 429 and Retry-After", async () => {
        const sf = await storefront("Busy shop")
        for (let i = 0; i < 3; i++) {
          expect((await post("/store/chatwoot/contact", { email: "spam@example.com", message: `m${i}` }, sf.headers)).status).toBe(201)
        }
        const perEmail = await post("/store/chatwoot/contact", { email: "SPAM@example.com", message: "again" }, sf.headers)
        expect(perEmail.status).toBe(429)
        expect(Number(perEmail.headers["retry-after"])).toBeGreaterThan(0)
        expect(Number(perEmail.headers["retry-after"])).toBeLessThanOrEqual(600)

        resetStorefrontLimiters()
        for (let i = 0; i < 5; i++) {
          expect((await post("/store/chatwoot/contact", { email: `p${i}@example.com`, message: "hi" }, sf.headers)).status).toBe(201)
        }
        const perIp = await post("/store/chatwoot/contact", { email: "fresh@example.com", message: "hi" }, sf.headers)
        expect(perIp.status).toBe(429)
        expect(Number(perIp.headers["retry-after"])).toBeGreaterThan(0)
        expect(Number(perIp.headers["retry-after"])).toBeLessThanOrEqual(60)
        expect(conversationsIn(apiInboxId(sf))).toHaveLength(8)
      })

      it("queues the message during a Chatwoot outage (202) and delivers it exactly once afterwards", async () => {
        const sf = await storefront("Outage shop")
        sandbox().faults.outage({ forMs: 10 * 60_000 })
        const message = "Sent while Chatwoot was down"
        const res = await post("/store/chatwoot/contact", { email: "down@example.com", message }, sf.headers)
        expect(res.status).toBe(202)
        expect(res.data).toEqual({ queued: true })
        const chatwoot = container.resolve<ChatwootModuleService>("chatwoot")
        const [row] = await chatwoot.listChatwootSyncJobs({ kind: "contact_message", account_id: sf.account.id })
        expect(row).toBeDefined()
        expect(conversationsIn(apiInboxId(sf))).toHaveLength(0)

        sandbox().faults.clear()
        const delivered = () =>
          conversationsIn(apiInboxId(sf)).filter((c) => messagesOf(c.id).some((m) => m.content?.endsWith(`\n\n${message}`)))
        await until("the queued message", async () => {
          await drainChatwootSyncQueue(container)
          return delivered().length > 0
        })
        await until("a finished row", async () => {
          const [done] = await chatwoot.listChatwootSyncJobs({ id: row.id })
          return done.status === "done"
        })
        await drainChatwootSyncQueue(container)
        expect(delivered()).toHaveLength(1)
        expect(messagesOf(delivered()[0].id)).toHaveLength(1)
      })

      it("a message that failed after its conversation was made is finished in that conversation, not a new one", async () => {
        const sf = await storefront("Flaky shop")
        // every attempt of the message create fails (the client retries 500s), contact and conversation succeed
        sandbox().faults.serverError({ status: 500, requests: 5, match: { method: "POST", path: /\/public\/api\/v1\/.*\/messages$/ } })
        const message = "Half-sent message"
        const res = await post("/store/chatwoot/contact", { email: "flaky@example.com", message, order_id: "order_x" }, sf.headers)
        expect(res.status).toBe(202)
        expect(conversationsIn(apiInboxId(sf))).toHaveLength(1)
        const chatwoot = container.resolve<ChatwootModuleService>("chatwoot")
        const [row] = await chatwoot.listChatwootSyncJobs({ kind: "contact_message", account_id: sf.account.id })
        expect(row.subject).toBe("flaky@example.com")
        sandbox().faults.clear()
        await until("the finished row", async () => {
          await drainChatwootSyncQueue(container)
          const [done] = await chatwoot.listChatwootSyncJobs({ id: row.id })
          return done.status === "done" ? done : undefined
        })
        const conversations = conversationsIn(apiInboxId(sf))
        expect(conversations).toHaveLength(1)
        expect(messagesOf(conversations[0].id).map((m) => m.content)).toEqual([`[Contact form, not verified] E-mail given: flaky@example.com\n\n${message}`])
        // the delivered row keeps no personal data
        const [done] = await chatwoot.listChatwootSyncJobs({ id: row.id })
        expect(done.payload).toBeNull()
        expect(done.subject).not.toContain("flaky")
      })

      it("answers 404 for a publishable key whose channel has no chat account", async () => {
        const { result } = await import("@medusajs/medusa/core-flows").then(({ createApiKeysWorkflow }) =>
          createApiKeysWorkflow(container).run({ input: { api_keys: [{ title: "bare", type: "publishable", created_by: "test" }] } })
        )
        const headers = { "x-publishable-api-key": (result[0] as { token: string }).token }
        const res = await post("/store/chatwoot/contact", { email: "x@example.com", message: "hi" }, headers)
        expect(res.status).toBe(404)
        expect(res.data.message).toMatch(/not available/)
      })

      it("answers 409 while the storefront's chat account is suspended, sends nothing and counts no message", async () => {
        const sf = await storefront("Paused shop")
        const suspended = await api.post(`/admin/chatwoot/accounts/${sf.account.id}/suspend`, {}, { headers: admin })
        expect(suspended.data.account.status).toBe("suspended")
        sandbox().clearLog()

        for (let i = 0; i < 4; i++) {
          const res = await post("/store/chatwoot/contact", { email: "paused@example.com", message: `try ${i}` }, sf.headers)
          expect(res.status).toBe(409)
          expect(res.data.message).toMatch(/not available .*right now/)
        }
        expect(sandbox().requests.filter((r) => r.path.includes("/public/api/"))).toEqual([])
        expect(conversationsIn(apiInboxId(sf))).toHaveLength(0)
        const chatwoot = container.resolve<ChatwootModuleService>("chatwoot")
        expect(await chatwoot.listChatwootSyncJobs({ kind: "contact_message", account_id: sf.account.id })).toEqual([])

        // refused attempts did not use up the sender's allowance: after resuming, the first message goes through
        await api.post(`/admin/chatwoot/accounts/${sf.account.id}/resume`, {}, { headers: admin })
        const res = await post("/store/chatwoot/contact", { email: "paused@example.com", message: "now?" }, sf.headers)
        expect(res.status).toBe(201)
      })
    })

    describe("POST /store/chatwoot/events", () => {
      const loginCustomer = async (sf: Storefront, email: string) => {
        const password = "correct-horse-battery"
        const reg = await api.post("/auth/customer/emailpass/register", { email, password })
        const created = await api.post(
          "/store/customers",
          { email, first_name: "Ada", last_name: "Lovelace" },
          { headers: { ...sf.headers, authorization: `Bearer ${reg.data.token}` } }
        )
        const login = await api.post("/auth/customer/emailpass", { email, password })
        return { headers: { ...sf.headers, authorization: `Bearer ${login.data.token}` }, customerId: created.data.customer.id as string }
      }

      it("accepts a guest's events without keeping anything, and updates a customer's interest through the queue", async () => {
        const sf = await storefront("Events shop")
        const chatwoot = container.resolve<ChatwootModuleService>("chatwoot")
        const events = [
          { type: "page_view", url: "https://shop.example.com/" },
          { type: "product_view", product_id: "prod_1", at: new Date().toISOString() },
          { type: "add_to_cart", product_id: "prod_2", variant_id: "variant_2", quantity: 2, extra: "dropped" },
          { type: "checkout_started" },
        ]
        const guest = await post("/store/chatwoot/events", { events }, sf.headers)
        expect(guest.status).toBe(202)
        expect(guest.data).toEqual({ accepted: 4 })
        expect(await chatwoot.listChatwootSyncJobs({ account_id: sf.account.id, kind: "contact_upsert" })).toHaveLength(0)

        const customer = await loginCustomer(sf, "shopper@example.com")
        const res = await post("/store/chatwoot/events", { events }, customer.headers)
        expect(res.status).toBe(202)
        expect(res.data).toEqual({ accepted: 4 })
        const contact = await until("the contact with interest", async () => {
          await drainChatwootSyncQueue(container)
          return [...sandbox().state.contacts.values()].find(
            (c) => c.identifier === customer.customerId && c.custom_attributes.medusa_recent_product_ids
          )
        })
        expect(contact.custom_attributes).toMatchObject({
          medusa_recent_product_ids: "prod_2,prod_1",
          medusa_last_cart_product_id: "prod_2",
          medusa_checkout_started_at: expect.any(String),
          medusa_last_activity_at: expect.any(String),
        })
      })

      it("rejects unknown types, bad fields and oversized batches with 400/413 and limits the rate with 429", async () => {
        const sf = await storefront("Noisy shop")
        const bad: unknown[] = [
          { events: [{ type: "purchase" }] },
          { events: [{ type: "<script>alert(1)</script>" }] },
          { events: [{ type: "add_to_cart", quantity: "two" }] },
          { events: [] },
          { events: "page_view" },
          { events: Array.from({ length: 51 }, () => ({ type: "page_view" })) },
          { events: [{ type: "page_view" }], more: true },
        ]
        for (const body of bad) {
          expect((await post("/store/chatwoot/events", body, sf.headers)).status).toBe(400)
        }
        const huge = await post("/store/chatwoot/events", { events: [{ type: "page_view", url: "x".repeat(40_000) }] }, sf.headers)
        expect(huge.status).toBe(413)

        resetStorefrontLimiters()
        let limited: AxiosResponse | undefined
        for (let i = 0; i < 61 && !limited; i++) {
          const res = await post("/store/chatwoot/events", { events: [{ type: "page_view" }] }, sf.headers)
          if (res.status === 429) limited = res
          else expect(res.status).toBe(202)
        }
        expect(limited).toBeDefined()
        expect(Number(limited!.headers["retry-after"])).toBeGreaterThan(0)
      })
    })
  },
})
