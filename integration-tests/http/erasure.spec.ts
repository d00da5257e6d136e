import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { suspendChatwootAccountWorkflow } from "../../src/workflows"
import { contactUpsert } from "../../src/sync/handlers"
import type { SyncJobRow } from "../../src/modules/chatwoot/sync-queue"
import { resetRateLimiters as resetStorefrontLimiters } from "../../src/api/rate-limits"
import { adminHeaders, createStorefront } from "../helpers/auth"
import { waitForAccount } from "../helpers/accounts"
import { useChatwootSandbox } from "../helpers/sandbox"
import { syncTestKit, until } from "../helpers/sync-kit"
import { routeWebhooksTo } from "../helpers/webhooks"
import { buildConversationPayload, buildMessagePayload } from "../sandbox"

jest.setTimeout(300_000)

const sandbox = useChatwootSandbox()

type Knex = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let container: MedusaContainer

    beforeEach(async () => {
      container = getContainer()
      headers = await adminHeaders(container)
      resetStorefrontLimiters()
    })

    const kit = syncTestKit({ api, container: () => container, headers: () => headers, sandbox })
    const { chatwoot, makeDefault, registerCustomer, placeOrder, contactsOf, idle } = kit
    const db = () => container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)

    /** A storefront with a publishable key and its active account, its webhooks reaching this Medusa. */
    async function shop(name: string) {
      const sf = await createStorefront(container, name)
      const account = await waitForAccount(api, headers, sf.salesChannelId)
      routeWebhooksTo(sandbox(), api, account.chatwoot_account_id)
      return { ...sf, account }
    }

    /**
     * Every text, varchar and json(b) column of every `chatwoot_*` table,
     * scanned for each needle (case-insensitive): the places that still hold one.
     */
    async function tracesOf(needles: string[]) {
      const { rows: columns } = await db().raw(
        `select table_name, column_name from information_schema.columns
          where table_schema = current_schema() and table_name like 'chatwoot\\_%'
            and data_type in ('text', 'character varying', 'json', 'jsonb', 'ARRAY')`
      )
      expect(columns.length).toBeGreaterThan(20)
      const found: string[] = []
      for (const { table_name, column_name } of columns as { table_name: string; column_name: string }[]) {
        for (const needle of needles) {
          const { rows } = await db().raw(
            `select count(*)::int as n from "${table_name}" where position(lower(?) in lower("${column_name}"::text)) > 0`,
            [needle]
          )
          if (Number(rows[0].n)) found.push(`${table_name}.${column_name} holds ${needle} (${rows[0].n})`)
        }
      }
      return found
    }

    const sandboxContactsWith = (email: string, ids: string[]) =>
      [...sandbox().state.contacts.values()].filter(
        (c) => (c.email ?? "").toLowerCase() === email || (c.identifier !== null && ids.includes(c.identifier))
      )
    const sandboxMessagesWith = (text: string) => [...sandbox().state.messages.values()].filter((m) => (m.content ?? "").includes(text))

    const contactForm = (sf: { headers: Record<string, string> }, email: string, message: string) =>
      api.post("/store/chatwoot/contact", { email, name: "Ada Visitor", message }, { headers: sf.headers, validateStatus: () => true })

    it("erases the customer, their guest record and every e-mail they used from every chatwoot_* table and every account", async () => {
      const email = "erase.everything@example.com"
      const webshop = await shop("Webshop")
      const outlet = await shop("Outlet")
      const kiosk = await shop("Kiosk")
      await makeDefault(webshop.salesChannelId)

      // a registered customer with orders in two storefronts: a contact (by identifier) in both accounts
      const customer = await registerCustomer(email)
      await placeOrder(customer, webshop.salesChannelId, 5)
      await placeOrder(customer, outlet.salesChannelId, 7)
      await until("the contact in both accounts", () => contactsOf(customer.id).length === 2)

      // a guest customer record with the same e-mail and an order in the outlet
      const { result: guests } = await createCustomersWorkflow(container).run({
        input: { customersData: [{ email, first_name: "Ada", last_name: "Lovelace", has_account: false }] },
      })
      const guest = guests[0]
      await placeOrder(guest, outlet.salesChannelId, 3)
      await until("the guest's contact", () => contactsOf(guest.id).length === 1)
      await idle()

      // an anonymous contact-form post with that e-mail (Chatwoot reuses the contact with the e-mail)
      const posted = await contactForm(webshop, email, "FORMTEXT-7731 please call me back")
      expect(posted.status).toBe(201)

      // an unverified widget conversation: a pre-chat visitor with the e-mail, no identifier
      const [kioskRow] = await chatwoot().listChatwootAccounts({ id: kiosk.account.id })
      const kioskApi = chatwoot().accountApi(kioskRow)
      const website = kiosk.account.inboxes.find((i) => i.kind === "website")!.chatwoot_inbox_id
      const visitor = await kioskApi.contacts.create({ name: "Ada Visitor", email, inbox_id: website })
      const widgetConversation = await kioskApi.conversations.create({
        source_id: visitor.contact_inbox!.source_id,
        inbox_id: website,
        contact_id: visitor.contact.id,
      })
      await until("the widget conversation's mirror", async () => (await chatwoot().listChatwootConversations({ account_id: kiosk.account.id })).length)
      // the visitor writes (Chatwoot's widget posts it; the Application API takes incoming messages only in API inboxes)
      const delivered = await sandbox().sendWebhook(
        kiosk.account.chatwoot_account_id,
        "message_created",
        buildMessagePayload("message_created", {
          account: { id: kiosk.account.chatwoot_account_id, name: "Kiosk" },
          conversation: {
            id: widgetConversation.id,
            inbox_id: website,
            meta: { sender: { id: visitor.contact.id, email, identifier: null } },
          },
          inbox: { id: website, name: "Kiosk" },
          sender: { id: visitor.contact.id, email, identifier: null, name: "Ada Visitor" },
          content: "WIDGETTEXT-4410 my address is",
          created_at: new Date().toISOString(),
        } as never)
      )
      expect(delivered[0].status).toBe(200)
      await until("the mirror of both conversations", async () => {
        const rows = await chatwoot().listChatwootConversations({})
        return rows.filter((r) => r.last_message?.includes("TEXT-")).length >= 2
      })
      const [widgetMirror] = await chatwoot().listChatwootConversations({ account_id: kiosk.account.id })
      expect(widgetMirror.customer_id).toBeNull()

      // Chatwoot fails: contact-form messages are queued with their text; one is parked as failed
      sandbox().faults.serverError({ status: 500, requests: 10_000, match: { path: /^\/public\/api\/v1\/inboxes\/[^/]+\/contacts$/ } })
      expect((await contactForm(outlet, email, "QUEUEDTEXT-5120 first")).status).toBe(202)
      expect((await contactForm(outlet, email, "QUEUEDTEXT-5120 second")).status).toBe(202)
      const queued = await until("both rows waiting", async () => {
        const rows = await chatwoot().listChatwootSyncJobs({ kind: "contact_message", status: "pending" })
        return rows.length === 2 ? rows : undefined
      })
      await chatwoot().updateChatwootSyncJobs({ id: queued[0].id, status: "failed", last_error: "parked" })

      const needles = [email, "FORMTEXT-7731", "WIDGETTEXT-4410", "QUEUEDTEXT-5120"]
      expect((await tracesOf(needles)).length).toBeGreaterThan(0)
      expect(sandboxContactsWith(email, [customer.id, guest.id]).length).toBeGreaterThanOrEqual(3)

      const res = await api.post(`/admin/chatwoot/customers/${customer.id}/erase`, {}, { headers })
      expect(res.status).toBe(202)
      expect(res.data.queued).toBe(3)
      sandbox().faults.clear()

      await until("the erase done in every account", async () => {
        const rows = await chatwoot().listChatwootSyncJobs({ kind: "contact_erase" })
        return rows.length === 3 && rows.every((r) => r.status === "done")
      })
      await idle()

      expect(await tracesOf(needles)).toEqual([])
      expect(sandboxContactsWith(email, [customer.id, guest.id])).toEqual([])
      expect(sandboxMessagesWith("FORMTEXT-7731")).toEqual([])
      expect(sandboxMessagesWith("QUEUEDTEXT-5120")).toEqual([])
      // the anonymous contact-form post kept the typed e-mail on the conversation and in the message, not the contact
      expect(sandboxMessagesWith(email)).toEqual([])

      // a late delivery about the widget conversation, as of before the erase, does not mirror it again
      const late = await sandbox().sendWebhook(
        kiosk.account.chatwoot_account_id,
        "conversation_updated",
        buildConversationPayload("conversation_updated", {
          account: { id: kiosk.account.chatwoot_account_id, name: "Kiosk" },
          id: widgetConversation.id,
          inbox_id: website,
          meta: { sender: { id: visitor.contact.id, email, identifier: null } },
          updated_at: Math.floor(Date.now() / 1000) - 30,
        } as never)
      )
      expect(late[0].status).toBe(200)
      await until("the late delivery processed", async () => {
        const rows = await chatwoot().listChatwootWebhookDeliveries({ account_id: kiosk.account.id, event: "conversation_updated" })
        return rows.length > 0 && rows.every((r) => r.processed_at || r.error)
      })
      expect(await chatwoot().listChatwootConversations({ account_id: kiosk.account.id })).toEqual([])
      expect(await tracesOf(needles)).toEqual([])

      // what is kept: one anonymous audit entry
      const [audit] = await chatwoot().listChatwootErasures({})
      expect(audit.completed_at).toBeTruthy()
      expect([...(audit.account_ids as unknown as string[])].sort()).toEqual(
        [webshop.account.id, outlet.account.id, kiosk.account.id].sort()
      )
      expect(audit.subject_hashes).toHaveLength(2)
      // customer in webshop and outlet, visitor in kiosk (+ the guest's, unless a customer sync merged it already)
      expect((audit.counts as Record<string, number>).contacts_deleted).toBeGreaterThanOrEqual(3)
      expect((audit.counts as Record<string, number>).accounts_done).toBe(3)
      const text = JSON.stringify(audit)
      for (const value of [customer.id, guest.id, email, "Lovelace", "Ada"]) expect(text).not.toContain(value)

      // the Medusa customer stays (the admin erase removes only the Chatwoot side)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: customer.id } })
      expect(data).toHaveLength(1)
    })

    it("an upsert queued before the erase does not re-create the contact; a change after it does", async () => {
      const webshop = await shop("Webshop")
      await makeDefault(webshop.salesChannelId)
      const customer = await registerCustomer("race@example.com")
      await until("the contact", () => contactsOf(customer.id).length === 1)
      await idle()
      const before = new Date(Date.now() - 1_000)

      expect((await api.post(`/admin/chatwoot/customers/${customer.id}/erase`, {}, { headers })).status).toBe(202)
      await until("the contact erased", () => contactsOf(customer.id).length === 0)
      await idle()

      // a row claimed before the erase ran, processed after it (a drainer was mid-flight)
      const inFlight = {
        id: "cwsync_inflight",
        account_id: webshop.account.id,
        kind: "contact_upsert",
        subject: customer.id,
        coalesce_key: `${webshop.account.id}:contact_upsert:${customer.id}`,
        payload: {},
        status: "processing",
        attempts: 1,
        next_attempt_at: before,
        last_error: null,
        locked_by: "other",
        locked_at: before,
        coalesced_count: 0,
        created_at: before,
        updated_at: before,
      } satisfies SyncJobRow
      expect(await contactUpsert(container, inFlight)).toEqual({ note: "skipped: erased", anonymize: true })
      expect(contactsOf(customer.id)).toEqual([])
      expect(await chatwoot().listChatwootContacts({ customer_id: customer.id })).toEqual([])

      // the customer comes back later: that change is theirs to make
      expect(await contactUpsert(container, { ...inFlight, created_at: new Date(), updated_at: new Date() })).toEqual({})
      expect(contactsOf(customer.id)).toHaveLength(1)
    })

    it("an erase in a suspended account waits (pending, not failed) and completes after the resume", async () => {
      const webshop = await shop("Webshop")
      await makeDefault(webshop.salesChannelId)
      const customer = await registerCustomer("suspended@example.com")
      await until("the contact", () => contactsOf(customer.id).length === 1)
      await idle()
      await suspendChatwootAccountWorkflow(container).run({ input: { account_id: webshop.account.id } })

      expect((await api.post(`/admin/chatwoot/customers/${customer.id}/erase`, {}, { headers })).status).toBe(202)
      const { drainChatwootSyncQueue } = await import("../../src/sync/drain")
      // many drains: a suspended account never uses up the row's attempts
      for (let i = 0; i < 12; i++) {
        await db().raw(`update chatwoot_sync_job set next_attempt_at = now() where kind = 'contact_erase' and status = 'pending'`)
        await drainChatwootSyncQueue(container, { budgetMs: 2_000 })
      }
      const [waiting] = await chatwoot().listChatwootSyncJobs({ kind: "contact_erase" })
      expect(waiting).toMatchObject({ status: "pending", last_error: "waiting: account suspended" })
      expect(waiting.attempts).toBeLessThanOrEqual(1)
      expect(contactsOf(customer.id)).toHaveLength(1)

      expect((await api.post(`/admin/chatwoot/accounts/${webshop.account.id}/resume`, {}, { headers })).status).toBeLessThan(300)
      await db().raw(`update chatwoot_sync_job set next_attempt_at = now() where kind = 'contact_erase' and status = 'pending'`)
      await drainChatwootSyncQueue(container, { budgetMs: 5_000 })
      await until("the erase done", async () => {
        const [row] = await chatwoot().listChatwootSyncJobs({ kind: "contact_erase" })
        return row?.status === "done"
      })
      expect(contactsOf(customer.id)).toEqual([])
      const [audit] = await chatwoot().listChatwootErasures({})
      expect(audit.completed_at).toBeTruthy()
    })
  },
})
