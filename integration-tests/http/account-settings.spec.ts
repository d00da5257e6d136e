import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, adminUserHeaders } from "../helpers/auth"
import { useChatwootSandbox } from "../helpers/sandbox"
import { provisionStorefront, waitForAccount, type TestAccount as Account } from "../helpers/accounts"

jest.setTimeout(180_000)

const sandbox = useChatwootSandbox()


medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    beforeEach(async () => {
      headers = await adminHeaders(getContainer())
    })
    const call = (method: "get" | "post" | "delete", url: string, body?: unknown, h = headers) =>
      (method === "post" ? api.post(url, body, { headers: h }) : api[method](url, { headers: h })).catch((e) => e.response)

    const provision = (name: string) => provisionStorefront(api, headers, name)

    describe("storefront settings", () => {
      it("are validated, stored and pushed to the website inbox", async () => {
        const { channelId, account } = await provision("Webshop")
        const initial = await call("get", `/admin/chatwoot/storefronts/${channelId}`)
        expect(initial.status).toBe(200)
        expect(initial.data.storefront.settings.hmac_mandatory).toBe(true)

        const res = await call("post", `/admin/chatwoot/storefronts/${channelId}`, {
          widget_color: "#0F766E",
          position: "left",
          launcher_title: "Questions?",
          welcome_title: "Hallo!",
          business_hours: {
            enabled: true,
            timezone: "Europe/Berlin",
            out_of_office_message: "Back at 9",
            days: [0, 1, 2, 3, 4, 5, 6].map((d) => ({ day_of_week: d, closed_all_day: d === 0, open_hour: 8, close_hour: 18 })),
          },
        })
        expect(res.status).toBe(200)
        expect(res.data.storefront.settings).toEqual(
          expect.objectContaining({ widget_color: "#0F766E", position: "left", launcher_title: "Questions?" })
        )

        const websiteId = account.inboxes.find((i) => i.kind === "website")!.chatwoot_inbox_id
        const inbox = sandbox().state.inboxes.get(websiteId)!
        expect(inbox.working_hours_enabled).toBe(true)
        expect(inbox.timezone).toBe("Europe/Berlin")
        expect(inbox.out_of_office_message).toBe("Back at 9")
        expect(inbox.working_hours.find((w) => w.day_of_week === 1)).toEqual(
          expect.objectContaining({ open_hour: 8, close_hour: 18, closed_all_day: false })
        )
        expect(inbox.working_hours.find((w) => w.day_of_week === 0)!.closed_all_day).toBe(true)
        expect((inbox.channel as { widget_color: string }).widget_color).toBe("#0F766E")
        expect((inbox.channel as { welcome_title: string }).welcome_title).toBe("Hallo!")

        const off = await call("post", `/admin/chatwoot/storefronts/${channelId}`, { hmac_mandatory: false })
        expect(off.status).toBe(200)
        expect((sandbox().state.inboxes.get(websiteId)!.channel as { hmac_mandatory: boolean }).hmac_mandatory).toBe(false)
      })

      it("rejects bad values naming the setting and keeps the stored ones when Chatwoot refuses", async () => {
        const { channelId } = await provision("Webshop")
        const bad = await call("post", `/admin/chatwoot/storefronts/${channelId}`, { widget_color: "green" })
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/widget_color/)
        const unknown = await call("post", `/admin/chatwoot/storefronts/${channelId}`, { colour: "#000000" })
        expect(unknown.status).toBe(400)

        sandbox().faults.serverError({ status: 500, requests: 20, match: { method: "PATCH", path: /\/inboxes\/\d+$/ } })
        const refused = await call("post", `/admin/chatwoot/storefronts/${channelId}`, { launcher_title: "Never saved" })
        expect(refused.status).toBeGreaterThanOrEqual(500)
        sandbox().faults.clear()
        const after = await call("get", `/admin/chatwoot/storefronts/${channelId}`)
        expect(after.data.storefront.settings.launcher_title).not.toBe("Never saved")

        const missing = await call("get", `/admin/chatwoot/storefronts/sc_unknown`)
        expect(missing.status).toBe(404)
      })
    })

    describe("e-mail inbox", () => {
      it("adds a forwarding e-mail inbox and keeps IMAP/SMTP passwords out of Medusa", async () => {
        const { account } = await provision("Webshop")
        const res = await call("post", `/admin/chatwoot/accounts/${account.id}/email-inbox`, {
          email: "support@shop.example.com",
          smtp_enabled: true,
          smtp_address: "smtp.example.com",
          smtp_port: 587,
          smtp_login: "support",
          smtp_password: "smtp-secret-password",
        })
        expect(res.status).toBe(200)
        const email = res.data.account.inboxes.find((i: { kind: string }) => i.kind === "email")
        expect(email.chatwoot_inbox_id).toBeTruthy()
        expect(sandbox().state.inboxes.get(email.chatwoot_inbox_id)!.channel.type).toBe("email")
        expect(JSON.stringify(res.data)).not.toContain("smtp-secret-password")

        const again = await call("post", `/admin/chatwoot/accounts/${account.id}/email-inbox`, { email: "help@shop.example.com" })
        expect(again.data.account.inboxes.filter((i: { kind: string }) => i.kind === "email")).toHaveLength(1)
      })
    })

    describe("agents", () => {
      it("adds a person to several storefront accounts, updates the role, and removes them", async () => {
        const a = await provision("Webshop")
        const b = await provision("Outlet")
        const res = await call("post", "/admin/chatwoot/agents", {
          account_ids: [a.account.id, b.account.id],
          name: "Grace Agent",
          email: "Grace@Example.com",
          role: "agent",
        })
        expect(res.status).toBe(201)
        expect(res.data.agents).toHaveLength(2)
        const cw = sandbox()
        const user = [...cw.state.users.values()].find((u) => u.email === "grace@example.com")!
        for (const acc of [a.account, b.account]) {
          const membership = [...cw.state.accountUsers.values()].find(
            (m) => m.account_id === acc.chatwoot_account_id && m.user_id === user.id
          )
          expect(membership?.role).toBe("agent")
        }

        const promoted = await call("post", "/admin/chatwoot/agents", {
          account_ids: [a.account.id],
          name: "Grace Agent",
          email: "grace@example.com",
          role: "administrator",
        })
        expect(promoted.data.agents[0].role).toBe("administrator")
        const { data } = await call("get", `/admin/chatwoot/accounts/${a.account.id}`)
        expect(data.account.agents.filter((x: { email: string }) => x.email === "grace@example.com")).toHaveLength(1)

        const agentId = data.account.agents.find((x: { email: string }) => x.email === "grace@example.com").id
        const removed = await call("delete", `/admin/chatwoot/accounts/${a.account.id}/agents/${agentId}`)
        expect(removed.status).toBe(200)
        expect(
          [...cw.state.accountUsers.values()].some((m) => m.account_id === a.account.chatwoot_account_id && m.user_id === user.id)
        ).toBe(false)
        // still an agent of the other storefront
        expect(
          [...cw.state.accountUsers.values()].some((m) => m.account_id === b.account.chatwoot_account_id && m.user_id === user.id)
        ).toBe(true)
      })

      it("adds agents to a linked account through its agents endpoint", async () => {
        const cw = sandbox()
        const { accountId, accessToken } = cw.createAccountWithAdmin({ name: "Cloud desk" })
        const channel = (await api.post("/admin/sales-channels", { name: "Cloud" }, { headers })).data.sales_channel
        const auto = await waitForAccount(api, headers, channel.id)
        await api.delete(`/admin/chatwoot/accounts/${auto.id}?confirm=true`, { headers })
        const linked = await call("post", "/admin/chatwoot/accounts", {
          mode: "link",
          sales_channel_id: channel.id,
          chatwoot_account_id: accountId,
          api_access_token: accessToken,
        })
        expect(linked.status).toBe(201)
        cw.clearLog()
        const res = await call("post", "/admin/chatwoot/agents", {
          account_ids: [linked.data.account.id],
          name: "Linus",
          email: "linus@example.com",
          role: "agent",
        })
        expect(res.status).toBe(201)
        expect(cw.requests.some((r) => r.method === "POST" && r.path === `/api/v1/accounts/${accountId}/agents`)).toBe(true)
        expect(cw.requests.some((r) => r.path.startsWith("/platform/"))).toBe(false)

        const sso = await call("post", `/admin/chatwoot/accounts/${linked.data.account.id}/sso`)
        expect(sso.status).toBe(400)
      })
    })

    describe("Open in Chatwoot", () => {
      it("gives the logged-in admin a one-time login link and makes them an administrator", async () => {
        const { account } = await provision("Webshop")
        const { user, headers: userHeaders } = await adminUserHeaders(getContainer())
        const res = await call("post", `/admin/chatwoot/accounts/${account.id}/sso`, {}, userHeaders)
        expect(res.status).toBe(200)
        expect(res.headers["cache-control"]).toBe("no-store")
        expect(res.data.url).toMatch(/\/app\/login\?email=.*sso_auth_token=/)

        const { data } = await call("get", `/admin/chatwoot/accounts/${account.id}`)
        const agent = data.account.agents.find((a: { medusa_user_id: string }) => a.medusa_user_id === user.id)
        expect(agent.role).toBe("administrator")
        expect(agent.email).toBe("admin.user@example.com")

        // a second click reuses the same Chatwoot user
        const again = await call("post", `/admin/chatwoot/accounts/${account.id}/sso`, {}, userHeaders)
        expect(again.status).toBe(200)
        const after = await call("get", `/admin/chatwoot/accounts/${account.id}`)
        expect(after.data.account.agents.filter((a: { medusa_user_id: string }) => a.medusa_user_id === user.id)).toHaveLength(1)

        const apiKey = await call("post", `/admin/chatwoot/accounts/${account.id}/sso`)
        expect(apiKey.status).toBe(400)
      })
    })
  },
})
