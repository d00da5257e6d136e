import { chatwootModuleSuite } from "./module-runner"
import ChatwootModuleService from "../service"
import {
  ChatwootAccount,
  ChatwootAgent,
  ChatwootContact,
  ChatwootContactChange,
  ChatwootConversation,
  ChatwootInbox,
  ChatwootStorefront,
  ChatwootWebhookDelivery,
} from "../models"

const T0 = new Date("2026-06-17T10:00:00.000Z")
const at = (s: number) => new Date(T0.getTime() + s * 1000)

chatwootModuleSuite({ moduleModels: [ChatwootAccount, ChatwootAgent, ChatwootContact, ChatwootInbox, ChatwootStorefront, ChatwootConversation, ChatwootWebhookDelivery, ChatwootContactChange] }, ({ service }) => {
  const snapshot = (over: Record<string, unknown> = {}) => ({
    account_id: "cwacc_a",
    chatwoot_conversation_id: 42,
    status: "open" as const,
    labels: [],
    chatwoot_updated_at: at(0),
    ...over,
  })

  describe("webhook deliveries", () => {
    it("accepts a delivery key once, even when copies arrive at the same time", async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          service.recordWebhookDelivery({ account_id: "cwacc_a", delivery_key: "delivery:x", event: "conversation_updated", outcome: "accepted" })
        )
      )
      expect(results.filter((r) => !r.duplicate)).toHaveLength(1)
      const rows = await service.listChatwootWebhookDeliveries({ account_id: "cwacc_a" })
      expect(rows.map((r) => r.outcome).sort()).toEqual(["accepted", ...Array(7).fill("duplicate")])
      // the same key in another account is another delivery
      expect((await service.recordWebhookDelivery({ account_id: "cwacc_b", delivery_key: "delivery:x", outcome: "accepted" })).duplicate).toBe(false)
    })

    it("records refusals, also for unknown accounts", async () => {
      await service.recordWebhookDelivery({ account_id: null, outcome: "rejected", reason: "unknown_account" })
      await service.recordWebhookDelivery({ account_id: "cwacc_a", outcome: "rejected", reason: "bad_signature" })
      const rows = await service.listChatwootWebhookDeliveries({ outcome: "rejected" })
      expect(rows.map((r) => [r.account_id, r.reason]).sort()).toEqual([[null, "unknown_account"], ["cwacc_a", "bad_signature"]].sort())
    })

    it("sums up an account's deliveries for the health page", async () => {
      const since = new Date(Date.now() - 60_000)
      const a = await service.recordWebhookDelivery({ account_id: "cwacc_a", delivery_key: "delivery:1", outcome: "accepted" })
      await service.recordWebhookDelivery({ account_id: "cwacc_a", delivery_key: "delivery:2", outcome: "accepted" })
      await service.recordWebhookDelivery({ account_id: "cwacc_a", delivery_key: "delivery:2", outcome: "accepted" })
      await service.recordWebhookDelivery({ account_id: "cwacc_a", outcome: "rejected", reason: "bad_signature" })
      await service.recordWebhookDelivery({ account_id: "cwacc_a", outcome: "rejected", reason: "bad_signature" })
      await service.recordWebhookDelivery({ account_id: "cwacc_a", outcome: "rejected", reason: "stale_timestamp" })
      await service.recordWebhookDelivery({ account_id: null, outcome: "rejected", reason: "unknown_account" })
      await service.updateChatwootWebhookDeliveries({ id: a.id, error: "boom" })
      expect(await service.webhookDeliveryStats({ account_id: "cwacc_a", since })).toEqual({
        accepted: 2,
        duplicate: 1,
        rejected: 3,
        processing_failed: 1,
        rejected_by_reason: { bad_signature: 2, stale_timestamp: 1 },
        last_accepted_at: expect.any(Date),
      })
      expect((await service.webhookDeliveryStats({ account_id: null, since })).rejected_by_reason).toEqual({ unknown_account: 1 })
    })

    it("a delivery whose signed material was already accepted is a duplicate, under any delivery id", async () => {
      const first = await service.recordWebhookDelivery({ account_id: "cwacc_a", delivery_key: "delivery:1", material_key: "sig:abc", outcome: "accepted" })
      expect(first.duplicate).toBe(false)
      const replays = await Promise.all(
        ["delivery:2", "delivery:3", "event:x:1:2"].map((key) =>
          service.recordWebhookDelivery({ account_id: "cwacc_a", delivery_key: key, material_key: "sig:abc", outcome: "accepted" })
        )
      )
      expect(replays.map((r) => r.duplicate)).toEqual([true, true, true])
      // other material under a fresh id is new; the same material in another account too
      expect((await service.recordWebhookDelivery({ account_id: "cwacc_a", delivery_key: "delivery:4", material_key: "sig:def", outcome: "accepted" })).duplicate).toBe(false)
      expect((await service.recordWebhookDelivery({ account_id: "cwacc_b", delivery_key: "delivery:1", material_key: "sig:abc", outcome: "accepted" })).duplicate).toBe(false)
      const rows = await service.listChatwootWebhookDeliveries({ account_id: "cwacc_a" })
      expect(rows.filter((r) => r.outcome === "accepted")).toHaveLength(2)
    })

    it("refusals are aggregates: a flood of them is one row per account and reason, and still counted in full", async () => {
      const since = new Date(Date.now() - 60_000)
      for (let i = 0; i < 200; i++) service.countWebhookRefusal("cwacc_a", "bad_signature")
      for (let i = 0; i < 50; i++) service.countWebhookRefusal(null, "unknown_account")
      service.countWebhookRefusal("cwacc_a", "stale_timestamp")
      // nothing is written per request; the figures flush what was counted
      expect(await service.listChatwootWebhookDeliveries({ outcome: "rejected" })).toEqual([])
      const stats = await service.webhookDeliveryStats({ account_id: "cwacc_a", since })
      expect(stats.rejected).toBe(201)
      expect(stats.rejected_by_reason).toEqual({ bad_signature: 200, stale_timestamp: 1 })
      expect((await service.webhookDeliveryStats({ account_id: null, since })).rejected_by_reason).toEqual({ unknown_account: 50 })
      for (let i = 0; i < 100; i++) service.countWebhookRefusal("cwacc_a", "bad_signature")
      await service.flushWebhookRefusals()
      const rows = await service.listChatwootWebhookDeliveries({ outcome: "rejected" })
      expect(rows.length).toBeLessThanOrEqual(6) // one per account, reason and minute (the minute may turn once)
      expect((await service.webhookDeliveryStats({ account_id: "cwacc_a", since })).rejected_by_reason.bad_signature).toBe(300)
    })

    it("an unknown account id is remembered: a flood of it costs one lookup", async () => {
      // the runner hands out a proxy of the service: spy where the service finds the method
      const spy = jest.spyOn(ChatwootModuleService.prototype, "listChatwootAccounts")
      try {
        for (let i = 0; i < 100; i++) expect(await service.webhookAuth("cwacc_01JFLOODFLOODFLOOD0000000", 1_000 + i)).toBeNull()
        expect(spy).toHaveBeenCalledTimes(1)
        // after the TTL it is looked up again; clearing the cache forgets it at once
        expect(await service.webhookAuth("cwacc_01JFLOODFLOODFLOOD0000000", 1_000 + 60_000)).toBeNull()
        expect(spy).toHaveBeenCalledTimes(2)
        service.clearWebhookAuthCache("cwacc_01JFLOODFLOODFLOOD0000000")
        await service.webhookAuth("cwacc_01JFLOODFLOODFLOOD0000000", 1_000 + 60_001)
        expect(spy).toHaveBeenCalledTimes(3)
      } finally {
        spy.mockRestore()
      }
    })

    it("old records are purged", async () => {
      await service.recordWebhookDelivery({ account_id: "cwacc_a", delivery_key: "delivery:old", outcome: "accepted" })
      expect(await service.purgeWebhookDeliveries(new Date(Date.now() - 60_000))).toBe(0)
      expect(await service.purgeWebhookDeliveries(new Date(Date.now() + 60_000))).toBe(1)
      expect(await service.listChatwootWebhookDeliveries({})).toEqual([])
    })

    it("caches the account's decrypted secret briefly and never an unknown account", async () => {
      const account = await service.createChatwootAccounts({
        name: "A",
        webhook_secret_encrypted: service.encryptSecret("webhook_secret", "s3cret"),
      })
      expect(await service.webhookAuth("cwacc_nope")).toBeNull()
      expect(await service.webhookAuth(account.id, 1_000)).toMatchObject({ secret: "s3cret", url_token: null })
      await service.updateChatwootAccounts({ id: account.id, webhook_secret_encrypted: service.encryptSecret("webhook_secret", "new") })
      expect((await service.webhookAuth(account.id, 2_000))?.secret).toBe("s3cret")
      expect((await service.webhookAuth(account.id, 20_000))?.secret).toBe("new")
      await service.updateChatwootAccounts({ id: account.id, settings: { webhook_auth: "url_token", webhook_url_token_nonce: "n1" } })
      service.clearWebhookAuthCache(account.id)
      const auth = await service.webhookAuth(account.id)
      expect(auth?.url_token).toBe(service.webhookUrlToken(account.id, "n1"))
      expect(auth?.url_token).not.toBe(service.webhookUrlToken(account.id, "n2"))
    })
  })

  describe("conversation mirror", () => {
    it("only moves forwards: an older snapshot changes nothing, an equal one re-applies", async () => {
      expect((await service.upsertConversationMirror(snapshot({ status: "open", chatwoot_updated_at: at(10) })))?.inserted).toBe(true)
      expect(await service.upsertConversationMirror(snapshot({ status: "pending", chatwoot_updated_at: at(5) }))).toBeNull()
      const same = await service.upsertConversationMirror(snapshot({ status: "open", chatwoot_updated_at: at(10) }))
      expect(same?.inserted).toBe(false)
      await service.upsertConversationMirror(snapshot({ status: "resolved", chatwoot_updated_at: at(20) }))
      const [row] = await service.listChatwootConversations({ chatwoot_conversation_id: 42 })
      expect(row.status).toBe("resolved")
      expect(await service.listChatwootConversations({})).toHaveLength(1)
    })

    it("keeps links a later snapshot does not carry; an attribute link beats a mention", async () => {
      await service.upsertConversationMirror(snapshot({ customer_id: "cus_1", order_id: "order_attr", chatwoot_updated_at: at(1) }))
      await service.upsertConversationMirror(snapshot({ customer_id: null, order_id: null, chatwoot_updated_at: at(2) }))
      let [row] = await service.listChatwootConversations({ chatwoot_conversation_id: 42 })
      expect(row).toMatchObject({ customer_id: "cus_1", order_id: "order_attr", order_link_source: "attribute" })

      await service.recordConversationMessage({
        account_id: "cwacc_a", chatwoot_conversation_id: 42, from: "customer", at: at(30), preview: "about #7", mentioned_order_id: "order_mention",
      })
      ;[row] = await service.listChatwootConversations({ chatwoot_conversation_id: 42 })
      expect(row.order_id).toBe("order_attr")
    })

    it("message times only move forwards; the preview follows the newest message", async () => {
      await service.upsertConversationMirror(snapshot())
      const msg = (from: "customer" | "agent", s: number, preview: string) =>
        service.recordConversationMessage({ account_id: "cwacc_a", chatwoot_conversation_id: 42, from, at: at(s), preview })
      await msg("customer", 10, "hello")
      await msg("agent", 20, "hi, how can I help?")
      await msg("customer", 5, "an old one, late")
      const [row] = await service.listChatwootConversations({ chatwoot_conversation_id: 42 })
      expect(new Date(row.last_customer_message_at!).getTime()).toBe(at(10).getTime())
      expect(new Date(row.last_agent_reply_at!).getTime()).toBe(at(20).getTime())
      expect(row.last_message).toBe("hi, how can I help?")
      // a message of a conversation not mirrored yet changes nothing
      expect(
        await service.recordConversationMessage({ account_id: "cwacc_a", chatwoot_conversation_id: 999, from: "customer", at: at(1), preview: null })
      ).toBe(false)
    })
  })

  describe("contact changes", () => {
    it("one pending row per contact, merged; a dismissed one makes room for a new one", async () => {
      const first = await service.upsertContactChange({ account_id: "cwacc_a", customer_id: "cus_1", chatwoot_contact_id: 7, changes: { name: { chatwoot: "A", medusa: "B" } } })
      const second = await service.upsertContactChange({ account_id: "cwacc_a", customer_id: "cus_1", chatwoot_contact_id: 7, changes: { phone_number: { chatwoot: "+1", medusa: null } } })
      expect(first.inserted).toBe(true)
      expect(second).toEqual({ id: first.id, inserted: false })
      const [row] = await service.listChatwootContactChanges({ id: first.id })
      expect(Object.keys(row.changes as object).sort()).toEqual(["name", "phone_number"])
      await service.updateChatwootContactChanges({ id: first.id, status: "dismissed" })
      const third = await service.upsertContactChange({ account_id: "cwacc_a", customer_id: "cus_1", chatwoot_contact_id: 7, changes: {} })
      expect(third.id).not.toBe(first.id)
    })
  })
})
