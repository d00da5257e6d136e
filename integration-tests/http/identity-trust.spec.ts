/**
 * Issue #12 point 2: one trust rule for identity (src/modules/chatwoot/identity-trust.ts). A
 * conversation belongs to a customer only when Chatwoot marks its contact inbox HMAC-verified, or
 * when the plugin created it for a logged-in customer (the contact form with a customer token).
 * Typing a customer's e-mail — in the contact form or the widget's pre-chat form, where Chatwoot
 * reuses / merges into the customer's contact — never makes anyone that customer.
 *
 * Real Medusa and Postgres; Chatwoot is the sandbox, which reuses contacts by e-mail and merges
 * pre-chat visitors like Chatwoot v4.15.1, and delivers its signed webhooks to the receiver.
 */
import crypto from "node:crypto"
import type { AxiosInstance } from "axios"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createOrderWorkflow, createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createStorefront } from "../helpers/auth"
import { waitForAccount, type TestAccount } from "../helpers/accounts"
import { useChatwootSandbox } from "../helpers/sandbox"
import { syncTestKit, until } from "../helpers/sync-kit"
import { routeWebhooksTo } from "../helpers/webhooks"
import { resetRateLimiters as resetStorefrontLimiters } from "../../src/api/rate-limits"
import { drainChatwootSyncQueue } from "../../src/sync/drain"

jest.setTimeout(300_000)

