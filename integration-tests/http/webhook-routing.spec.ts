import { randomUUID } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { adminHeaders } from "../helpers/auth"
import { useChatwootSandbox } from "../helpers/sandbox"
import { syncTestKit, until } from "../helpers/sync-kit"
import { routeWebhooksTo } from "../helpers/webhooks"
import { createOrderWorkflow, createRegionsWorkflow } from "@medusajs/medusa/core-flows"

jest.setTimeout(240_000)
process.env.CHATWOOT_TIERS = JSON.stringify([
  { name: "bronze", min_lifetime_value: 0 },
  { name: "silver", min_lifetime_value: 500 },
  { name: "gold", min_lifetime_value: 2000 },
])

const sandbox = useChatwootSandbox()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let container: MedusaContainer

    beforeEach(async () => {
      container = getContainer()
      headers = await adminHeaders(container)
    })

    const kit = syncTestKit({ api, container: () => container, headers: () => headers, sandbox })

    /** The default storefront with routing rules, its webhook reaching this Medusa. */
    async function routedStorefront() {
      const shop = await kit.storefront("Webshop")
      await kit.makeDefault(shop.salesChannelId)
      routeWebhooksTo(sandbox(), api, shop.account.chatwoot_account_id)
      const res = await api.post(
        `/admin/chatwoot/storefronts/${shop.salesChannelId}/routing`,
        {
          enabled: true,
          priority_by_tier: { gold: "high" },
          storefront_team: "Webshop VIP",
          storefront_team_tiers: ["gold"],
          label_storefront: true,
          label_tier: true,
          label_open_order: true,
        },
        { headers }
      )
      expect(res.status).toBe(200)
      return { ...shop, team: res.data.routing.rules.storefront_team as { id: number; name: string } }
    }

    /** A registered customer with orders worth `unitPrice` × 2, and their contact in the account. */
    async function customer(email: string, shop: { salesChannelId: string; account: { chatwoot_account_id: number } }, unitPrice: number) {
      const c = await kit.registerCustomer(email)
      await kit.placeOrder(c, shop.salesChannelId, unitPrice)
      await kit.idle()
      const [contact] = await until("the contact with its tier", () => {
        const found = kit.contactsOf(c.id, shop.account.chatwoot_account_id).filter((x) => x.custom_attributes.medusa_tier)
        return found.length ? found : undefined
      })
      return { customer: c, contact }
    }

    /** An order placed but not completed yet: the customer "has an open order". */
    async function pendingOrder(c: { id: string; email: string }, salesChannelId: string) {
      const { result: regions } = await createRegionsWorkflow(container).run({ input: { regions: [{ name: "EU open", currency_code: "eur" }] } })
      await createOrderWorkflow(container).run({
        input: {
          customer_id: c.id,
          email: c.email,
          sales_channel_id: salesChannelId,
          currency_code: "eur",
          region_id: regions[0].id,
          items: [{ title: "Tea", quantity: 1, unit_price: 1 }],
        } as never,
      })
    }

    /** The customer writes in: a new conversation (Chatwoot fires conversation_created); the sandbox's live record. */
    async function newConversation(accountRowId: string, contactId: number, additional_attributes?: Record<string, unknown>) {
      const [account] = await kit.chatwoot().listChatwootAccounts({ id: accountRowId })
      const contactInbox = [...sandbox().state.contactInboxes.values()].find((ci) => ci.contact_id === contactId)
      if (!contactInbox) throw new Error("contact has no contact inbox")
      // the customer's own HMAC-verified widget session (identity-trust.ts: only a verified customer's tier counts)
      const created = await kit.chatwoot().accountApi(account).conversations.create({
        source_id: randomUUID(),
        inbox_id: contactInbox.inbox_id,
        contact_id: contactId,
        hmac_verified: true,
        ...(additional_attributes ? { additional_attributes } : {}),
      })
      return [...sandbox().state.conversations.values()].find(
        (c) => c.display_id === created.id && c.account_id === account.chatwoot_account_id
      )!
    }

    const routed = (accountRowId: string, displayId: number) =>
      until("the routed mirror", async () => {
        const [row] = await kit.chatwoot().listChatwootConversations({ account_id: accountRowId, chatwoot_conversation_id: displayId })
        return row?.routed_at ? row : undefined
      })

    it("a gold customer's new conversation gets priority high, the storefront's team and labels; a bronze one does not", async () => {
      const shop = await routedStorefront()
      const team = [...sandbox().state.teams.values()].find((t) => t.id === shop.team.id)
      expect(team?.name).toBe("webshop vip")

      const gold = await customer("gold@example.com", shop, 1000)
      const bronze = await customer("bronze@example.com", shop, 5)
      expect(gold.contact.custom_attributes.medusa_tier).toBe("gold")
      expect(bronze.contact.custom_attributes.medusa_tier).toBe("bronze")

      await pendingOrder(gold.customer, shop.salesChannelId)
      const goldConversation = await newConversation(shop.account.id, gold.contact.id)
      const bronzeConversation = await newConversation(shop.account.id, bronze.contact.id)
      const goldRow = await routed(shop.account.id, goldConversation.display_id)
      const bronzeRow = await routed(shop.account.id, bronzeConversation.display_id)
      await sandbox().flushWebhooks()

      expect(goldConversation.priority).toBe("high")
      expect(goldConversation.team_id).toBe(shop.team.id)
      expect(goldConversation.labels).toEqual(["gold", "has-open-order", "webshop"])
      expect(goldRow).toMatchObject({ customer_id: gold.customer.id, routed_tier: "gold" })

      expect(bronzeConversation.priority).toBeNull()
      expect(bronzeConversation.team_id).toBeNull()
      expect(bronzeConversation.labels).toEqual(["bronze", "webshop"])
      expect(bronzeConversation.labels).not.toContain("gold")
      expect(bronzeRow).toMatchObject({ customer_id: bronze.customer.id, routed_tier: "bronze" })

      // the mirror follows what routing did in Chatwoot (conversation_updated webhooks)
      await until("the mirror's priority", async () => {
        const [row] = await kit.chatwoot().listChatwootConversations({ account_id: shop.account.id, chatwoot_conversation_id: goldConversation.display_id })
        return row.priority === "high" && row.team_id === shop.team.id ? row : undefined
      })
    })

    it("a conversation in a language with its own team goes to that team", async () => {
      const shop = await routedStorefront()
      const res = await api.post(
        `/admin/chatwoot/storefronts/${shop.salesChannelId}/routing`,
        { enabled: true, storefront_team: "Webshop VIP", language_teams: [{ language: "de", team: "DACH desk" }] },
        { headers }
      )
      const dach = res.data.routing.rules.language_teams[0].team as { id: number; name: string }
      expect([...sandbox().state.teams.values()].find((t) => t.id === dach.id)?.name).toBe("dach desk")
      const { contact } = await customer("kunde@example.com", shop, 5)
      const german = await newConversation(shop.account.id, contact.id, { conversation_language: "de-DE" })
      await routed(shop.account.id, german.display_id)
      expect(german.team_id).toBe(dach.id)
    })

    it("routing is re-applied when the customer's tier changes", async () => {
      const shop = await routedStorefront()
      const { customer: c, contact } = await customer("climber@example.com", shop, 5)
      const conversation = await newConversation(shop.account.id, contact.id)
      await routed(shop.account.id, conversation.display_id)
      expect(conversation.priority).toBeNull()

      // a big order makes them gold: the contact sync sends the new tier, Chatwoot reports contact_updated
      await kit.placeOrder(c, shop.salesChannelId, 1500)
      // routing sets priority, team and labels in separate calls: wait for the last one
      await until("priority high and the gold label after the tier change", () =>
        conversation.priority === "high" && conversation.labels.includes("gold") ? true : undefined
      )
      expect(conversation.team_id).toBe(shop.team.id)
      expect(conversation.labels).toEqual(expect.arrayContaining(["gold", "webshop"]))
      expect(conversation.labels).not.toContain("bronze")
    })

    it("with routing off nothing changes in Chatwoot, but the mirror still records the customer's tier", async () => {
      const shop = await kit.storefront("Plain shop")
      await kit.makeDefault(shop.salesChannelId)
      routeWebhooksTo(sandbox(), api, shop.account.chatwoot_account_id)
      const gold = await customer("gold-plain@example.com", shop, 1000)
      const conversation = await newConversation(shop.account.id, gold.contact.id)
      const row = await until("the tier on the mirror", async () => {
        const [r] = await kit.chatwoot().listChatwootConversations({
          account_id: shop.account.id,
          chatwoot_conversation_id: conversation.display_id,
        })
        return r?.routed_tier ? r : undefined
      })
      expect(row).toMatchObject({ customer_id: gold.customer.id, routed_tier: "gold", routed_at: null })
      const live = sandbox().state.conversations.get(conversation.id)!
      expect(live).toMatchObject({ priority: null, team_id: null, labels: [] })
      const list = await api.get(`/admin/chatwoot/conversations?tier=gold`, { headers })
      expect(list.data.conversations.map((c: { chatwoot_conversation_id: number }) => c.chatwoot_conversation_id)).toContain(
        conversation.display_id
      )
    })

    it("rules are validated (400) and routing stays off until enabled", async () => {
      const shop = await kit.storefront("Outlet")
      const bad = await api.post(
        `/admin/chatwoot/storefronts/${shop.salesChannelId}/routing`,
        { enabled: true, priority_by_tier: { gold: "very-high" } },
        { headers, validateStatus: () => true }
      )
      expect(bad.status).toBe(400)
      const unknown = await api.post(`/admin/chatwoot/storefronts/${shop.salesChannelId}/routing`, { nope: 1 }, { headers, validateStatus: () => true })
      expect(unknown.status).toBe(400)
      const get = await api.get(`/admin/chatwoot/storefronts/${shop.salesChannelId}/routing`, { headers })
      expect(get.data.routing.rules.enabled).toBe(false)
      expect(get.data.routing.tiers).toEqual(["bronze", "silver", "gold"])
      const missing = await api.get(`/admin/chatwoot/storefronts/sc_missing/routing`, { headers, validateStatus: () => true })
      expect(missing.status).toBe(404)
    })
  },
})
