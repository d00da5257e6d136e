import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type ChatwootModuleService from "../../src/modules/chatwoot/service"
import { adminHeaders, createStorefront } from "../helpers/auth"

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("GET /admin/chatwoot/accounts", () => {
      let headers: Record<string, string>

      beforeEach(async () => {
        headers = await adminHeaders(getContainer())
      })

      it("requires an admin", async () => {
        const res = await api.get("/admin/chatwoot/accounts").catch((e) => e.response)
        expect(res.status).toBe(401)
      })

      it("lists accounts with their storefronts and no secret", async () => {
        const container = getContainer()
        const storefront = await createStorefront(container, "Outlet")
        const chatwoot = container.resolve<ChatwootModuleService>("chatwoot")
        await chatwoot.createChatwootAccounts({
          name: "Outlet",
          status: "active",
          chatwoot_account_id: 3,
          access_token_encrypted: "v1:encrypted-token",
          webhook_secret_encrypted: "v1:encrypted-secret",
          storefronts: [{ sales_channel_id: storefront.salesChannelId }],
        } as any)

        const res = await api.get("/admin/chatwoot/accounts", { headers })

        expect(res.status).toBe(200)
        expect(res.data.count).toBe(1)
        expect(res.data.accounts[0]).toEqual(
          expect.objectContaining({
            name: "Outlet",
            status: "active",
            chatwoot_account_id: 3,
            storefronts: [
              expect.objectContaining({ sales_channel_id: storefront.salesChannelId }),
            ],
          })
        )
        const body = JSON.stringify(res.data)
        expect(body).not.toContain("encrypted")
      })

      it("filters by sales channel and status", async () => {
        const chatwoot = getContainer().resolve<ChatwootModuleService>("chatwoot")
        await chatwoot.createChatwootAccounts([
          { name: "One", status: "active", storefronts: [{ sales_channel_id: "sc_one" }] },
          { name: "Two", status: "failed", storefronts: [{ sales_channel_id: "sc_two" }] },
        ] as any)

        const bySc = await api.get("/admin/chatwoot/accounts?sales_channel_id=sc_two", { headers })
        expect(bySc.data.accounts.map((a: { name: string }) => a.name)).toEqual(["Two"])

        const byStatus = await api.get("/admin/chatwoot/accounts?status=active", { headers })
        expect(byStatus.data.accounts.map((a: { name: string }) => a.name)).toEqual(["One"])
      })

      it("never returns encrypted columns, whatever fields are asked for", async () => {
        const chatwoot = getContainer().resolve<ChatwootModuleService>("chatwoot")
        await chatwoot.createChatwootAccounts({
          name: "Secretive",
          access_token_encrypted: "v1:token-ciphertext",
          webhook_secret_encrypted: "v1:webhook-ciphertext",
          inboxes: [{ kind: "website", hmac_token_encrypted: "v1:hmac-ciphertext" }],
        } as any)

        for (const fields of [
          "access_token_encrypted",
          "+webhook_secret_encrypted",
          "*inboxes",
          "+inboxes.hmac_token_encrypted",
          "*",
        ]) {
          const res = await api
            .get(`/admin/chatwoot/accounts?fields=${encodeURIComponent(fields)}`, { headers })
            .catch((e) => e.response)
          expect(JSON.stringify(res.data)).not.toContain("ciphertext")
        }
      })

      it("validates the query", async () => {
        const badStatus = await api
          .get("/admin/chatwoot/accounts?status=deleted", { headers })
          .catch((e) => e.response)
        expect(badStatus.status).toBe(400)
        expect(badStatus.data.type).toBe("invalid_data")

        const badLimit = await api
          .get("/admin/chatwoot/accounts?limit=1000", { headers })
          .catch((e) => e.response)
        expect(badLimit.status).toBe(400)
      })
    })
  },
})
