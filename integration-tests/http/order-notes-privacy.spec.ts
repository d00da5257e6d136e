import { randomUUID } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { adminHeaders } from "../helpers/auth"
import { useChatwootSandbox } from "../helpers/sandbox"
import { syncTestKit, until } from "../helpers/sync-kit"
import syncOrder from "../../src/subscribers/chatwoot-sync-order"
import syncRefund from "../../src/subscribers/chatwoot-sync-refund"

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

    const { chatwoot, storefront, makeDefault, registerCustomer, placeOrder, contactsOf, stats, idle } = syncTestKit({
      api,
      container: () => container,
      headers: () => headers,
      sandbox,
    })

    /** A registered customer of the default storefront, with their contact in its account. */
    async function customerWithContact(email: string) {
      const webshop = await storefront("Webshop")
      await makeDefault(webshop.salesChannelId)
      const customer = await registerCustomer(email)
      const [contact] = await until("the contact", () => {
        const found = contactsOf(customer.id, webshop.account.chatwoot_account_id)
        return found.length ? found : undefined
      })
      await idle()
      return { webshop, customer, contact }
    }

    /** Opens a conversation for the contact (as a customer writing in) through the account's API. */
    async function openConversation(accountRowId: string, contactId: number, text: string) {
      const [account] = await chatwoot().listChatwootAccounts({ id: accountRowId })
      const contactInbox = [...sandbox().state.contactInboxes.values()].find((ci) => ci.contact_id === contactId)
      if (!contactInbox) throw new Error("contact has no contact inbox")
      const client = chatwoot().accountApi(account)
      // the customer's own HMAC-verified widget session (identity-trust.ts: only that makes it theirs)
      const conversation = await client.conversations.create({
        source_id: randomUUID(),
        inbox_id: contactInbox.inbox_id,
        contact_id: contactId,
        hmac_verified: true,
      })
      await client.messages.create(conversation.id, { content: text, message_type: "incoming" })
      return conversation
    }

    const notesOf = (orderId: string) =>
      [...sandbox().state.messages.values()].filter((m) => m.private && m.source_id === `medusa-order-${orderId}`)

    describe("order notes", () => {
      it("a placed order posts one private note with its summary in the contact's open conversation; re-delivered events add none", async () => {
        const { webshop, customer, contact } = await customerWithContact("note@example.com")
        await openConversation(webshop.account.id, contact.id, "Where is my tea?")

        const order = await placeOrder(customer, webshop.salesChannelId, 10)
        const [note] = await until("the order's private note", () => {
          const found = notesOf(order.id)
          return found.length ? found : undefined
        })
        expect(note.message_type).toBe("outgoing")
        expect(note.content).toContain(`Order #${order.display_id}`)
        expect(note.content).toContain("€20.00")
        expect(note.content).toContain("2 × Tea")
        expect(note.content).toContain(`/app/orders/${order.id}`)
        await idle()

        // the events arrive again (at-least-once delivery)
        for (const name of ["order.placed", "order.completed", "order.placed"]) {
          await syncOrder({ event: { name, data: { id: order.id } }, container } as never)
          await idle()
        }
        const rows = await chatwoot().listChatwootSyncJobs({ kind: "private_note", subject: customer.id })
        expect(rows.length).toBeGreaterThanOrEqual(2)
        expect(rows.every((r) => r.status === "done")).toBe(true)
        expect(notesOf(order.id)).toHaveLength(1)
      })

      it("without an open conversation no note is posted", async () => {
        const { webshop, customer } = await customerWithContact("quiet@example.com")
        const order = await placeOrder(customer, webshop.salesChannelId, 5)
        await until("the note row done", async () => {
          const rows = await chatwoot().listChatwootSyncJobs({ kind: "private_note", subject: customer.id })
          return rows.length && rows.every((r) => r.status === "done") ? rows : undefined
        })
        expect(notesOf(order.id)).toHaveLength(0)
        expect([...sandbox().state.messages.values()].filter((m) => m.private)).toHaveLength(0)
      })
    })

    describe("refunds", () => {
      it("payment.refunded refreshes the contact of the payment's order", async () => {
        const { webshop, customer } = await customerWithContact("refund@example.com")
        const order = await placeOrder(customer, webshop.salesChannelId, 10)
        await idle()

        const payments = container.resolve(Modules.PAYMENT)
        const [collection] = await payments.createPaymentCollections([{ currency_code: "eur", amount: 20 }])
        await container.resolve(ContainerRegistrationKeys.LINK).create({
          [Modules.ORDER]: { order_id: order.id },
          [Modules.PAYMENT]: { payment_collection_id: collection.id },
        })
        const session = await payments.createPaymentSession(collection.id, {
          provider_id: "pp_system_default",
          currency_code: "eur",
          amount: 20,
          data: {},
        })
        const payment = await payments.authorizePaymentSession(session.id, {})

        const before = await chatwoot().listChatwootSyncJobs({ kind: "contact_upsert", subject: customer.id })
        await syncRefund({ event: { name: "payment.refunded", data: { id: payment.id } }, container } as never)
        const after = await chatwoot().listChatwootSyncJobs({ kind: "contact_upsert", subject: customer.id })
        expect(after.length).toBe(before.length + 1)
        const fresh = after.find((r) => !before.some((b) => b.id === r.id))!
        expect(fresh.account_id).toBe(webshop.account.id)
        await idle()

        // an unknown payment is ignored
        await syncRefund({ event: { name: "payment.refunded", data: { id: "pay_unknown" } }, container } as never)
        expect(await chatwoot().listChatwootSyncJobs({ kind: "contact_upsert", subject: customer.id })).toHaveLength(after.length)
      })
    })

    describe("GDPR", () => {
      it("export holds the plugin's rows and, per account, the contact, its conversations and their messages — and no token", async () => {
        const { webshop, customer, contact } = await customerWithContact("export@example.com")
        const conversation = await openConversation(webshop.account.id, contact.id, "Please delete my data")

        const res = await api.get(`/admin/chatwoot/customers/${customer.id}/export`, { headers })
        expect(res.status).toBe(200)
        expect(res.headers["content-disposition"]).toContain("attachment")
        const data = res.data
        expect(data.customer_id).toBe(customer.id)
        expect(data.plugin.contacts).toEqual([
          expect.objectContaining({ account_id: webshop.account.id, chatwoot_contact_id: contact.id }),
        ])
        expect(data.plugin.sync_jobs.length).toBeGreaterThan(0)
        expect(data.accounts).toHaveLength(1)
        const [entry] = data.accounts
        expect(entry.chatwoot_account_id).toBe(webshop.account.chatwoot_account_id)
        expect(entry.contact).toMatchObject({ id: contact.id, identifier: customer.id, email: "export@example.com" })
        expect(entry.conversations).toHaveLength(1)
        expect(entry.conversations[0].id).toBe(conversation.id)
        expect(entry.conversations[0].messages.map((m: { content: string }) => m.content)).toContain("Please delete my data")

        const text = JSON.stringify(data)
        const [account] = await chatwoot().listChatwootAccounts({ id: webshop.account.id })
        const token = chatwoot().decryptSecret("access_token", account.access_token_encrypted!)
        expect(text).not.toContain(token)
        expect(text).not.toContain(account.access_token_encrypted!)
        expect(text).not.toMatch(/token|secret|password/i)
      })

      it("an admin-triggered erase deletes the contact in every account and keeps the Medusa customer", async () => {
        const { webshop, customer } = await customerWithContact("erase@example.com")
        const outlet = await storefront("Outlet")
        await placeOrder(customer, outlet.salesChannelId, 3)
        await until("the contact in both accounts", () => contactsOf(customer.id).length === 2)
        await idle()

        const res = await api.post(`/admin/chatwoot/customers/${customer.id}/erase`, {}, { headers })
        expect(res.status).toBe(202)
        expect(res.data.queued).toBeGreaterThanOrEqual(2)
        await until("the contacts erased", () => contactsOf(customer.id).length === 0)
        await idle()
        expect(await chatwoot().listChatwootContacts({ customer_id: customer.id })).toHaveLength(0)
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const { data: customers } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: customer.id } })
        expect(customers).toHaveLength(1)
        expect(webshop.account.id).not.toBe(outlet.account.id)

        const after = (await api.get(`/admin/chatwoot/customers/${customer.id}/export`, { headers })).data
        expect(after.plugin.contacts).toHaveLength(0)
        expect(after.accounts).toHaveLength(0)
      })
    })
  },
})