const sandbox = useChatwootSandbox()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let headers: Record<string, string>

    beforeEach(async () => {
      container = getContainer()
      headers = await adminHeaders(container)
      resetStorefrontLimiters()
    })

    const kit = syncTestKit({ api, container: () => container, headers: () => headers, sandbox })

    type Shop = { salesChannelId: string; headers: Record<string, string>; account: TestAccount }

    /** A storefront whose webhooks reach this Medusa, with order cancel allowed (so a 403 can only be the trust rule). */
    async function shop(): Promise<Shop> {
      const sf = await createStorefront(container, "Trust shop")
      const account = await waitForAccount(api as unknown as AxiosInstance, headers, sf.salesChannelId)
      routeWebhooksTo(sandbox(), api as unknown as AxiosInstance, account.chatwoot_account_id)
      await kit.makeDefault(sf.salesChannelId)
      const allow = await api.post(`/admin/chatwoot/storefronts/${sf.salesChannelId}`, { agent_actions: { cancel_order: true } }, { headers })
      expect(allow.status).toBe(200)
      return { ...sf, account }
    }

    /** A registered customer (logged in through the store API) with a cancelable order in the storefront and their synced contact. */
    async function victim(sf: Shop, email: string) {
      const password = "correct-horse-battery"
      const reg = await api.post("/auth/customer/emailpass/register", { email, password })
      const created = await api.post(
        "/store/customers",
        { email, first_name: "Vic", last_name: "Tim" },
        { headers: { ...sf.headers, authorization: `Bearer ${reg.data.token}` } }
      )
      const login = await api.post("/auth/customer/emailpass", { email, password })
      const customer = created.data.customer as { id: string; email: string }
      const order = await orderOf({ customer_id: customer.id, email }, sf.salesChannelId, 40)
      const [contact] = await until("the customer's contact", () => {
        const found = kit.contactsOf(customer.id, sf.account.chatwoot_account_id)
        return found.length ? found : undefined
      })
      await kit.idle()
      return { customer, order, contact, loggedIn: { ...sf.headers, authorization: `Bearer ${login.data.token}` } }
    }

    /** A placed (cancelable) order; without customer_id a guest order. */
    async function orderOf(who: { customer_id?: string; email: string }, salesChannelId: string, unitPrice: number) {
      const { result: regions } = await createRegionsWorkflow(container).run({
        input: { regions: [{ name: `EU ${unitPrice} ${who.email}`, currency_code: "eur" }] },
      })
      const { result: order } = await createOrderWorkflow(container).run({
        input: {
          ...who,
          sales_channel_id: salesChannelId,
          currency_code: "eur",
          region_id: regions[0].id,
          items: [{ title: "Kettle", quantity: 1, unit_price: unitPrice }],
        } as never,
      })
      return order as { id: string; display_id: number }
    }

    const orderStatus = async (id: string) => {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "order", fields: ["id", "status"], filters: { id } })
      return (data[0] as { status: string }).status
    }

    function secretOf(chatwootAccountId: number) {
      const app = [...sandbox().state.dashboardApps.values()].find((a) => a.account_id === chatwootAccountId)
      const match = /#k=(.+)$/.exec(app?.content[0]?.url ?? "")
      if (!match) throw new Error(`no dashboard app secret in account ${chatwootAccountId}`)
      return decodeURIComponent(match[1])
    }

    /** The sandbox's conversation (by display id) in the shop's account. */
    const conversationIn = (sf: Shop, displayId: number) =>
      [...sandbox().state.conversations.values()].find((c) => c.display_id === displayId && c.account_id === sf.account.chatwoot_account_id)!

    /** The mirror row once the conversation's webhooks were processed. */
    const mirrored = (sf: Shop, displayId: number) =>
      until(`the mirror of conversation ${displayId}`, async () => {
        const chatwoot = container.resolve("chatwoot") as { listChatwootConversations: (f: object) => Promise<Record<string, any>[]> }
        const [row] = await chatwoot.listChatwootConversations({ account_id: sf.account.id, chatwoot_conversation_id: displayId })
        return row?.chatwoot_contact_id && row.last_customer_message_at ? row : undefined
      })

    const appContext = (sf: Shop, ids: { contact_id: number; conversation_id: number }) =>
      api.get(`/chatwoot/dashboard-app/api/context?contact_id=${ids.contact_id}&conversation_id=${ids.conversation_id}`, {
        headers: { "x-dashboard-app-secret": secretOf(sf.account.chatwoot_account_id) },
        validateStatus: () => true,
      })
    const cancel = (sf: Shop, orderId: string, ids: { contact_id: number; conversation_id: number }) =>
      api.post(
        `/chatwoot/dashboard-app/api/orders/${orderId}/cancel`,
        { ...ids, confirm: true, agent: { name: "Grace Agent", email: "grace@example.com" } },
        { headers: { "x-dashboard-app-secret": secretOf(sf.account.chatwoot_account_id) }, validateStatus: () => true }
      )
    const adminConversations = async () =>
      (await api.get("/admin/chatwoot/conversations?status=all&limit=50", { headers })).data.conversations as Record<string, any>[]

    it("an anonymous contact-form post with a customer's e-mail, and a widget visitor typing it in pre-chat, are not that customer: no customer orders, cancel refused with 403", async () => {
      const sf = await shop()
      // a guest checkout with the e-mail before the customer registered (Medusa keeps a has_account: false
      // customer for it): the only kind of order an unverified e-mail may match
      const guestOrder = await orderOf({ email: "victim@example.com" }, sf.salesChannelId, 15)
      const { customer, order, contact } = await victim(sf, "victim@example.com")

      // 1. the contact form, anonymously, with the customer's e-mail
      const posted = await api.post(
        "/store/chatwoot/contact",
        { email: "Victim@Example.com", name: "Attacker", message: "Please cancel my order" },
        { headers: sf.headers, validateStatus: () => true }
      )
      expect(posted.status).toBe(201)
      const formConversation = conversationIn(sf, posted.data.conversation_id)
      // Chatwoot would have reused the customer's contact for the typed e-mail: the plugin never gives it one
      expect(formConversation.contact_id).not.toBe(contact.id)
      expect(sandbox().state.contacts.get(formConversation.contact_id)!.email).toBeNull()
      expect(formConversation.custom_attributes).toMatchObject({ medusa_contact_email: "victim@example.com" })

      // 2. a widget visitor typing the customer's e-mail in the pre-chat form: Chatwoot merges them into the customer's contact
      const website = sf.account.inboxes.find((i) => i.kind === "website")!
      const visit = sandbox().widgetVisitor({ websiteToken: website.website_token!, email: "victim@example.com", name: "Attacker", content: "cancel it" })
      expect(visit.contact_id).toBe(contact.id)
      expect(visit.hmac_verified).toBe(false)
      expect(sandbox().state.contacts.get(contact.id)!.identifier).toBe(customer.id)

      const subjects = [
        { contact_id: formConversation.contact_id, conversation_id: formConversation.display_id },
        { contact_id: visit.contact_id, conversation_id: visit.conversation_id! },
      ]
      for (const ids of subjects) {
        const row = await mirrored(sf, ids.conversation_id)
        expect({ customer_id: row.customer_id, identity_source: row.identity_source }).toEqual({ customer_id: null, identity_source: null })

        const res = await appContext(sf, ids)
        expect(res.status).toBe(200)
        expect(res.data.customer).toMatchObject({ id: null, verified: false, verification: null, admin_url: null, email: "victim@example.com" })
        expect(res.data.customer.unverified_reason).toEqual(expect.any(String))
        // only the guest order with that e-mail, never the customer's, and no actions
        const shown = res.data.orders.items.map((o: { id: string }) => o.id)
        expect(shown).not.toContain(order.id)
        expect(shown).toEqual([guestOrder.id])
        expect(res.data.customer.orders_count).toBe(1)
        expect(res.data.actions).toEqual({ cancel_order: false, resend_confirmation: false, create_return: false })
        expect(res.data.orders.items[0].actions).toEqual({ cancel_order: false, resend_confirmation: false, create_return: false })
        expect(JSON.stringify(res.data)).not.toContain(customer.id)

        const refused = await cancel(sf, order.id, ids)
        expect(refused.status).toBe(403)
        expect(String(refused.data.message)).toMatch(/not verified/)
        expect((await cancel(sf, guestOrder.id, ids)).status).toBe(403)
      }
      expect(await orderStatus(order.id)).not.toBe("canceled")
      expect(await orderStatus(guestOrder.id)).not.toBe("canceled")

      // the admin Conversations page shows both as unverified, linked to nobody
      const rows = await adminConversations()
      for (const ids of subjects) {
        const row = rows.find((r) => r.chatwoot_conversation_id === ids.conversation_id)!
        expect(row).toMatchObject({ customer_id: null, verified: false, identity_source: null, email: "victim@example.com" })
      }
      const byCustomer = (await api.get(`/admin/chatwoot/conversations?status=all&customer_id=${customer.id}`, { headers })).data
      expect(byCustomer.conversations).toEqual([])
    })

    it("an HMAC-verified widget session and a logged-in customer's contact-form post (sent at once or queued) are the customer's: orders shown, cancel allowed", async () => {
      const sf = await shop()
      const { customer, order, contact, loggedIn } = await victim(sf, "owner@example.com")
      const second = await orderOf({ customer_id: customer.id, email: customer.email }, sf.salesChannelId, 55)

      // a widget session with setUser(identifier, identifier_hash) as the loader does it
      const website = sf.account.inboxes.find((i) => i.kind === "website")!
      const inbox = sandbox().state.inboxes.get(website.chatwoot_inbox_id)!
      const hmacToken = (inbox.channel as { hmac_token: string }).hmac_token
      const visit = sandbox().widgetVisitor({
        websiteToken: website.website_token!,
        identifier: customer.id,
        identifierHash: crypto.createHmac("sha256", hmacToken).update(customer.id).digest("hex"),
        email: customer.email,
        content: "Where is my kettle?",
      })
      expect(visit).toMatchObject({ contact_id: contact.id, hmac_verified: true })
      const widgetIds = { contact_id: contact.id, conversation_id: visit.conversation_id! }
      const widgetRow = await mirrored(sf, widgetIds.conversation_id)
      expect({ customer_id: widgetRow.customer_id, identity_source: widgetRow.identity_source }).toEqual({ customer_id: customer.id, identity_source: "hmac" })
      const widgetView = await appContext(sf, widgetIds)
      expect(widgetView.status).toBe(200)
      expect(widgetView.data.customer).toMatchObject({ id: customer.id, verified: true, verification: "hmac", unverified_reason: null })
      expect(widgetView.data.orders.items.map((o: { id: string }) => o.id).sort()).toEqual([order.id, second.id].sort())

      // the contact form with the customer's token (a different typed e-mail is only a reply-to note)
      const posted = await api.post(
        "/store/chatwoot/contact",
        { email: "reply-here@example.com", message: "Question about my order" },
        { headers: loggedIn, validateStatus: () => true }
      )
      expect(posted.status).toBe(201)
      const formConversation = conversationIn(sf, posted.data.conversation_id)
      // their own account e-mail puts the conversation on their contact
      expect(formConversation.contact_id).toBe(contact.id)
      const formIds = { contact_id: contact.id, conversation_id: formConversation.display_id }
      const formRow = await mirrored(sf, formIds.conversation_id)
      expect({ customer_id: formRow.customer_id, identity_source: formRow.identity_source }).toEqual({ customer_id: customer.id, identity_source: "contact_form" })
      const formView = await appContext(sf, formIds)
      expect(formView.data.customer).toMatchObject({ id: customer.id, verified: true, verification: "contact_form" })
      expect(formView.data.actions.cancel_order).toBe(true)

      const done = await cancel(sf, order.id, formIds)
      expect(done.status).toBe(200)
      expect(await orderStatus(order.id)).toBe("canceled")

      // the same while Chatwoot is down: queued (202), delivered later by the sync queue, still recorded as theirs
      sandbox().faults.outage({ forMs: 10 * 60_000 })
      const queued = await api.post("/store/chatwoot/contact", { email: customer.email, message: "Sent while down" }, { headers: loggedIn, validateStatus: () => true })
      expect(queued.status).toBe(202)
      sandbox().faults.clear()
      const later = await until("the queued message in Chatwoot", async () => {
        await drainChatwootSyncQueue(container)
        return [...sandbox().state.messages.values()].find((m) => m.content === "Sent while down")
      })
      const laterConversation = [...sandbox().state.conversations.values()].find((c) => c.id === later.conversation_id)!
      const laterRow = await mirrored(sf, laterConversation.display_id)
      expect({ customer_id: laterRow.customer_id, identity_source: laterRow.identity_source }).toEqual({ customer_id: customer.id, identity_source: "contact_form" })

      const rows = await adminConversations()
      expect(rows.find((r) => r.chatwoot_conversation_id === formIds.conversation_id)).toMatchObject({
        customer_id: customer.id,
        verified: true,
        identity_source: "contact_form",
      })
    })
  },
})
