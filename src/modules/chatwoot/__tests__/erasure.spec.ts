import { chatwootModuleSuite } from "./module-runner"

const T0 = new Date("2026-01-01T10:00:00.000Z")
const at = (ms: number) => new Date(T0.getTime() + ms)

chatwootModuleSuite({}, ({ service }) => {
  const tombstone = (ids: string[], emails: string[], erasedAt: Date) =>
    service.createChatwootErasures({
      subject_hashes: ids.map((i) => service.erasureHash(i)) as never,
      email_hashes: emails.map((e) => service.erasureHash(e)) as never,
      erased_at: erasedAt,
      account_ids: [] as never,
    })

  describe("erase tombstone", () => {
    it("stores keyed hashes only, and blocks changes queued before the erase, not after", async () => {
      const erasure = await tombstone(["cus_1"], ["ada@example.com"], at(1_000))
      const text = JSON.stringify(await service.retrieveChatwootErasure(erasure.id))
      expect(text).not.toContain("cus_1")
      expect(text).not.toContain("ada@example.com")
      expect(service.erasureHash("Ada@Example.com ")).toBe(service.erasureHash("ada@example.com"))

      await expect(service.isErased({ customer_id: "cus_1", queued_at: at(0) })).resolves.toBe(true)
      await expect(service.isErased({ email: "ADA@example.com", queued_at: at(0) })).resolves.toBe(true)
      // a change after the erase (the customer came back, a new registration with the e-mail) passes
      await expect(service.isErased({ customer_id: "cus_1", queued_at: at(2_000) })).resolves.toBe(false)
      await expect(service.isErased({ email: "ada@example.com", queued_at: at(2_000) })).resolves.toBe(false)
      await expect(service.isErased({ customer_id: "cus_2", email: "bob@example.com", queued_at: at(0) })).resolves.toBe(false)
    })
  })

  describe("purge of erased subjects", () => {
    it("removes queue rows naming them (subject, payload text), contacts, mirror and changes; leaves others and erase rows", async () => {
      const jobs = await service.enqueueSyncJobs(
        [
          { account_id: "cwacc_a", kind: "contact_message", subject: "ada@example.com", payload: { email: "ada@example.com", message: "secret" }, coalesce_key: "m1" },
          { account_id: "cwacc_a", kind: "contact_message", subject: "cus_1", payload: { email: "ADA@example.com", message: "secret 2" }, coalesce_key: "m2" },
          { account_id: "cwacc_a", kind: "private_note", subject: "cus_1", payload: { order_id: "order_1" }, coalesce_key: "n1" },
          { account_id: "cwacc_a", kind: "contact_upsert", subject: "cus_other", payload: {} },
          { account_id: "cwacc_a", kind: "contact_erase", subject: "cus_1", payload: { emails: ["ada@example.com"] }, coalesce_key: "e1" },
        ],
        at(0)
      )
      await service.updateChatwootSyncJobs({ id: jobs[0].id, status: "failed", last_error: "parked" })
      await service.createChatwootContacts([
        { account_id: "cwacc_a", customer_id: null, email: "ada@example.com", chatwoot_contact_id: 5 },
        { account_id: "cwacc_a", customer_id: "cus_other", email: "other@example.com", chatwoot_contact_id: 6 },
      ])
      await service.createChatwootConversations([
        { account_id: "cwacc_a", chatwoot_conversation_id: 1, email: "ada@example.com", last_message: "secret" },
        { account_id: "cwacc_a", chatwoot_conversation_id: 2, chatwoot_contact_id: 77, last_message: "by contact" },
        { account_id: "cwacc_a", chatwoot_conversation_id: 3, customer_id: "cus_other", last_message: "keep" },
      ])
      await service.createChatwootContactChanges([
        { account_id: "cwacc_a", customer_id: "cus_x", chatwoot_contact_id: 9, changes: { email: { chatwoot: "ada@example.com", medusa: "x@example.com" } } },
      ])

      await service.createChatwootRateLimits([
        { id: "contact-email:ada@example.com", state: { starts: [] } },
        { id: "contact-email:bob@example.com", state: { starts: [] } },
      ])

      const counts = await service.purgeErasedSubjects({
        customer_ids: ["cus_1"],
        emails: ["Ada@example.com"],
        account_id: "cwacc_a",
        chatwoot_contact_ids: [77],
      })
      expect(counts).toEqual({ contacts: 1, conversations: 2, contact_changes: 1, sync_jobs: 3 })
      const left = await service.listChatwootSyncJobs({})
      expect(left.map((j) => j.kind).sort()).toEqual(["contact_erase", "contact_upsert"])
      expect((await service.listChatwootConversations({})).map((c) => c.chatwoot_conversation_id)).toEqual([3])
      expect((await service.listChatwootContacts({})).map((c) => c.customer_id)).toEqual(["cus_other"])
      expect((await service.listChatwootRateLimits({})).map((r) => r.id)).toEqual(["contact-email:bob@example.com"])
    })
  })

  describe("deferred rows", () => {
    it("a deferred row goes back to pending without spending its attempt", async () => {
      await service.enqueueSyncJobs([{ account_id: "cwacc_a", kind: "contact_erase", subject: "cus_1" }], at(0))
      for (let i = 0; i < 12; i++) {
        const [row] = await service.claimSyncJobs({ owner: "d", now: at(i * 60_000 + 1) })
        expect(row).toBeDefined()
        await expect(service.deferSyncJob(row.id, "d", { delayMs: 10_000, note: "waiting", now: at(i * 60_000 + 1) })).resolves.toBe(true)
      }
      const [row] = await service.listChatwootSyncJobs({})
      expect(row).toMatchObject({ status: "pending", attempts: 0, last_error: "waiting" })
    })
  })
})
