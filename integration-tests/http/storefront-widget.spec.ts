import crypto from "node:crypto"
import type { AxiosInstance, AxiosResponse } from "axios"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createStorefront } from "../helpers/auth"
import { useChatwootSandbox } from "../helpers/sandbox"
import { waitForAccount, type TestAccount } from "../helpers/accounts"
import type { WebWidgetChannelRecord } from "../sandbox/types"

jest.setTimeout(180_000)

const sandbox = useChatwootSandbox()

type Storefront = { salesChannelId: string; publishableKey: string; headers: Record<string, string>; account: TestAccount }

/** Polls until `check` passes (cache invalidation runs in a subscriber). */
async function eventually<T>(fn: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last = await fn()
  while (!check(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100))
    last = await fn()
  }
  return last
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Record<string, string>
    const responses: AxiosResponse[] = []
    const knownTokens = new Set<string>()

    beforeEach(async () => {
      admin = await adminHeaders(getContainer())
      responses.length = 0
    })

    const get = async (url: string, headers: Record<string, string>) => {
      const res = await api.get(url, { headers, validateStatus: () => true })
      responses.push(res)
      return res
    }

    /** No response of the test carried any inbox HMAC token of the sandbox. */
    const expectNoHmacTokenLeaked = () => {
      const tokens = [...knownTokens]
      expect(tokens.length).toBeGreaterThan(0)
      for (const res of responses) {
        const text = `${JSON.stringify(res.headers)}\n${typeof res.data === "string" ? res.data : JSON.stringify(res.data ?? "")}`
        for (const token of tokens) expect(text).not.toContain(token)
        expect(text).not.toMatch(/hmac_token/)
      }
    }

    const storefront = async (name: string): Promise<Storefront> => {
      const sf = await createStorefront(getContainer(), name)
      const result = { ...sf, account: await waitForAccount(api as unknown as AxiosInstance, admin, sf.salesChannelId) }
      for (const inbox of sandbox().state.inboxes.values()) {
        const token = (inbox.channel as { hmac_token?: string }).hmac_token
        if (token) knownTokens.add(token)
      }
      return result
    }

    const websiteInbox = (sf: Storefront) => {
      const inbox = sf.account.inboxes.find((i) => i.kind === "website" && i.sales_channel_id === sf.salesChannelId)!
      return sandbox().state.inboxes.get(inbox.chatwoot_inbox_id)!.channel as WebWidgetChannelRecord
    }

    /** A registered, logged-in customer: bearer token of /auth/customer/emailpass. */
    const loginCustomer = async (sf: Storefront, email: string, extra: Record<string, string> = {}) => {
      const password = "correct-horse-battery"
      const reg = await api.post("/auth/customer/emailpass/register", { email, password })
      await api.post(
        "/store/customers",
        { email, first_name: "Ada", last_name: "Lovelace", ...extra },
        { headers: { ...sf.headers, authorization: `Bearer ${reg.data.token}` } }
      )
      const login = await api.post("/auth/customer/emailpass", { email, password })
      return { ...sf.headers, authorization: `Bearer ${login.data.token}` }
    }

    describe("GET /store/chatwoot/widget", () => {
      it("gives each publishable key its own storefront's config, cacheable with an ETag", async () => {
        const a = await storefront("Webshop")
        const b = await storefront("Outlet")

        const resA = await get("/store/chatwoot/widget", a.headers)
        const resB = await get("/store/chatwoot/widget", b.headers)
        expect(resA.status).toBe(200)
        expect(resA.headers["cache-control"]).toBe("private, max-age=60")
        expect(resA.headers.etag).toMatch(/^"[\w-]+"$/)
        expect(resA.data).toEqual({
          widget: {
            enabled: true,
            base_url: sandbox().url,
            website_token: websiteInbox(a).website_token,
            locale: "en",
            settings: {
              position: "right",
              type: "standard",
              launcher_title: "Chat with us",
              widget_color: "#1f93ff",
              dark_mode: "light",
              welcome_title: expect.any(String),
              welcome_tagline: expect.any(String),
            },
            business_hours: {
              enabled: false,
              timezone: "UTC",
              open_now: true,
              next_open_at: null,
              out_of_office_message: null,
            },
            fallback: { contact_form: true },
          },
        })
        expect(resB.data.widget.website_token).toBe(websiteInbox(b).website_token)
        expect(resA.data.widget.website_token).not.toBe(resB.data.widget.website_token)
        // key A never yields B's config, however often it is asked (cache keyed by channel)
        for (let i = 0; i < 3; i++) {
          expect((await get("/store/chatwoot/widget", a.headers)).data.widget.website_token).toBe(websiteInbox(a).website_token)
        }

        const notModified = await get("/store/chatwoot/widget", { ...a.headers, "if-none-match": resA.headers.etag })
        expect(notModified.status).toBe(304)
        expect(notModified.headers.etag).toBe(resA.headers.etag)
        const weak = await get("/store/chatwoot/widget", { ...a.headers, "if-none-match": `"x", W/${resA.headers.etag}` })
        expect(weak.status).toBe(304)
        const otherTag = await get("/store/chatwoot/widget", { ...a.headers, "if-none-match": resB.headers.etag })
        expect(otherTag.status).toBe(200)
        expectNoHmacTokenLeaked()
      })

      it("a shared cache that ignores Vary can never serve one storefront's config for another key", async () => {
        const a = await storefront("Webshop")
        const b = await storefront("Outlet")
        // a CDN keyed by URL alone (it ignores Vary), storing what RFC 9111 §3 lets a shared cache store
        const cdn = new Map<string, AxiosResponse>()
        const storable = (res: AxiosResponse) => {
          const directives = String(res.headers["cache-control"] ?? "")
            .toLowerCase()
            .split(",")
            .map((d) => d.trim().split("=")[0])
          if (directives.includes("private") || directives.includes("no-store")) return false
          return directives.includes("public") || directives.includes("s-maxage") || directives.includes("max-age") || !!res.headers.etag
        }
        const viaCdn = async (url: string, headers: Record<string, string>) => {
          const hit = cdn.get(url)
          if (hit) return hit
          const res = await get(url, headers)
          if (res.status === 200 && storable(res)) cdn.set(url, res)
          return res
        }
        for (const url of ["/store/chatwoot/widget", "/store/chatwoot/widget?locale=de"]) {
          const first = await viaCdn(url, a.headers)
          expect(first.status).toBe(200)
          expect(first.data.widget.website_token).toBe(websiteInbox(a).website_token)
          const second = await viaCdn(url, b.headers)
          expect(second.data.widget.website_token).toBe(websiteInbox(b).website_token)
        }
        // the browser may still keep and revalidate it (max-age + ETag), also on a 304
        const res = await get("/store/chatwoot/widget", a.headers)
        expect(res.headers["cache-control"]).toMatch(/(^|, )private(,|$)/)
        expect(res.headers["cache-control"]).toMatch(/max-age=\d+/)
        expect(res.headers["cache-control"]).not.toMatch(/public|s-maxage/)
        const notModified = await get("/store/chatwoot/widget", { ...a.headers, "if-none-match": res.headers.etag })
        expect(notModified.status).toBe(304)
        expect(notModified.headers["cache-control"]).toMatch(/(^|, )private(,|$)/)
      })

      it("reflects settings changes (cache invalidated) and serves business hours", async () => {
        const a = await storefront("Webshop")
        const first = await get("/store/chatwoot/widget", a.headers)
        const saved = await api.post(
          `/admin/chatwoot/storefronts/${a.salesChannelId}`,
          {
            position: "left",
            launcher_title: "Questions?",
            locale: "de",
            business_hours: {
              enabled: true,
              timezone: "Europe/Berlin",
              out_of_office_message: "Back soon",
              days: [0, 1, 2, 3, 4, 5, 6].map((d) => ({ day_of_week: d, closed_all_day: true })),
            },
          },
          { headers: admin }
        )
        expect(saved.status).toBe(200)
        // well inside the cache's 30 s TTL: the change arrived through the invalidation, not by expiry
        const after = await eventually(
          () => get("/store/chatwoot/widget", a.headers),
          (r) => r.data.widget.settings?.position === "left",
          5_000
        )
        expect(after.headers.etag).not.toBe(first.headers.etag)
        expect(after.data.widget.settings.launcher_title).toBe("Questions?")
        expect(after.data.widget.locale).toBe("de")
        expect(after.data.widget.business_hours).toEqual({
          enabled: true,
          timezone: "Europe/Berlin",
          open_now: false,
          next_open_at: null,
          out_of_office_message: "Back soon",
        })
        const stale = await get("/store/chatwoot/widget", { ...a.headers, "if-none-match": first.headers.etag })
        expect(stale.status).toBe(200)
        expectNoHmacTokenLeaked()
      })

      it("takes a validated ?locale= override and rejects bad input with 400, never 500", async () => {
        const a = await storefront("Webshop")
        const de = await get("/store/chatwoot/widget?locale=de", a.headers)
        expect(de.status).toBe(200)
        expect(de.data.widget.locale).toBe("de")
        expect((await get("/store/chatwoot/widget?locale=pt-BR", a.headers)).data.widget.locale).toBe("pt_BR")
        expect((await get("/store/chatwoot/widget", { ...a.headers, "x-medusa-locale": "fr-FR" })).data.widget.locale).toBe("fr")
        const en = await get("/store/chatwoot/widget", a.headers)
        expect(en.data.widget.locale).toBe("en")
        expect(de.headers.etag).not.toBe(en.headers.etag)

        for (const bad of [
          "?locale=<script>alert(1)</script>",
          "?locale=deutsch-language",
          "?locale=",
          // (?locale[]=… is not listed: Medusa's own store locale middleware throws on a non-string
          // locale before any plugin code runs, for every /store route)
          `?locale=${"x".repeat(5000)}`,
          "?unknown=1",
        ]) {
          const res = await get(`/store/chatwoot/widget${bad}`, a.headers)
          expect([bad, res.status]).toEqual([bad, 400])
          expect(res.data.type).toBe("invalid_data")
        }
        const noKey = await get("/store/chatwoot/widget", {})
        expect(noKey.status).toBe(400)
        const wrongKey = await get("/store/chatwoot/widget", { "x-publishable-api-key": "pk_does_not_exist" })
        expect(wrongKey.status).toBeLessThan(500)
        expectNoHmacTokenLeaked()
      })

      it("answers enabled: false with a reason when the channel has no active account", async () => {
        const a = await storefront("Webshop")
        const suspended = await api.post(`/admin/chatwoot/accounts/${a.account.id}/suspend`, {}, { headers: admin })
        expect(suspended.status).toBe(200)
        const res = await eventually(
          () => get("/store/chatwoot/widget", a.headers),
          (r) => r.data.widget.enabled === false
        )
        expect(res.status).toBe(200)
        expect(res.data.widget).toEqual(
          expect.objectContaining({ enabled: false, reason: "suspended", website_token: null, base_url: null, fallback: { contact_form: false } })
        )

        await api.post(`/admin/chatwoot/accounts/${a.account.id}/resume`, {}, { headers: admin })
        // chat switched off for the storefront while the account stays active: the contact form remains
        const chatwoot = getContainer().resolve("chatwoot") as {
          listChatwootStorefronts(f: object): Promise<{ id: string }[]>
          updateChatwootStorefronts(d: object): Promise<unknown>
        }
        const [row] = await chatwoot.listChatwootStorefronts({ sales_channel_id: a.salesChannelId })
        await chatwoot.updateChatwootStorefronts({ id: row.id, enabled: false })
        const off = await eventually(
          () => get("/store/chatwoot/widget", a.headers),
          (r) => r.data.widget.reason === "disabled"
        )
        expect(off.data.widget).toEqual(expect.objectContaining({ enabled: false, reason: "disabled", fallback: { contact_form: true } }))
        await chatwoot.updateChatwootStorefronts({ id: row.id, enabled: true })
        const resumed = await eventually(
          () => get("/store/chatwoot/widget", a.headers),
          (r) => r.data.widget.enabled === true
        )
        expect(resumed.data.widget.website_token).toBe(websiteInbox(a).website_token)

        // a channel without any account (provisioning off for it: the account is deleted)
        await api.delete(`/admin/chatwoot/accounts/${a.account.id}?confirm=true`, { headers: admin })
        const gone = await eventually(
          () => get("/store/chatwoot/widget", a.headers),
          (r) => r.data.widget.reason === "not_provisioned"
        )
        expect(gone.data.widget).toEqual(
          expect.objectContaining({ enabled: false, reason: "not_provisioned", fallback: { contact_form: false } })
        )
        expectNoHmacTokenLeaked()
      })

      it("uses the first channel with an account when a key serves several channels", async () => {
        const a = await storefront("Webshop")
        const { linkSalesChannelsToApiKeyWorkflow, createSalesChannelsWorkflow, createApiKeysWorkflow } = await import(
          "@medusajs/medusa/core-flows"
        )
        const container = getContainer()
        const {
          result: [bare],
        } = await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name: "No chat" }] } })
        // the bare channel is provisioned by the subscriber too: delete its account
        const bareAccount = await waitForAccount(api as unknown as AxiosInstance, admin, bare.id)
        await api.delete(`/admin/chatwoot/accounts/${bareAccount.id}?confirm=true`, { headers: admin })
        const { result: keys } = await createApiKeysWorkflow(container).run({
          input: { api_keys: [{ title: "multi", type: "publishable", created_by: "test" }] },
        })
        await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: keys[0].id, add: [bare.id, a.salesChannelId] } })
        const res = await eventually(
          () => get("/store/chatwoot/widget", { "x-publishable-api-key": (keys[0] as { token: string }).token }),
          (r) => r.data.widget?.enabled === true
        )
        expect(res.data.widget.website_token).toBe(websiteInbox(a).website_token)
        expectNoHmacTokenLeaked()
      })
    })

    describe("GET /chatwoot/loader.js", () => {
      it("serves the loader script without a key, with a long cache and an ETag", async () => {
        const res = await get("/chatwoot/loader.js", {})
        expect(res.status).toBe(200)
        expect(res.headers["content-type"]).toMatch(/^application\/javascript/)
        expect(res.headers["cache-control"]).toMatch(/max-age=86400/)
        expect(res.data).toContain("/store/chatwoot/widget")
        expect(res.data).toContain("data-")
        const again = await get("/chatwoot/loader.js", { "if-none-match": res.headers.etag })
        expect(again.status).toBe(304)
      })
    })

    describe("GET /store/chatwoot/identity", () => {
      it("signs the logged-in customer's id with the storefront's inbox HMAC token", async () => {
        const a = await storefront("Webshop")
        const b = await storefront("Outlet")
        const headers = await loginCustomer(a, "ada@example.com", { phone: "+4915112345678" })

        const res = await get("/store/chatwoot/identity", headers)
        expect(res.status).toBe(200)
        expect(res.headers["cache-control"]).toBe("no-store")
        const { identity } = res.data
        expect(identity.identifier).toMatch(/^cus_/)
        expect(identity).toEqual({
          identifier: identity.identifier,
          identifier_hash: crypto.createHmac("sha256", websiteInbox(a).hmac_token).update(identity.identifier).digest("hex"),
          email: "ada@example.com",
          name: "Ada Lovelace",
          phone_number: "+4915112345678",
        })

        // the identity request makes the customer a contact of A's account (through the sync queue)
        const contactsIn = (chatwootAccountId: number) =>
          [...sandbox().state.contacts.values()].filter(
            (c) => c.identifier === identity.identifier && c.account_id === chatwootAccountId
          )
        const inA = await eventually(async () => contactsIn(a.account.chatwoot_account_id), (list) => list.length === 1)
        expect(inA).toHaveLength(1)
        expect(inA[0].email).toBe("ada@example.com")
        expect(contactsIn(b.account.chatwoot_account_id)).toHaveLength(0)

        // the same customer on storefront B gets B's signature
        const onB = await get("/store/chatwoot/identity", { ...headers, "x-publishable-api-key": b.publishableKey })
        expect(onB.data.identity.identifier_hash).toBe(
          crypto.createHmac("sha256", websiteInbox(b).hmac_token).update(identity.identifier).digest("hex")
        )
        expect(onB.data.identity.identifier_hash).not.toBe(identity.identifier_hash)
        expectNoHmacTokenLeaked()
      })

      it("answers 401 to guests and bad tokens, 404 when the storefront has no chat", async () => {
        const a = await storefront("Webshop")
        const guest = await get("/store/chatwoot/identity", a.headers)
        expect(guest.status).toBe(401)
        expect(guest.data.type).toBe("unauthorized")
        expect(guest.headers["cache-control"]).toBe("no-store")
        const forged = await get("/store/chatwoot/identity", { ...a.headers, authorization: "Bearer not.a.jwt" })
        expect(forged.status).toBe(401)
        const garbage = await get("/store/chatwoot/identity", { ...a.headers, authorization: "<script>" })
        expect(garbage.status).toBe(401)

        const headers = await loginCustomer(a, "grace@example.com")
        await api.post(`/admin/chatwoot/accounts/${a.account.id}/suspend`, {}, { headers: admin })
        const off = await eventually(
          () => get("/store/chatwoot/identity", headers),
          (r) => r.status !== 200
        )
        expect(off.status).toBe(404)
        expectNoHmacTokenLeaked()
      })
    })
  },
})
