import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  addToCartWorkflow,
  createCartWorkflow,
  createCustomersWorkflow,
  createRegionsWorkflow,
  deleteCustomersWorkflow,
  transferCartCustomerWorkflow,
  updateCustomersWorkflow,
} from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { adminHeaders } from "../helpers/auth"
import { useChatwootSandbox } from "../helpers/sandbox"
import { syncTestKit, until, type SyncStats } from "../helpers/sync-kit"
import { drainChatwootSyncQueue } from "../../src/sync/drain"

jest.setTimeout(240_000)

const sandbox = useChatwootSandbox()

const isContactCall = (r: { method: string; path: string }) => /\/contacts(\/|$)/.test(r.path)
const isContactWrite = (r: { method: string; path: string }) =>
  isContactCall(r) && !r.path.endsWith("/filter") && r.method !== "GET"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let container: MedusaContainer

    beforeEach(async () => {
      container = getContainer()
      headers = await adminHeaders(container)
    })

    const { chatwoot, storefront, makeDefault, registerCustomer, placeOrder, contactsOf, stats, idle } = syncTestKit({
      api,
      container: () => container,
      headers: () => headers,
      sandbox,
    })

    describe("contact sync", () => {
      it("a registered customer becomes a contact of the default storefront; an order in another storefront adds it there with order attributes", async () => {
        const webshop = await storefront("Webshop")
        const outlet = await storefront("Outlet")
        await makeDefault(webshop.salesChannelId)

        const customer = await registerCustomer("ada@example.com", { phone: "+49 151 1234 5678" })
        const [contact] = await until("the contact in the default storefront's account", () => {
          const found = contactsOf(customer.id, webshop.account.chatwoot_account_id)
          return found.length ? found : undefined
        })
        expect(contact).toMatchObject({
          email: "ada@example.com",
          name: "Ada Lovelace",
          phone_number: "+4915112345678",
        })
        expect(contact.custom_attributes).toMatchObject({
          medusa_orders_count: 0,
          medusa_lifetime_value: 0,
          medusa_tier: "standard",
          medusa_storefront: "Webshop",
          medusa_admin_link: `http://localhost:9000/app/customers/${customer.id}`,
        })
        expect(contact.custom_attributes.medusa_customer_since).toEqual(expect.any(String))
        expect(contactsOf(customer.id, outlet.account.chatwoot_account_id)).toHaveLength(0)

        const order = await placeOrder(customer, outlet.salesChannelId, 300)
        const [inOutlet] = await until("the contact in the order's storefront account", () => {
          const found = contactsOf(customer.id, outlet.account.chatwoot_account_id)
          return found.length && found[0].custom_attributes.medusa_last_order_status === "completed" ? found : undefined
        })
        expect(inOutlet.custom_attributes).toMatchObject({
          medusa_orders_count: 1,
          medusa_lifetime_value: 600,
          medusa_currency: "EUR",
          medusa_last_order_id: String(order.display_id),
          medusa_tier: "silver",
          medusa_storefront: "Outlet",
        })
        // the webshop's account does not see the outlet's orders
        expect(contactsOf(customer.id, webshop.account.chatwoot_account_id)[0].custom_attributes.medusa_orders_count).toBe(0)

        // a change to the customer fans out to both accounts
        await updateCustomersWorkflow(container).run({
          input: { selector: { id: customer.id }, update: { last_name: "King" } },
        })
        await until("the new name in both accounts", () => {
          const all = contactsOf(customer.id)
          return all.length === 2 && all.every((c) => c.name === "Ada King")
        })
        const rows = await chatwoot().listChatwootContacts({ customer_id: customer.id })
        expect(rows.map((r) => r.account_id).sort()).toEqual([outlet.account.id, webshop.account.id].sort())
        expect(rows.every((r) => r.attributes_hash && r.chatwoot_contact_id)).toBe(true)
      })

      it("a guest's cart makes them a contact of that storefront with the cart's value; an update of the cart refreshes it", async () => {
        const outlet = await storefront("Outlet")
        const { result: regions } = await createRegionsWorkflow(container).run({
          input: { regions: [{ name: "EU", currency_code: "eur" }] },
        })
        const { result: cart } = await createCartWorkflow(container).run({
          input: {
            email: "guest.shopper@example.com",
            sales_channel_id: outlet.salesChannelId,
            region_id: regions[0].id,
            currency_code: "eur",
            items: [{ title: "Mug", quantity: 2, unit_price: 15 }],
          } as never,
        })
        const customerId = (cart as { customer_id: string }).customer_id
        expect(customerId).toBeTruthy()
        const [contact] = await until("the guest's contact", () => {
          const found = contactsOf(customerId, outlet.account.chatwoot_account_id)
          return found.length ? found : undefined
        })
        expect(contact.email).toBe("guest.shopper@example.com")
        expect(contact.custom_attributes).toMatchObject({ medusa_cart_value: 30, medusa_cart_items: 2, medusa_storefront: "Outlet" })

        await addToCartWorkflow(container).run({
          input: { cart_id: cart.id, items: [{ title: "Spoon", quantity: 1, unit_price: 5 }] } as never,
        })
        await until("the new cart value", () => contactsOf(customerId)[0]?.custom_attributes.medusa_cart_items === 3)
        expect(contactsOf(customerId)[0].custom_attributes.medusa_cart_value).toBe(35)
        expect(contactsOf(customerId)).toHaveLength(1)
      })

      it("a guest who registers has their guest contact merged into the customer's contact, with no duplicate left", async () => {
        const outlet = await storefront("Outlet")
        const { result: regions } = await createRegionsWorkflow(container).run({
          input: { regions: [{ name: "EU", currency_code: "eur" }] },
        })
        const { result: cart } = await createCartWorkflow(container).run({
          input: {
            email: "returning@example.com",
            sales_channel_id: outlet.salesChannelId,
            region_id: regions[0].id,
            currency_code: "eur",
            items: [{ title: "Mug", quantity: 1, unit_price: 15 }],
          } as never,
        })
        const guestId = (cart as { customer_id: string }).customer_id
        const [guestContact] = await until("the guest's contact", () => {
          const found = contactsOf(guestId)
          return found.length ? found : undefined
        })
        await idle()

        const customer = await registerCustomer("returning@example.com", { first_name: "Rita", last_name: "Returns" })
        expect(customer.id).not.toBe(guestId)
        const [merged] = await until("the merged contact with the e-mail", () => {
          const found = contactsOf(customer.id, outlet.account.chatwoot_account_id)
          return found.length && found[0].email === "returning@example.com" ? found : undefined
        })
        await idle()
        expect(merged.name).toBe("Rita Returns")
        expect(contactsOf(guestId)).toHaveLength(0)
        expect(sandbox().state.contacts.has(guestContact.id)).toBe(false)
        const inAccount = [...sandbox().state.contacts.values()].filter(
          (c) => c.account_id === outlet.account.chatwoot_account_id
        )
        expect(inAccount).toHaveLength(1)
        expect(sandbox().requests.filter((r) => r.path.endsWith("/actions/contact_merge") && r.status === 200)).toHaveLength(1)
        expect(await chatwoot().listChatwootContacts({ customer_id: guestId })).toHaveLength(0)
        expect((await stats()).counts.failed).toBe(0)
      })

      it("an existing customer who logs in (guest cart transferred) absorbs the contact of their guest self, with no duplicate left", async () => {
        const outlet = await storefront("Outlet")
        const customer = await registerCustomer("login@example.com", { first_name: "Lena", last_name: "Login" })
        // a guest customer with the same e-mail (an earlier checkout without logging in)
        const { result: guests } = await createCustomersWorkflow(container).run({
          input: { customersData: [{ email: "login@example.com", has_account: false }] },
        })
        const guestId = guests[0].id
        const { result: regions } = await createRegionsWorkflow(container).run({
          input: { regions: [{ name: "EU", currency_code: "eur" }] },
        })
        const { result: cart } = await createCartWorkflow(container).run({
          input: {
            customer_id: guestId,
            sales_channel_id: outlet.salesChannelId,
            region_id: regions[0].id,
            currency_code: "eur",
            items: [{ title: "Mug", quantity: 1, unit_price: 15 }],
          } as never,
        })
        const [guestContact] = await until("the guest's contact in the outlet", () => {
          const found = contactsOf(guestId, outlet.account.chatwoot_account_id)
          return found.length ? found : undefined
        })
        await idle()
        expect(contactsOf(customer.id, outlet.account.chatwoot_account_id)).toHaveLength(0)
        sandbox().clearLog()

        // the customer logs in: the storefront transfers the guest cart to them
        await transferCartCustomerWorkflow(container).run({ input: { id: cart.id, customer_id: customer.id } })
        const [merged] = await until("the customer's contact with the e-mail in the outlet", () => {
          const found = contactsOf(customer.id, outlet.account.chatwoot_account_id)
          return found.length && found[0].email === "login@example.com" ? found : undefined
        })
        await idle()
        expect(merged).toMatchObject({ name: "Lena Login" })
        expect(merged.custom_attributes).toMatchObject({ medusa_cart_items: 1, medusa_cart_value: 15 })
        expect(sandbox().state.contacts.has(guestContact.id)).toBe(false)
        const inAccount = [...sandbox().state.contacts.values()].filter((c) => c.account_id === outlet.account.chatwoot_account_id)
        expect(inAccount).toHaveLength(1)
        expect(sandbox().requests.filter((r) => r.path.endsWith("/actions/contact_merge") && r.status === 200)).toHaveLength(1)
        expect(await chatwoot().listChatwootContacts({ customer_id: guestId })).toHaveLength(0)
        expect((await stats()).counts.failed).toBe(0)
      })

      it("ten rapid updates make at most two Chatwoot writes, and an unchanged customer sends nothing", async () => {
        const webshop = await storefront("Webshop")
        await makeDefault(webshop.salesChannelId)
        const customer = await registerCustomer("grace@example.com")
        await until("the contact", () => contactsOf(customer.id).length === 1)
        await idle()
        sandbox().clearLog()

        await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            updateCustomersWorkflow(container).run({
              input: { selector: { id: customer.id }, update: { first_name: `Grace${i}` } },
            })
          )
        )
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const { data } = await query.graph({ entity: "customer", fields: ["first_name"], filters: { id: customer.id } })
        const finalName = `${data[0].first_name} Lovelace`
        await until("the final name", () => contactsOf(customer.id)[0]?.name === finalName)
        await idle()
        const writes = sandbox().requests.filter(isContactWrite)
        expect(writes.length).toBeGreaterThanOrEqual(1)
        expect(writes.length).toBeLessThanOrEqual(2)
        expect(contactsOf(customer.id)).toHaveLength(1)

        // metadata is not sent to Chatwoot: the hash is unchanged, no call is made
        const before = (await stats()).counts.done
        sandbox().clearLog()
        await updateCustomersWorkflow(container).run({
          input: { selector: { id: customer.id }, update: { metadata: { note: "vip" } } },
        })
        await until("the unchanged change processed", async () => {
          const s = await stats()
          return s.counts.pending === 0 && s.counts.processing === 0 && s.counts.done > before
        })
        expect(sandbox().requests.filter(isContactCall)).toHaveLength(0)
      })

      it("deleting a customer erases the contact in every account and purges the plugin's rows about them", async () => {
        const webshop = await storefront("Webshop")
        const outlet = await storefront("Outlet")
        await makeDefault(webshop.salesChannelId)
        const customer = await registerCustomer("erase.me@example.com")
        await placeOrder(customer, outlet.salesChannelId, 10)
        await until("contacts in both accounts", () => contactsOf(customer.id).length === 2)
        await idle()

        await deleteCustomersWorkflow(container).run({ input: { ids: [customer.id] } })
        await until("no contact left", () => contactsOf(customer.id).length === 0)
        await idle()
        expect(await chatwoot().listChatwootContacts({ customer_id: customer.id })).toHaveLength(0)
        expect(await chatwoot().listChatwootSyncJobs({ subject: customer.id })).toHaveLength(0)
        const erased = await chatwoot().listChatwootSyncJobs({ kind: "contact_erase" })
        expect(erased.length).toBeGreaterThanOrEqual(2)
        expect(erased.every((r) => r.status === "done" && r.subject === "erased" && !r.coalesce_key.includes(customer.id))).toBe(true)
      })

      it("changes made during a Chatwoot outage all land after recovery, each contact exactly once with its final data", async () => {
        const webshop = await storefront("Webshop")
        await makeDefault(webshop.salesChannelId)
        sandbox().faults.outage({ forMs: 10 * 60_000 })

        const customers = []
        for (let i = 0; i < 5; i++) customers.push(await registerCustomer(`outage${i}@example.com`))
        for (const [i, c] of customers.entries()) {
          await updateCustomersWorkflow(container).run({ input: { selector: { id: c.id }, update: { last_name: `First${i}` } } })
          await updateCustomersWorkflow(container).run({ input: { selector: { id: c.id }, update: { last_name: `Final${i}` } } })
        }
        await until("failed attempts recorded", async () => {
          const rows = (await chatwoot().listChatwootSyncJobs({ kind: "contact_upsert" })).filter((r) => r.status !== "done")
          return rows.length === 5 && rows.every((r) => r.attempts >= 1 && r.last_error) ? rows : undefined
        })
        expect(sandbox().state.contacts.size).toBe(0)

        sandbox().faults.clear()
        await until(
          "every contact with its final name",
          () => customers.every((c, i) => contactsOf(c.id).length === 1 && contactsOf(c.id)[0].name === `Ada Final${i}`),
          120_000
        )
        await idle()
        for (const c of customers) expect(contactsOf(c.id)).toHaveLength(1)
        expect((await stats()).counts.failed).toBe(0)
      })

      it("two drains running at once never send a change twice", async () => {
        const webshop = await storefront("Webshop")
        // guests (no account, no cart): the subscribers queue nothing for them
        const { result: guests } = await createCustomersWorkflow(container).run({
          input: { customersData: Array.from({ length: 8 }, (_, i) => ({ email: `guest${i}@example.com` })) },
        })
        await idle()
        expect((await stats()).counts.done).toBe(0)
        await chatwoot().enqueueSyncJobs(
          guests.map((g) => ({ account_id: webshop.account.id, kind: "contact_upsert" as const, subject: g.id }))
        )
        sandbox().clearLog()
        const [a, b] = await Promise.all([
          drainChatwootSyncQueue(container, { owner: "drainer-a", batchSize: 3 }),
          drainChatwootSyncQueue(container, { owner: "drainer-b", batchSize: 3 }),
        ])
        expect(a.claimed + b.claimed).toBeLessThanOrEqual(8)
        await idle()
        const creates = sandbox().requests.filter((r) => r.method === "POST" && /\/contacts$/.test(r.path) && r.status === 200)
        expect(creates).toHaveLength(8)
        for (const g of guests) expect(contactsOf(g.id)).toHaveLength(1)
        expect(sandbox().requests.filter(isContactWrite)).toHaveLength(8)
      })

      it("rows a drainer left mid-flight (a restart) are reclaimed once their lease ran out and sent exactly once", async () => {
        const webshop = await storefront("Webshop")
        const { result: guests } = await createCustomersWorkflow(container).run({
          input: { customersData: [{ email: "left.behind@example.com" }, { email: "left.behind2@example.com" }] },
        })
        await idle()
        const threeMinutesAgo = new Date(Date.now() - 3 * 60_000)
        await chatwoot().enqueueSyncJobs(
          guests.map((g) => ({ account_id: webshop.account.id, kind: "contact_upsert" as const, subject: g.id })),
          threeMinutesAgo
        )
        // a drainer claimed them three minutes ago and died before finishing
        const stale = await chatwoot().claimSyncJobs({ owner: "crashed-process", now: threeMinutesAgo })
        expect(stale).toHaveLength(2)
        expect((await stats()).counts.processing).toBe(2)
        // (the every-minute drain job may be the one that picks them up: either way, once)
        await drainChatwootSyncQueue(container, { owner: "fresh-process" })
        await idle()
        for (const g of guests) expect(contactsOf(g.id)).toHaveLength(1)
        const rows = await chatwoot().listChatwootSyncJobs({ subject: guests.map((g) => g.id) })
        expect(rows.every((r) => r.status === "done" && r.attempts === 2)).toBe(true)
      })

      it("shows the queue and replays failed rows", async () => {
        const webshop = await storefront("Webshop")
        // a note for a contact Chatwoot no longer has: the 404 is not worth a retry, so the row is parked
        await chatwoot().createChatwootContacts({ account_id: webshop.account.id, customer_id: "cus_x", chatwoot_contact_id: 999_999 })
        await chatwoot().enqueueSyncJobs([
          { account_id: webshop.account.id, kind: "private_note", subject: "cus_x", payload: { order_id: "order_x" } },
        ])
        await drainChatwootSyncQueue(container)
        const s = await until("the parked row", async () => {
          const current = await stats()
          return current.counts.failed === 1 ? current : undefined
        })
        expect(s.failed[0]).toMatchObject({ kind: "private_note" })
        expect(s.failed[0].last_error).toMatch(/404|not found/i)
        expect(JSON.stringify(s)).not.toMatch(/access_token/)

        const other = (await api.get("/admin/chatwoot/sync?account_id=cwacc_other", { headers })).data.sync as SyncStats
        expect(other.counts).toEqual({ pending: 0, processing: 0, done: 0, failed: 0 })

        const res = await api.post("/admin/chatwoot/sync/replay", { ids: [s.failed[0].id] }, { headers })
        expect(res.data.replayed).toEqual([s.failed[0].id])
        const bad = await api.post("/admin/chatwoot/sync/replay", { ids: "x" }, { headers }).catch((e) => e.response)
        expect(bad.status).toBe(400)
      })
    })
  },
})
