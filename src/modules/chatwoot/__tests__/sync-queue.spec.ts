import { chatwootModuleSuite } from "./module-runner"
import {
  ChatwootAccount,
  ChatwootAgent,
  ChatwootContact,
  ChatwootInbox,
  ChatwootStorefront,
  ChatwootSyncJob,
} from "../models"

const T0 = new Date("2026-01-01T10:00:00.000Z")
const at = (ms: number) => new Date(T0.getTime() + ms)

chatwootModuleSuite({ moduleModels: [ChatwootAccount, ChatwootAgent, ChatwootContact, ChatwootInbox, ChatwootStorefront, ChatwootSyncJob] }, ({ service }) => {
  const upsert = (subject: string, payload: Record<string, unknown> = {}) => ({
    account_id: "cwacc_a",
    kind: "contact_upsert" as const,
    subject,
    payload,
  })

  describe("durable sync queue", () => {
    it("coalesces changes to one pending row per (account, kind, subject)", async () => {
      for (let i = 0; i < 10; i++) {
        await service.enqueueSyncJobs([upsert("cus_1", { [`k${i % 3}`]: i })], at(i))
      }
      await service.enqueueSyncJobs([upsert("cus_2"), { ...upsert("cus_1"), account_id: "cwacc_b" }], at(20))
      await service.enqueueSyncJobs([{ ...upsert("cus_1"), kind: "contact_erase" }], at(21))

      const rows = await service.listChatwootSyncJobs({}, { order: { created_at: "ASC" } })
      expect(rows).toHaveLength(4)
      const first = rows.find((r) => r.subject === "cus_1" && r.account_id === "cwacc_a" && r.kind === "contact_upsert")!
      expect(first.coalesced_count).toBe(9)
      expect(first.payload).toEqual({ k0: 9, k1: 7, k2: 8 })
      expect(new Date(first.created_at).getTime()).toBeLessThanOrEqual(at(0).getTime() + 1000)
      expect(new Date(first.next_attempt_at).toISOString()).toBe(at(0).toISOString())
    })

    it("settles a contact change: claimable only after the settle window, pushed back by each coalesced change", async () => {
      const settle = { settle_ms: 1000, settle_max_ms: 5000 }
      const [first] = await service.enqueueSyncJobs([{ ...upsert("cus_1", { v: 1 }), ...settle }], at(0))
      expect(first.next_attempt_at.toISOString()).toBe(at(1000).toISOString())
      expect(await service.claimSyncJobs({ owner: "w", now: at(999) })).toEqual([])

      // a change at 600 ms restarts the wait: due at 1600, not 1000
      const [second] = await service.enqueueSyncJobs([{ ...upsert("cus_1", { v: 2 }), ...settle }], at(600))
      expect(second).toMatchObject({ id: first.id, coalesced: true })
      expect(second.next_attempt_at.toISOString()).toBe(at(1600).toISOString())
      expect(await service.claimSyncJobs({ owner: "w", now: at(1000) })).toEqual([])
      expect(await service.nextSyncJobDueAt()).toEqual(at(1600))

      const [claimed] = await service.claimSyncJobs({ owner: "w", now: at(1600) })
      expect(claimed).toMatchObject({ id: first.id, coalesced_count: 1, payload: { v: 2 } })
    })

    it("a constantly changing contact still goes out: settling never lasts past settle_max_ms after the first change", async () => {
      const settle = { settle_ms: 1000, settle_max_ms: 3000 }
      let last = { next_attempt_at: new Date(0) }
      for (let t = 0; t <= 6000; t += 500) {
        ;[last] = await service.enqueueSyncJobs([{ ...upsert("cus_1", { t }), ...settle }], at(t))
        if (t >= 2000 && t <= 3000) expect(last.next_attempt_at.toISOString()).toBe(at(3000).toISOString())
        // the first drainer after the cap takes it
        if (t === 3000) {
          const [row] = await service.claimSyncJobs({ owner: "w", now: at(3000) })
          expect(row.payload).toEqual({ t: 3000 })
          await service.completeSyncJob(row.id, "w", { now: at(3000) })
        }
      }
      // the changes after the send made a new row, settling from its own first change (3500 → cap 6500)
      expect(last.next_attempt_at.toISOString()).toBe(at(6500).toISOString())
      const rows = await service.listChatwootSyncJobs({}, { order: { created_at: "ASC" } })
      expect(rows.map((r) => r.status)).toEqual(["done", "pending"])
    })

    it("a change that must not wait (settle 0) makes a settling row due at once; a back-off is kept", async () => {
      await service.enqueueSyncJobs([{ ...upsert("cus_1", { a: 1 }), settle_ms: 1000 }], at(0))
      const [urgent] = await service.enqueueSyncJobs([upsert("cus_1", { b: 2 })], at(100))
      expect(urgent.next_attempt_at.toISOString()).toBe(at(100).toISOString())
      const [row] = await service.claimSyncJobs({ owner: "w", now: at(100) })
      expect(row.payload).toEqual({ a: 1, b: 2 })

      // failed → waits out its back-off; a new settling change for the key makes a new row (the old one is not pending)
      await service.failSyncJob(row.id, "w", new Error("503"), { now: at(200), random: () => 1 })
      const [later] = await service.enqueueSyncJobs([{ ...upsert("cus_1", { c: 3 }), settle_ms: 1000 }], at(300))
      expect(later).toMatchObject({ id: row.id, coalesced: true })
      // the row's back-off (1 s after 200) stands: settling does not move a retry
      expect(later.next_attempt_at.toISOString()).toBe(at(1200).toISOString())
    })

    it("claims each due row once, skips rows another drainer holds, and leaves future rows", async () => {
      await service.enqueueSyncJobs([upsert("cus_1"), upsert("cus_2"), upsert("cus_3")], at(0))
      const [a, b] = await Promise.all([
        service.claimSyncJobs({ owner: "w1", limit: 2, now: at(1000) }),
        service.claimSyncJobs({ owner: "w2", limit: 2, now: at(1000) }),
      ])
      const ids = [...a, ...b].map((r) => r.id)
      expect(ids).toHaveLength(3)
      expect(new Set(ids).size).toBe(3)
      expect([...a, ...b].every((r) => r.status === "processing" && r.attempts === 1)).toBe(true)
      expect(await service.claimSyncJobs({ owner: "w3", now: at(2000) })).toEqual([])
    })

    it("does not claim a new change for a key whose previous change is still in flight", async () => {
      await service.enqueueSyncJobs([upsert("cus_1", { v: 1 })], at(0))
      const [inFlight] = await service.claimSyncJobs({ owner: "w1", now: at(0) })
      const [again] = await service.enqueueSyncJobs([upsert("cus_1", { v: 2 })], at(10))
      expect(again.coalesced).toBe(false)
      expect(await service.claimSyncJobs({ owner: "w2", now: at(20) })).toEqual([])
      expect(await service.completeSyncJob(inFlight.id, "w1", { now: at(30) })).toBe(true)
      const next = await service.claimSyncJobs({ owner: "w2", now: at(40) })
      expect(next.map((r) => r.id)).toEqual([again.id])
      expect(next[0].payload).toEqual({ v: 2 })
    })

    it("reschedules a failure with exponential back-off and parks it after the last attempt", async () => {
      await service.enqueueSyncJobs([upsert("cus_1")], at(0))
      let now = at(0)
      const delays: number[] = []
      for (let attempt = 1; attempt <= 3; attempt++) {
        const [row] = await service.claimSyncJobs({ owner: "w", now })
        expect(row.attempts).toBe(attempt)
        const outcome = await service.failSyncJob(row.id, "w", new Error("Chatwoot 503"), {
          now,
          maxAttempts: 3,
          random: () => 1,
        })
        if (attempt < 3) {
          expect(outcome).toBe("rescheduled")
          const stored = await service.retrieveChatwootSyncJob(row.id)
          const due = new Date(stored.next_attempt_at)
          delays.push(due.getTime() - now.getTime())
          expect(await service.claimSyncJobs({ owner: "w", now: new Date(due.getTime() - 1) })).toEqual([])
          now = due
        } else {
          expect(outcome).toBe("failed")
        }
      }
      expect(delays).toEqual([1000, 2000])
      const stats = await service.syncQueueStats({ now })
      expect(stats.counts).toMatchObject({ pending: 0, failed: 1 })
      expect(stats.failed[0]).toMatchObject({ subject: "cus_1", attempts: 3, last_error: "Chatwoot 503" })
    })

    it("parks a non-retryable failure at once and redacts token-like text", async () => {
      await service.enqueueSyncJobs([upsert("cus_1")], at(0))
      const [row] = await service.claimSyncJobs({ owner: "w", now: at(0) })
      await service.failSyncJob(row.id, "w", new Error("422 invalid api_access_token=abc123"), {
        now: at(0),
        retryable: false,
      })
      const stored = await service.retrieveChatwootSyncJob(row.id)
      expect(stored.status).toBe("failed")
      expect(stored.last_error).toBe("422 invalid api_access_token=[redacted]")
    })

    it("replays failed rows, or closes them when a newer change is pending", async () => {
      await service.enqueueSyncJobs([upsert("cus_1"), upsert("cus_2")], at(0))
      for (const row of await service.claimSyncJobs({ owner: "w", now: at(0) })) {
        await service.failSyncJob(row.id, "w", new Error("boom"), { now: at(0), retryable: false })
      }
      const [newer] = await service.enqueueSyncJobs([upsert("cus_2")], at(5))
      const result = await service.replaySyncJobs(undefined, at(10))
      expect(result.replayed).toHaveLength(1)
      expect(result.superseded).toHaveLength(1)
      const replayed = await service.retrieveChatwootSyncJob(result.replayed[0])
      expect(replayed).toMatchObject({ subject: "cus_1", status: "pending", attempts: 0 })
      expect((await service.syncQueueStats()).counts).toMatchObject({ pending: 2, failed: 0 })
      expect((await service.retrieveChatwootSyncJob(newer.id)).status).toBe("pending")
    })

    it("reclaims a row whose lease ran out, and ignores the late answer of its first drainer", async () => {
      await service.enqueueSyncJobs([upsert("cus_1")], at(0))
      const [first] = await service.claimSyncJobs({ owner: "dead", now: at(0), leaseMs: 60_000 })
      expect(await service.claimSyncJobs({ owner: "w2", now: at(59_000), leaseMs: 60_000 })).toEqual([])
      const [reclaimed] = await service.claimSyncJobs({ owner: "w2", now: at(61_000), leaseMs: 60_000 })
      expect(reclaimed.id).toBe(first.id)
      expect(reclaimed.attempts).toBe(2)
      expect(await service.completeSyncJob(first.id, "dead")).toBe(false)
      expect(await service.failSyncJob(first.id, "dead", new Error("late"))).toBe("lost")
      expect(await service.completeSyncJob(first.id, "w2")).toBe(true)
      expect((await service.retrieveChatwootSyncJob(first.id)).status).toBe("done")
    })

    it("a failure superseded by a newer pending change is closed, not rescheduled", async () => {
      await service.enqueueSyncJobs([upsert("cus_1")], at(0))
      const [row] = await service.claimSyncJobs({ owner: "w", now: at(0) })
      await service.enqueueSyncJobs([upsert("cus_1")], at(1))
      expect(await service.failSyncJob(row.id, "w", new Error("503"), { now: at(2) })).toBe("superseded")
      expect((await service.syncQueueStats()).counts).toMatchObject({ pending: 1, done: 1 })
    })

    it("anonymizes an erase row when it completes and reports the lag of pending rows", async () => {
      await service.enqueueSyncJobs([{ ...upsert("cus_9"), kind: "contact_erase" }], at(0))
      await service.enqueueSyncJobs([upsert("cus_8")], new Date(Date.now() - 30_000))
      const claimed = await service.claimSyncJobs({ owner: "w", now: at(0) })
      expect(claimed).toHaveLength(1)
      await service.completeSyncJob(claimed[0].id, "w", { anonymize: true })
      const erased = await service.retrieveChatwootSyncJob(claimed[0].id)
      expect(erased).toMatchObject({ subject: "erased", payload: null, status: "done" })
      expect(erased.coalesce_key).not.toContain("cus_9")
      const stats = await service.syncQueueStats()
      expect(stats.lag_seconds).toBeGreaterThanOrEqual(0)
      expect(stats.counts.pending).toBe(1)
      expect(await service.purgeSyncJobsAbout({ subject: "cus_8" })).toBe(1)
    })
  })
})
