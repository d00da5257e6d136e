import { randomUUID } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createOrderWorkflow, createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { adminHeaders } from "../helpers/auth"
import { useChatwootSandbox } from "../helpers/sandbox"
import { syncTestKit, until } from "../helpers/sync-kit"
import { launchChromium, requireBrowserOrSkip, saveScreenshot } from "../helpers/browser"

jest.setTimeout(300_000)

const sandbox = useChatwootSandbox()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let container: MedusaContainer

    beforeEach(async () => {
      container = getContainer()
      headers = await adminHeaders(container)
    })

    const { chatwoot, storefront, makeDefault, registerCustomer, placeOrder, contactsOf, idle } = syncTestKit({
      api,
      container: () => container,
      headers: () => headers,
      sandbox,
    })

    /** The secret of an account's dashboard app, read from the app URL registered in Chatwoot. */
    function secretOf(chatwootAccountId: number) {
      const app = [...sandbox().state.dashboardApps.values()].find((a) => a.account_id === chatwootAccountId)
      const url = app?.content[0]?.url ?? ""
      const match = /#k=(.+)$/.exec(url)
      if (!match) throw new Error(`no dashboard app with a secret in account ${chatwootAccountId}: ${url}`)
      return { secret: decodeURIComponent(match[1]), url }
    }

    /** Opens a conversation for the contact (a customer writing in) through the account's API. */
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

    /**
     * Two storefronts with their accounts; a registered customer of "Webshop"
     * with two orders, an open cart and a conversation there.
     */
    async function scenario() {
      const webshop = await storefront("Webshop")
      const outlet = await storefront("Outlet")
      await makeDefault(webshop.salesChannelId)
      const customer = await registerCustomer("agent-view@example.com")
      const [contact] = await until("the contact", () => {
        const found = contactsOf(customer.id, webshop.account.chatwoot_account_id)
        return found.length ? found : undefined
      })
      const first = await placeOrder(customer, webshop.salesChannelId, 10)
      const second = await placeOrder(customer, webshop.salesChannelId, 25)
      await container.resolve(Modules.CART).createCarts({
        currency_code: "eur",
        customer_id: customer.id,
        email: customer.email,
        sales_channel_id: webshop.salesChannelId,
        items: [{ title: "Mug", quantity: 3, unit_price: 12 }],
      })
      const conversation = await openConversation(webshop.account.id, contact.id, "Where is my order?")
      await idle()
      return { webshop, outlet, customer, contact, conversation, orders: [first, second] }
    }

    const context = (secret: string, ids: { contact_id: number; conversation_id: number }, page = 1) =>
      api.get(
        `/chatwoot/dashboard-app/api/context?contact_id=${ids.contact_id}&conversation_id=${ids.conversation_id}&page=${page}`,
        { headers: { "x-dashboard-app-secret": secret }, validateStatus: () => true }
      )

    /** An order that is placed but not completed (so it can still be canceled). */
    async function pendingOrder(customer: { id: string; email: string }, salesChannelId: string, unitPrice: number) {
      const { result: regions } = await createRegionsWorkflow(container).run({
        input: { regions: [{ name: `EU pending ${unitPrice}`, currency_code: "eur" }] },
      })
      const { result: order } = await createOrderWorkflow(container).run({
        input: {
          customer_id: customer.id,
          email: customer.email,
          sales_channel_id: salesChannelId,
          currency_code: "eur",
          region_id: regions[0].id,
          items: [{ title: "Kettle", quantity: 1, unit_price: unitPrice }],
        } as never,
      })
      return order as { id: string; display_id: number }
    }

    const orderItems = async (id: string) => {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "order", fields: ["id", "items.id"], filters: { id } })
      return ((data[0] as { items: { id: string }[] }).items ?? []).map((i) => i.id)
    }

    const orderStatus = async (id: string) => {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "order", fields: ["id", "status"], filters: { id } })
      return (data[0] as { status: string }).status
    }

    it("serves the page with a CSP that lets only Chatwoot frame it and allows no inline code but its own", async () => {
      const res = await api.get("/chatwoot/dashboard-app")
      expect(res.status).toBe(200)
      expect(res.headers["content-type"]).toContain("text/html")
      const csp = res.headers["content-security-policy"] as string
      expect(csp).toContain(`frame-ancestors ${new URL(sandbox().url).origin}`)
      expect(csp).toContain("default-src 'none'")
      expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/)
      expect(csp).not.toContain("unsafe")
      expect(res.data).toContain("chatwoot-dashboard-app:fetch-info")
      expect(res.data).toContain(JSON.stringify(new URL(sandbox().url).origin))
    })

    it("gives the contact's customer, orders (newest first) and cart within the secret's account; 404 with another storefront's secret; 401 without the right secret", async () => {
      const { webshop, outlet, customer, contact, conversation, orders } = await scenario()
      const ids = { contact_id: contact.id, conversation_id: conversation.id }
      const { secret, url } = secretOf(webshop.account.chatwoot_account_id)
      expect(url.startsWith(`${chatwoot().getPublicOptions().public_url}/chatwoot/dashboard-app#k=`)).toBe(true)

      const res = await context(secret, ids)
      expect(res.status).toBe(200)
      expect(res.headers["cache-control"]).toBe("no-store")
      const data = res.data
      expect(data.storefront).toEqual({ sales_channel_id: webshop.salesChannelId, name: "Webshop" })
      expect(data.customer).toMatchObject({
        id: customer.id,
        is_guest: false,
        name: "Ada Lovelace",
        email: "agent-view@example.com",
        orders_count: 2,
        lifetime_value: 70,
        currency: "EUR",
        tier: "standard",
      })
      expect(data.customer.admin_url).toMatch(new RegExp(`/app/customers/${customer.id}$`))
      expect(data.orders.count).toBe(2)
      expect(data.orders.items.map((o: { id: string }) => o.id)).toEqual([orders[1].id, orders[0].id])
      const [newest] = data.orders.items
      expect(newest).toMatchObject({ display_id: orders[1].display_id, total: 50, currency_code: "eur" })
      expect(newest.items).toEqual([expect.objectContaining({ title: "Tea", quantity: 2, unit_price: 25, total: 50 })])
      expect(newest.payment_status).toEqual(expect.any(String))
      expect(newest.fulfillment_status).toBe("not_fulfilled")
      expect(newest.admin_url).toMatch(new RegExp(`/app/orders/${orders[1].id}$`))
      expect(data.cart).toMatchObject({ total: 36, items: [{ title: "Mug", quantity: 3, total: 36 }] })
      expect(data.actions).toEqual({ cancel_order: false, resend_confirmation: false, create_return: false })
      expect(JSON.stringify(data)).not.toContain(secret)
      const more = await api.get(
        `/chatwoot/dashboard-app/api/orders?contact_id=${contact.id}&conversation_id=${conversation.id}&page=2`,
        { headers: { "x-dashboard-app-secret": secret } }
      )
      expect(more.data.orders).toMatchObject({ items: [], count: 2, page: 2, page_size: 10 })

      // the same contact and conversation ids with the Outlet's secret: not in that account
      const other = secretOf(outlet.account.chatwoot_account_id).secret
      const foreign = await context(other, ids)
      expect(foreign.status).toBe(404)
      expect(JSON.stringify(foreign.data)).not.toContain("agent-view@example.com")

      // a wrong, missing or oversized secret
      expect((await context(`${secret}x`, ids)).status).toBe(401)
      expect((await context("", ids)).status).toBe(401)
      expect((await context("k".repeat(1000), ids)).status).toBe(401)
      // a conversation of another contact, or bad ids
      expect((await context(secret, { ...ids, contact_id: contact.id + 1000 })).status).toBe(404)
      expect(
        (await api.get(`/chatwoot/dashboard-app/api/context?contact_id=abc&conversation_id=1`, {
          headers: { "x-dashboard-app-secret": secret },
          validateStatus: () => true,
        })).status
      ).toBe(400)
    })

    it("refuses an order action that is switched off (403); once the admin allows it, cancels through Medusa's workflow and notes it privately in the conversation", async () => {
      const { webshop, outlet, customer, contact, conversation } = await scenario()
      const pending = await pendingOrder(customer, webshop.salesChannelId, 40)
      const orders = [pending]
      const { secret } = secretOf(webshop.account.chatwoot_account_id)
      const body = {
        contact_id: contact.id,
        conversation_id: conversation.id,
        confirm: true,
        agent: { id: 7, name: "Grace Agent", email: "grace@example.com" },
      }
      const cancel = (b: object = body, s = secret) =>
        api.post(`/chatwoot/dashboard-app/api/orders/${orders[0].id}/cancel`, b, {
          headers: { "x-dashboard-app-secret": s },
          validateStatus: () => true,
        })

      const refused = await cancel()
      expect(refused.status).toBe(403)
      // the Outlet's secret cannot reach the Webshop's contact or order
      expect((await cancel(body, secretOf(outlet.account.chatwoot_account_id).secret)).status).toBe(404)
      expect(await orderStatus(orders[0].id)).not.toBe("canceled")

      const allow = await api.post(
        `/admin/chatwoot/storefronts/${webshop.salesChannelId}`,
        { agent_actions: { cancel_order: true } },
        { headers }
      )
      expect(allow.status).toBe(200)
      expect(allow.data.storefront.settings.agent_actions).toEqual({
        cancel_order: true,
        resend_confirmation: false,
        create_return: false,
      })

      // no explicit confirmation, or a wrong secret: nothing happens
      const { confirm: _c, ...unconfirmed } = body
      expect((await cancel(unconfirmed)).status).toBe(400)
      expect((await cancel(body, `${secret}x`)).status).toBe(401)
      expect(await orderStatus(orders[0].id)).not.toBe("canceled")
      // resend is still off
      const resend = await api.post(`/chatwoot/dashboard-app/api/orders/${orders[0].id}/resend-confirmation`, body, {
        headers: { "x-dashboard-app-secret": secret },
        validateStatus: () => true,
      })
      expect(resend.status).toBe(403)

      const done = await cancel()
      expect(done.status).toBe(200)
      expect(done.data).toMatchObject({ order_id: orders[0].id, action: "cancel", note_posted: true })
      expect(await orderStatus(orders[0].id)).toBe("canceled")
      const record = [...sandbox().state.conversations.values()].find(
        (c) => c.display_id === conversation.id && c.account_id === webshop.account.chatwoot_account_id
      )!
      const notes = [...sandbox().state.messages.values()].filter(
        (m) => m.private && m.conversation_id === record.id && m.content?.includes(`canceled order #${orders[0].display_id}`)
      )
      expect(notes).toHaveLength(1)
      expect(notes[0].content).toContain("Grace Agent (grace@example.com, as reported by Chatwoot)")
      expect(notes[0].message_type).toBe("outgoing")

      // the context now shows it canceled and no longer cancelable
      const after = (await context(secret, { contact_id: contact.id, conversation_id: conversation.id })).data
      const shown = after.orders.items.find((o: { id: string }) => o.id === orders[0].id)
      expect(shown).toMatchObject({ status: "canceled", can_cancel: false })
      expect(after.customer.orders_count).toBe(3)
      expect(after.customer.lifetime_value).toBe(70)
    })

    it("a guest contact (no identifier) is matched by e-mail within the account's storefronts only", async () => {
      const webshop = await storefront("Webshop")
      const outlet = await storefront("Outlet")
      const email = "walk-in@example.com"
      const [guest] = await container.resolve(Modules.CUSTOMER).createCustomers([{ email, has_account: false }])
      const here = await pendingOrder(guest as never, webshop.salesChannelId, 15)
      await pendingOrder(guest as never, outlet.salesChannelId, 99)
      // a registered customer's order with the same e-mail in the storefront is not the guest's
      await idle()

      const [account] = await chatwoot().listChatwootAccounts({ id: webshop.account.id })
      const api = chatwoot().accountApi(account)
      const [inbox] = await chatwoot().listChatwootInboxes({ account_id: account.id, kind: "website" })
      const created = await api.contacts.create({ email, name: "Walk In", inbox_id: inbox.chatwoot_inbox_id! })
      const contact = created.contact
      const source = created.contact_inbox?.source_id ?? contact.contact_inboxes?.[0]?.source_id
      const conversation = await api.conversations.create({ source_id: source!, inbox_id: inbox.chatwoot_inbox_id!, contact_id: contact.id })
      const { secret } = secretOf(webshop.account.chatwoot_account_id)

      const res = await context(secret, { contact_id: contact.id, conversation_id: conversation.id })
      expect(res.status).toBe(200)
      expect(res.data.customer).toMatchObject({ id: null, is_guest: true, email, name: "Walk In", orders_count: 1, lifetime_value: 15, admin_url: null })
      expect(res.data.orders.items.map((o: { id: string }) => o.id)).toEqual([here.id])
      expect(res.data.storefront.name).toBe("Webshop")
    })

    it("resend confirmation emits order.placed again (marked resend) and a return request goes through Medusa's return workflows, each noted in the conversation", async () => {
      const { webshop, customer, contact, conversation } = await scenario()
      const order = await pendingOrder(customer, webshop.salesChannelId, 30)
      const { secret } = secretOf(webshop.account.chatwoot_account_id)
      await api.post(
        `/admin/chatwoot/storefronts/${webshop.salesChannelId}`,
        { agent_actions: { resend_confirmation: true, create_return: true } },
        { headers }
      )
      const body = { contact_id: contact.id, conversation_id: conversation.id, confirm: true, agent: { name: "Grace Agent", email: "grace@example.com" } }
      const act = (action: string) =>
        api.post(`/chatwoot/dashboard-app/api/orders/${order.id}/${action}`, body, {
          headers: { "x-dashboard-app-secret": secret },
          validateStatus: () => true,
        })

      const placed: unknown[] = []
      container.resolve(Modules.EVENT_BUS).subscribe("order.placed", async (event: { data: unknown }) => {
        placed.push(event.data)
      }, { subscriberId: "dashboard-app-spec-order-placed" } as never)
      const resent = await act("resend-confirmation")
      expect(resent.status).toBe(200)
      await until("order.placed", () => placed.length > 0, 10_000)
      expect(placed).toContainEqual(expect.objectContaining({ id: order.id, resend: true }))

      // nothing fulfilled yet: nothing to return
      expect((await act("return")).status).toBe(400)
      await container.resolve(Modules.ORDER).registerFulfillment({
        order_id: order.id,
        items: [{ id: (await orderItems(order.id))[0], quantity: 1 }],
      })
      const returned = await act("return")
      expect(returned.status).toBe(200)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "order", fields: ["id", "returns.id", "returns.status"], filters: { id: order.id } })
      expect((data[0] as { returns: { status: string }[] }).returns).toEqual([expect.objectContaining({ status: "requested" })])

      // (order.placed also lets the order sync post its own summary note: not counted here)
      const notes = [...sandbox().state.messages.values()].filter(
        (m) => m.private && m.content?.includes(`#${order.display_id}`) && m.content.includes("from the Medusa dashboard app")
      )
      expect(notes.map((n) => n.content)).toEqual([
        expect.stringContaining("Grace Agent (grace@example.com, as reported by Chatwoot) resent the confirmation of order"),
        expect.stringContaining("created a return request for order"),
      ])
    })

    it("rotating the secret updates the app URL in Chatwoot; the old secret stops working", async () => {
      const { webshop, contact, conversation } = await scenario()
      const ids = { contact_id: contact.id, conversation_id: conversation.id }
      const before = secretOf(webshop.account.chatwoot_account_id)
      expect((await context(before.secret, ids)).status).toBe(200)

      const res = await api.post(`/admin/chatwoot/accounts/${webshop.account.id}/dashboard-app/rotate`, {}, { headers })
      expect(res.status).toBe(200)
      expect(JSON.stringify(res.data)).not.toMatch(/secret.*:.*"[A-Za-z0-9_-]{20,}"/)
      const after = secretOf(webshop.account.chatwoot_account_id)
      expect(after.secret).not.toBe(before.secret)
      expect([...sandbox().state.dashboardApps.values()].filter((a) => a.account_id === webshop.account.chatwoot_account_id)).toHaveLength(1)
      expect((await context(before.secret, ids)).status).toBe(401)
      expect((await context(after.secret, ids)).status).toBe(200)
      expect((await api.post(`/admin/chatwoot/accounts/cwacc_nope/dashboard-app/rotate`, {}, { headers, validateStatus: () => true })).status).toBe(404)
    })

    it("in a browser: a host page playing Chatwoot frames the app, answers fetch-info with appContext, and the orders render; a foreign-origin message is ignored (browser)", async () => {
      const browserCheck = requireBrowserOrSkip()
      if (!browserCheck.run) return
      const { webshop, customer, contact, conversation, orders } = await scenario()
      const pending = await pendingOrder(customer, webshop.salesChannelId, 40)
      await api.post(`/admin/chatwoot/storefronts/${webshop.salesChannelId}`, { agent_actions: { cancel_order: true } }, { headers })
      const { secret } = secretOf(webshop.account.chatwoot_account_id)
      const chatwootOrigin = new URL(sandbox().url).origin
      const medusaUrl = String(api.defaults.baseURL).replace(/\/+$/, "")
      const appUrl = `${medusaUrl}/chatwoot/dashboard-app#k=${encodeURIComponent(secret)}`
      const evilOrigin = "http://evil.localhost:4999"

      // what Chatwoot's DashboardApp/Frame.vue posts: a JSON string with the store's objects
      const appContext = {
        event: "appContext",
        data: {
          conversation: {
            id: conversation.id,
            account_id: webshop.account.chatwoot_account_id,
            inbox_id: conversation.inbox_id,
            status: "open",
            labels: [],
            custom_attributes: {},
            additional_attributes: {},
            meta: { sender: { id: contact.id, name: "Ada Lovelace", email: "agent-view@example.com" }, assignee: null },
            messages: [],
            uuid: "0b6b1d55-7f55-4d2a-9a53-1b6c1c7b5b10",
          },
          contact: { id: contact.id, name: "Ada Lovelace", email: "agent-view@example.com", identifier: contact.identifier, custom_attributes: {} },
          currentAgent: { id: 1, name: "Grace Agent", email: "grace@example.com" },
        },
      }
      const forged = JSON.parse(JSON.stringify(appContext))
      forged.data.contact.id = contact.id + 5000
      forged.data.conversation.meta.sender.id = contact.id + 5000

      const hostHtml = `<!doctype html><html><body>
<iframe id="app" src="${appUrl}" style="width:420px;height:1500px;border:0;display:block"></iframe>
<iframe id="evil" src="${evilOrigin}/evil.html" style="width:10px;height:10px"></iframe>
<script>
window.__fetchInfo = 0;
window.addEventListener("message", function (e) {
  if (e.data === "chatwoot-dashboard-app:fetch-info") window.__fetchInfo++;
});
window.__answer = function () {
  document.getElementById("app").contentWindow.postMessage(${JSON.stringify(JSON.stringify(appContext))}, "*");
};
</script></body></html>`
      const evilHtml = `<!doctype html><script>
window.__forge = function () { parent.frames[0].postMessage(${JSON.stringify(JSON.stringify(forged))}, "*"); };
</script>`

      // the host page is served by page.route (no address), so Chromium's local-network checks would block its loopback iframe
      const browser = await launchChromium(browserCheck.executablePath, ["--disable-features=LocalNetworkAccessChecks"])
      try {
        const page = await browser.newPage({ viewport: { width: 480, height: 1600 } })
        const pageErrors: string[] = []
        page.on("pageerror", (error) => pageErrors.push(error.message))
        const contextCalls: string[] = []
        page.on("request", (r) => {
          if (r.url().includes("/chatwoot/dashboard-app/api/context")) contextCalls.push(r.url())
        })
        await page.route(`${chatwootOrigin}/host.html`, (route) =>
          route.fulfill({ status: 200, contentType: "text/html", body: hostHtml })
        )
        await page.route(`${evilOrigin}/evil.html`, (route) =>
          route.fulfill({ status: 200, contentType: "text/html", body: evilHtml })
        )
        await page.goto(`${chatwootOrigin}/host.html`)
        const app = page.frameLocator("#app")
        await app.locator('[data-testid="dashboard-loading"]').waitFor({ timeout: 30_000 })
        await until("the app's fetch-info request", () => page.evaluate(() => (window as any).__fetchInfo > 0), 15_000)

        // a foreign frame forges an appContext: ignored
        const evil = page.frames().find((f) => f.url().startsWith(evilOrigin))!
        await evil.evaluate(() => (window as any).__forge())
        await page.waitForTimeout(500)
        expect(contextCalls).toHaveLength(0)
        await expect(app.locator('[data-testid="dashboard-loading"]').textContent()).resolves.toContain("Waiting")

        // Chatwoot answers: the orders render
        await page.evaluate(() => (window as any).__answer())
        await app.locator('[data-testid="dashboard-order"]').first().waitFor({ timeout: 30_000 })
        const rendered = await app.locator('[data-testid="dashboard-order"]').evaluateAll((els) =>
          els.map((el) => el.getAttribute("data-order-id"))
        )
        expect(rendered).toEqual([pending.id, orders[1].id, orders[0].id])
        await expect(app.locator('[data-testid="dashboard-storefront"]').textContent()).resolves.toBe("Webshop")
        await expect(app.locator('[data-testid="dashboard-cart"]').textContent()).resolves.toContain("3 × Mug")
        expect(contextCalls).toHaveLength(1)
        expect(contextCalls[0]).toContain(`contact_id=${contact.id}`)
        await saveScreenshot(page, "dashboard-app.png")

        // an allowed action asks for confirmation first, then runs and reports back
        const cancelButton = app.locator(`[data-order-id="${pending.id}"] [data-action="cancel"]`)
        // (a DOM click: Playwright's hit test does not settle inside this cross-origin frame on a fulfilled host page)
        await cancelButton.dispatchEvent("click")
        await app.locator('[data-testid="dashboard-confirm"]').waitFor()
        expect(await orderStatus(pending.id)).not.toBe("canceled")
        await saveScreenshot(page, "dashboard-app-confirm.png")
        await app.locator('[data-testid="dashboard-confirm"]').dispatchEvent("click")
        await app.locator('[data-testid="dashboard-notice"]').waitFor({ timeout: 30_000 })
        await expect(app.locator('[data-testid="dashboard-notice"]').textContent()).resolves.toContain("canceled")
        expect(await orderStatus(pending.id)).toBe("canceled")
        const note = [...sandbox().state.messages.values()].find((m) => m.private && m.content?.includes(`canceled order #${pending.display_id}`))
        expect(note?.content).toContain("Grace Agent (grace@example.com, as reported by Chatwoot)")
        expect(pageErrors).toEqual([])
      } finally {
        await browser.close()
      }
    })
  },
})
