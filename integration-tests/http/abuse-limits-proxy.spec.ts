import type { AxiosInstance, AxiosResponse } from "axios"
import type { MedusaContainer } from "@medusajs/framework/types"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createStorefront } from "../helpers/auth"
import { waitForAccount, type TestAccount } from "../helpers/accounts"
import { useChatwootSandbox } from "../helpers/sandbox"
import { resetRateLimiters } from "../../src/api/rate-limits"

// Behind a trusted proxy (the test client connects over loopback, which is
// trusted here), X-Forwarded-For names the client; the storefront ceiling
// still holds whatever addresses and e-mails the posts claim.
process.env.CHATWOOT_TRUSTED_PROXIES = "loopback"
process.env.CHATWOOT_CONTACT_STOREFRONT_LIMIT = "4"
process.env.CHATWOOT_EVENTS_STOREFRONT_LIMIT = "3"

jest.setTimeout(240_000)

const sandbox = useChatwootSandbox()

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
      for (const res of responses) expect(res.status).toBeLessThan(500)
    })

    afterAll(() => {
      delete process.env.CHATWOOT_TRUSTED_PROXIES
      delete process.env.CHATWOOT_CONTACT_STOREFRONT_LIMIT
      delete process.env.CHATWOOT_EVENTS_STOREFRONT_LIMIT
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

    it("reads the client from X-Forwarded-For of a trusted proxy: another client gets its own bucket, the same one does not", async () => {
      process.env.CHATWOOT_CONTACT_STOREFRONT_LIMIT = "100"
      resetRateLimiters()
      try {
        const sf = await contactStorefront("Proxied shop")
        const from = (ip: string, i: number) =>
          post("/store/chatwoot/contact", { email: `px${ip}-${i}@example.com`, message: "hi" }, { ...sf.headers, "x-forwarded-for": ip })
        for (let i = 0; i < 5; i++) expect((await from("198.51.100.1", i)).status).toBe(201)
        expect((await from("198.51.100.1", 5)).status).toBe(429)
        // the client prepending an address of its own changes nothing: the proxy's entry is the rightmost
        const prepended = await post(
          "/store/chatwoot/contact",
          { email: "px-prepended@example.com", message: "hi" },
          { ...sf.headers, "x-forwarded-for": "203.0.113.50, 198.51.100.1" }
        )
        expect(prepended.status).toBe(429)
        expect((await from("198.51.100.2", 0)).status).toBe(201)
        expect(conversationsIn(sf.account)).toHaveLength(6)
      } finally {
        process.env.CHATWOOT_CONTACT_STOREFRONT_LIMIT = "4"
      }
    })

    it("holds the storefront's contact-form ceiling across many client addresses and e-mails; another storefront is not affected", async () => {
      const sf = await contactStorefront("Ceiling shop")
      const other = await contactStorefront("Calm shop")
      const all = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          post("/store/chatwoot/contact", { email: `many${i}@example.com`, message: `m${i}` }, { ...sf.headers, "x-forwarded-for": `198.51.100.${10 + i}` })
        )
      )
      expect(all.filter((r) => r.status === 201)).toHaveLength(4)
      const refused = all.filter((r) => r.status === 429)
      expect(refused).toHaveLength(8)
      for (const r of refused) expect(Number(r.headers["retry-after"])).toBeGreaterThan(0)
      expect(conversationsIn(sf.account)).toHaveLength(4)
      const calm = await post("/store/chatwoot/contact", { email: "calm@example.com", message: "hi" }, { ...other.headers, "x-forwarded-for": "198.51.100.200" })
      expect(calm.status).toBe(201)
    })

    it("holds the storefront's events ceiling across many client addresses", async () => {
      const sf = await createStorefront(container, "Busy events shop")
      const batch = { events: [{ type: "page_view", url: "https://shop.example.com/" }] }
      const statuses: number[] = []
      for (let i = 0; i < 5; i++) {
        statuses.push((await post("/store/chatwoot/events", batch, { ...sf.headers, "x-forwarded-for": `198.51.100.${50 + i}` })).status)
      }
      expect(statuses).toEqual([202, 202, 202, 429, 429])
    })
  },
})
