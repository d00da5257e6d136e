import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/auth"
import { TEST_PLATFORM_TOKEN, useChatwootSandbox } from "../helpers/sandbox"
import { captureLogs } from "../helpers/logs"
import { createSalesChannel as createChannel, waitForAccount as waitFor, type TestAccount as Account } from "../helpers/accounts"

jest.setTimeout(180_000)

const sandbox = useChatwootSandbox()
const logs = captureLogs()


medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let headers: Record<string, string>
    const responses: string[] = []

    beforeEach(async () => {
      headers = await adminHeaders(getContainer())
    })

    const get = async (url: string) => {
      const res = await api.get(url, { headers })
      responses.push(JSON.stringify(res.data))
      return res
    }
    const post = async (url: string, body: unknown = {}) => {
      const res = await api.post(url, body, { headers }).catch((e) => e.response)
      responses.push(JSON.stringify(res.data))
      return res
    }

    const createSalesChannel = (name: string) => createChannel(api, headers, name)
    const waitForAccount = (salesChannelId: string, status = "active") => waitFor(api, headers, salesChannelId, status)

    describe("automatic provisioning of a new sales channel", () => {
      it("creates an active account with inboxes, attributes, a signed webhook and the dashboard app", async () => {
        const channel = await createSalesChannel("Outlet")
        const account = await waitForAccount(channel.id)
        const cw = sandbox()

        expect(account.mode).toBe("provisioned")
        expect(account.name).toContain("Outlet")
        const remote = cw.state.accounts.get(account.chatwoot_account_id)!
        expect(remote.name).toBe(account.name)

        const kinds = account.inboxes.map((i) => i.kind).sort()
        expect(kinds).toEqual(["api", "website"])
        const website = account.inboxes.find((i) => i.kind === "website")!
        const remoteWebsite = cw.state.inboxes.get(website.chatwoot_inbox_id)!
        expect(remoteWebsite.account_id).toBe(account.chatwoot_account_id)
        expect(website.website_token).toBeTruthy()

        const definitions = [...cw.state.customAttributeDefinitions.values()].filter(
          (d) => d.account_id === account.chatwoot_account_id
        )
        expect(definitions.map((d) => d.attribute_key)).toEqual(
          expect.arrayContaining(["medusa_orders_count", "medusa_lifetime_value", "medusa_tier", "medusa_order_id"])
        )

        const webhook = cw.state.webhooks.get(account.webhook_id!)!
        expect(webhook.url).toMatch(new RegExp(`/hooks/chatwoot/${account.id}$`))
        expect(webhook.subscriptions).toEqual(expect.arrayContaining(["conversation_created", "message_created", "contact_updated", "webwidget_triggered"]))

        const [row] = await dbConnection.raw(
          "select webhook_secret_encrypted, access_token_encrypted, dashboard_app_secret_encrypted from chatwoot_account where id = ?",
          [account.id]
        ).then((r: { rows: Record<string, string>[] }) => r.rows)
        expect(row.webhook_secret_encrypted).toBeTruthy()
        expect(row.webhook_secret_encrypted).not.toContain(webhook.secret)
        expect(row.access_token_encrypted).toMatch(/^v1\./)
        const [inboxRow] = await dbConnection.raw(
          "select hmac_token_encrypted from chatwoot_inbox where kind = 'website' and account_id = ?", [account.id]
        ).then((r: { rows: Record<string, string>[] }) => r.rows)
        expect(inboxRow.hmac_token_encrypted).not.toContain(remoteWebsite.channel.hmac_token)

        const listed = (await get(`/admin/chatwoot/accounts?sales_channel_id=${channel.id}`)).data.accounts[0]
        expect(listed.health).toEqual(
          expect.objectContaining({
            ok: true,
            webhook: "signed",
            dashboard_app: true,
            api_inbox: true,
            storefronts: [{ sales_channel_id: channel.id, enabled: true, website_inbox: true, hmac_enforced: true }],
          })
        )

        const app = cw.state.dashboardApps.get(account.dashboard_app_id!)!
        expect(app.content[0].url).toMatch(/\/chatwoot\/dashboard-app#k=[A-Za-z0-9_-]{40,}$/)
      })

      it("ends `failed` when the webhook step fails, and a retry completes without a second Chatwoot account", async () => {
        const cw = sandbox()
        cw.faults.serverError({ status: 500, requests: 50, match: { method: "POST", path: /\/webhooks$/ } })
        const channel = await createSalesChannel("Flaky")
        const failed = await waitForAccount(channel.id, "failed")
        expect(failed.last_error).toMatch(/webhooks/)
        expect(failed.chatwoot_account_id).toBeTruthy()
        const accountsBefore = cw.state.accounts.size

        cw.faults.clear()
        const retried = await post(`/admin/chatwoot/accounts/${failed.id}/retry`)
        expect(retried.status).toBe(200)
        expect(retried.data.account.status).toBe("active")
        expect(retried.data.account.chatwoot_account_id).toBe(failed.chatwoot_account_id)
        expect(cw.state.accounts.size).toBe(accountsBefore)
        const inboxesOfAccount = [...cw.state.inboxes.values()].filter((i) => i.account_id === failed.chatwoot_account_id)
        expect(inboxesOfAccount).toHaveLength(2)
      })
    })

    describe("link mode", () => {
      it("rejects a wrong token with a clear 400 and stores nothing", async () => {
        const cw = sandbox()
        const { accountId } = cw.createAccountWithAdmin({ name: "Existing desk" })
        const channel = await createSalesChannel("Linked")
        await waitForAccount(channel.id).then(async (a) => {
          // auto-provisioned: remove it so the channel can be linked instead
          await api.delete(`/admin/chatwoot/accounts/${a.id}?confirm=true`, { headers })
        })

        const res = await post("/admin/chatwoot/accounts", {
          mode: "link",
          sales_channel_id: channel.id,
          chatwoot_account_id: accountId,
          api_access_token: "definitely-not-the-token",
        })
        expect(res.status).toBe(400)
        expect(res.data.message).toBe("Chatwoot rejected the access token")
        const list = await get(`/admin/chatwoot/accounts?sales_channel_id=${channel.id}`)
        expect(list.data.accounts).toEqual([])
      })

      it("adopts existing inboxes instead of duplicating them", async () => {
        const cw = sandbox()
        const { accountId, accessToken } = cw.createAccountWithAdmin({ name: "Existing desk" })
        const headersCw = { api_access_token: accessToken, "content-type": "application/json" }
        const existing = await fetch(`${cw.url}/api/v1/accounts/${accountId}/inboxes`, {
          method: "POST",
          headers: headersCw,
          body: JSON.stringify({ name: "Our website", channel: { type: "web_widget", website_url: "https://shop.example.com" } }),
        }).then((r) => r.json() as Promise<{ id: number }>)

        const channel = await createSalesChannel("Cloud shop")
        const auto = await waitForAccount(channel.id)
        await api.delete(`/admin/chatwoot/accounts/${auto.id}?confirm=true`, { headers })

        const res = await post("/admin/chatwoot/accounts", {
          mode: "link",
          sales_channel_id: channel.id,
          chatwoot_account_id: accountId,
          api_access_token: accessToken,
        })
        expect(res.status).toBe(201)
        const account: Account = res.data.account
        expect(account.mode).toBe("linked")
        expect(account.status).toBe("active")
        expect(account.inboxes.find((i) => i.kind === "website")!.chatwoot_inbox_id).toBe(existing.id)

        // linking again (e.g. after a token change) adopts everything once more
        const again = await post("/admin/chatwoot/accounts", {
          mode: "link",
          sales_channel_id: channel.id,
          chatwoot_account_id: accountId,
          api_access_token: accessToken,
        })
        expect(again.status).toBe(200)
        const inboxes = [...cw.state.inboxes.values()].filter((i) => i.account_id === accountId)
        expect(inboxes).toHaveLength(2) // the adopted website inbox + one API inbox
        expect([...cw.state.webhooks.values()].filter((w) => w.account_id === accountId)).toHaveLength(1)
        expect([...cw.state.dashboardApps.values()].filter((d) => d.account_id === accountId)).toHaveLength(1)

        // deleting a linked account never deletes it in Chatwoot
        const del = await api.delete(`/admin/chatwoot/accounts/${account.id}?confirm=true`, { headers })
        expect(del.data.deleted_in_chatwoot).toBe(false)
        expect(cw.state.accounts.get(accountId)).toBeDefined()
        expect(cw.state.inboxes.get(existing.id)).toBeDefined()
        expect([...cw.state.webhooks.values()].filter((w) => w.account_id === accountId)).toHaveLength(0)
      })
    })

    describe("lifecycle", () => {
      it("renames with the sales channel, suspends when it is deleted, resumes and deletes on request", async () => {
        const cw = sandbox()
        const channel = await createSalesChannel("Spring")
        const account = await waitForAccount(channel.id)

        await api.post(`/admin/sales-channels/${channel.id}`, { name: "Summer" }, { headers })
        let renamed: Account | undefined
        for (let i = 0; i < 50 && !renamed?.name.includes("Summer"); i++) {
          renamed = (await get(`/admin/chatwoot/accounts/${account.id}`)).data.account
          await new Promise((r) => setTimeout(r, 200))
        }
        expect(renamed!.name).toContain("Summer")
        expect(cw.state.accounts.get(account.chatwoot_account_id)!.name).toBe(renamed!.name)
        const websiteId = account.inboxes.find((i) => i.kind === "website")!.chatwoot_inbox_id
        expect(cw.state.inboxes.get(websiteId)!.name).toBe("Summer")

        const custom = await post(`/admin/chatwoot/accounts/${account.id}`, { name: "Summer desk" })
        expect(custom.data.account.name).toBe("Summer desk")
        expect(cw.state.accounts.get(account.chatwoot_account_id)!.name).toBe("Summer desk")

        const suspended = await post(`/admin/chatwoot/accounts/${account.id}/suspend`)
        expect(suspended.data.account.status).toBe("suspended")
        expect(cw.state.accounts.get(account.chatwoot_account_id)!.status).toBe("suspended")
        const resumed = await post(`/admin/chatwoot/accounts/${account.id}/resume`)
        expect(resumed.data.account.status).toBe("active")
        expect(cw.state.accounts.get(account.chatwoot_account_id)!.status).toBe("active")

        await api.delete(`/admin/sales-channels/${channel.id}`, { headers })
        const afterDelete = await waitForAccount(channel.id, "suspended").catch(async () => {
          return (await get(`/admin/chatwoot/accounts/${account.id}`)).data.account as Account
        })
        expect(afterDelete.status).toBe("suspended")
        expect(afterDelete.storefronts[0].enabled).toBe(false)
        expect(cw.state.accounts.get(account.chatwoot_account_id)!.status).toBe("suspended")
        expect(cw.state.accounts.get(account.chatwoot_account_id)).toBeDefined()

        const unconfirmed = await api
          .delete(`/admin/chatwoot/accounts/${account.id}`, { headers })
          .catch((e) => e.response)
        expect(unconfirmed.status).toBe(400)
        const deleted = await api.delete(`/admin/chatwoot/accounts/${account.id}?confirm=true`, { headers })
        expect(deleted.data.deleted_in_chatwoot).toBe(true)
        expect(cw.state.accounts.get(account.chatwoot_account_id)).toBeUndefined()
        const gone = await api.get(`/admin/chatwoot/accounts/${account.id}`, { headers }).catch((e) => e.response)
        expect(gone.status).toBe(404)
      })
    })

    describe("store changes", () => {
      it("propagate the store name and locale to accounts that follow them, not to custom names", async () => {
        const cw = sandbox()
        const follows = await waitForAccount((await createSalesChannel("Kids")).id)
        const custom = await waitForAccount((await createSalesChannel("Adults")).id)
        await post(`/admin/chatwoot/accounts/${custom.id}`, { name: "Grown-ups desk", locale: "fr" })

        const { data } = await api.get("/admin/stores", { headers })
        const store = data.stores[0]
        await api.post(`/admin/stores/${store.id}`, { name: "Renamed Shop" }, { headers })

        let renamed: Account | undefined
        for (let i = 0; i < 50 && renamed?.name !== "Renamed Shop – Kids"; i++) {
          renamed = (await get(`/admin/chatwoot/accounts/${follows.id}`)).data.account
          await new Promise((r) => setTimeout(r, 200))
        }
        expect(renamed!.name).toBe("Renamed Shop – Kids")
        expect(cw.state.accounts.get(follows.chatwoot_account_id)!.name).toBe("Renamed Shop – Kids")
        const kept = (await get(`/admin/chatwoot/accounts/${custom.id}`)).data.account
        expect(kept.name).toBe("Grown-ups desk")
        expect(cw.state.accounts.get(custom.chatwoot_account_id)!.name).toBe("Grown-ups desk")
        expect(cw.state.accounts.get(custom.chatwoot_account_id)!.locale).toBe("fr")
      })
    })

    describe("secrets", () => {
      it("never shows a token, HMAC token or webhook secret in a response or a log line", async () => {
        const cw = sandbox()
        const channel = await createSalesChannel("Secretive")
        const account = await waitForAccount(channel.id)
        await get(`/admin/chatwoot/accounts/${account.id}`)
        await get(`/admin/chatwoot/accounts?fields=*inboxes`)

        const secrets = [
          TEST_PLATFORM_TOKEN,
          ...[...cw.state.users.values()].map((u) => u.access_token),
          ...[...cw.state.webhooks.values()].map((w) => w.secret),
          ...[...cw.state.inboxes.values()].map((i) => (i.channel as { hmac_token?: string }).hmac_token).filter(Boolean),
        ] as string[]
        expect(secrets.length).toBeGreaterThan(3)
        const everything = responses.join("\n") + "\n" + logs.text()
        for (const secret of secrets) {
          expect(everything).not.toContain(secret)
        }
      })
    })
  },
})
