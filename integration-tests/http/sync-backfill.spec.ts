import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { adminHeaders } from "../helpers/auth"
import { useChatwootSandbox } from "../helpers/sandbox"
import { syncTestKit, until } from "../helpers/sync-kit"
import chatwootSyncDrain from "../../src/jobs/chatwoot-sync-drain"
import { reconcileChatwootContacts } from "../../src/sync/reconcile"

jest.setTimeout(240_000)

const sandbox = useChatwootSandbox()

type Progress = {
  id: string
  status: string
  total: number
  done: number
  percent: number
  rate_per_minute: number
  eta_seconds: number | null
  queued_rows: number
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let container: MedusaContainer

    beforeEach(async () => {
      container = getContainer()
      headers = await adminHeaders(container)
    })

    const { chatwoot, storefront, makeDefault, contactsOf, idle } = syncTestKit({
      api,
      container: () => container,
      headers: () => headers,
      sandbox,
    })

    /** Customers written straight through the customer module: no events, so nothing syncs them. */
    async function importCustomers(prefix: string, n: number) {
      const customers = await container.resolve(Modules.CUSTOMER).createCustomers(
        Array.from({ length: n }, (_, i) => ({ email: `${prefix}-${i}@example.com`, first_name: "Imported", last_name: `No ${i}` }))
      )
      return customers.map((c) => ({ id: c.id, email: c.email })).sort((a, b) => (a.id < b.id ? -1 : 1))
    }

    const backfills = async (): Promise<Progress[]> =>
      (await api.get("/admin/chatwoot/sync/backfill", { headers })).data.backfills

    describe("backfill", () => {
      it("backfills every customer into a storefront's account in the background, with progress, one call per new contact", async () => {
        const webshop = await storefront("Webshop")
        const outlet = await storefront("Outlet")
        await makeDefault(webshop.salesChannelId)
        await idle()
        const imported = await importCustomers("bulk", 40)
        const ids = imported.map((c) => c.id)
        expect(ids.every((id) => contactsOf(id).length === 0)).toBe(true)
        sandbox().clearLog()

        const started = await api.post("/admin/chatwoot/sync/backfill", { sales_channel_id: outlet.salesChannelId }, { headers })
        expect(started.status).toBe(202)
        expect(started.data.backfill).toMatchObject({ status: "running", total: 40 })
        // one at a time
        const again = await api
          .post("/admin/chatwoot/sync/backfill", {}, { headers })
          .catch((e) => e.response)
        expect(again.status).toBe(409)

        const seen: number[] = []
        const finished = await until("the backfill to finish", async () => {
          const [latest] = await backfills()
          seen.push(latest.done)
          return latest.status === "done" ? latest : undefined
        })
        expect(finished).toMatchObject({ id: started.data.backfill.id, total: 40, done: 40, percent: 100, eta_seconds: 0, queued_rows: 40 })
        expect(finished.rate_per_minute).toBeGreaterThan(0)
        // progress only moves forward
        expect(seen).toEqual([...seen].sort((a, b) => a - b))

        // every customer is a contact of the chosen storefront's account only, exactly once
        for (const id of ids) {
          expect(contactsOf(id, outlet.account.chatwoot_account_id)).toHaveLength(1)
          expect(contactsOf(id, webshop.account.chatwoot_account_id)).toHaveLength(0)
        }
        const [one] = contactsOf(ids[0])
        expect(one).toMatchObject({ email: imported[0].email, name: `Imported No ${imported[0].email!.split("-")[1].split("@")[0]}` })
        // a new contact costs one call: the create, no lookup first
        const calls = sandbox().requests.filter((r) => /\/contacts(\/|$)/.test(r.path))
        expect(calls).toHaveLength(40)
        expect(calls.every((r) => r.method === "POST" && /\/contacts$/.test(r.path) && r.status === 200)).toBe(true)

        // a second backfill finds nothing changed: no call at all
        sandbox().clearLog()
        await api.post("/admin/chatwoot/sync/backfill", { sales_channel_id: outlet.salesChannelId }, { headers })
        await until("the second backfill to finish", async () => ((await backfills())[0].status === "done" ? true : undefined))
        expect(sandbox().requests.filter((r) => /\/contacts(\/|$)/.test(r.path))).toHaveLength(0)
      })

      it("rejects bad input with 4xx: unknown fields, a storefront without an account, cancel of an unknown or finished backfill", async () => {
        const bad = await api.post("/admin/chatwoot/sync/backfill", { everything: true }, { headers }).catch((e) => e.response)
        expect(bad.status).toBe(400)
        const channel = (await api.post("/admin/sales-channels", { name: "No chat" }, { headers })).data.sales_channel
        // no account yet for a brand-new channel until provisioned; a made-up id never has one
        const none = await api
          .post("/admin/chatwoot/sync/backfill", { sales_channel_id: "sc_does_not_exist" }, { headers })
          .catch((e) => e.response)
        expect(none.status).toBe(400)
        expect(channel.id).toBeTruthy()
        const missing = await api.post("/admin/chatwoot/sync/backfill/cwbf_nope/cancel", {}, { headers }).catch((e) => e.response)
        expect(missing.status).toBe(404)
        const limit = await api.get("/admin/chatwoot/sync/backfill?limit=0", { headers }).catch((e) => e.response)
        expect(limit.status).toBe(400)
      })

      it("resumes after a restart from its persisted cursor: the customers before it are not sent again, the rest are", async () => {
        const webshop = await storefront("Webshop")
        await makeDefault(webshop.salesChannelId)
        await idle()
        const ids = (await importCustomers("resume", 20)).map((c) => c.id)
        // the state a restart leaves: a running backfill whose cursor passed the first 8 customers
        // (their rows were sent before the restart), nothing of it queued
        const [row] = await chatwoot().createChatwootBackfills([
          { status: "running", cursor: ids[7], scanned: 8, queued: 8, total: 20, started_at: new Date(Date.now() - 60_000) },
        ])
        sandbox().clearLog()

        // after the restart the scheduled drain job picks it up
        await chatwootSyncDrain(container)
        const [progress] = await until("the resumed backfill to finish", async () => {
          const list = await backfills()
          return list[0]?.status === "done" ? list : undefined
        })
        expect(progress).toMatchObject({ id: row.id, total: 20, done: 20, percent: 100 })
        ids.slice(0, 8).forEach((id) => expect(contactsOf(id)).toHaveLength(0))
        ids.slice(8).forEach((id) => expect(contactsOf(id, webshop.account.chatwoot_account_id)).toHaveLength(1))
        expect(sandbox().requests.filter((r) => r.method === "POST" && /\/contacts$/.test(r.path))).toHaveLength(12)
      })

      it("cancel stops a running backfill before its next page", async () => {
        const webshop = await storefront("Webshop")
        await makeDefault(webshop.salesChannelId)
        await idle()
        await importCustomers("cancel", 5)
        const [row] = await chatwoot().createChatwootBackfills([{ status: "running", total: 5, started_at: new Date() }])
        const canceled = await api.post(`/admin/chatwoot/sync/backfill/${row.id}/cancel`, {}, { headers })
        expect(canceled.data.backfill).toMatchObject({ status: "canceled" })
        await chatwootSyncDrain(container)
        const [stored] = await chatwoot().listChatwootBackfills({ id: row.id })
        expect(stored).toMatchObject({ status: "canceled", scanned: 0, cursor: null })
        const twice = await api.post(`/admin/chatwoot/sync/backfill/${row.id}/cancel`, {}, { headers }).catch((e) => e.response)
        expect(twice.status).toBe(400)
      })
    })

    describe("reconciliation", () => {
      it("re-syncs a contact whose customer changed without an event, recreates one deleted in Chatwoot, drops one whose customer is gone too, and leaves the rest alone", async () => {
        const webshop = await storefront("Webshop")
        await makeDefault(webshop.salesChannelId)
        const { result: customers } = await (await import("@medusajs/medusa/core-flows")).createCustomersWorkflow(container).run({
          input: {
            customersData: ["changed", "deleted", "gone", "same"].map((name) => ({
              email: `${name}@example.com`,
              first_name: name,
              last_name: "Before",
              has_account: true,
            })),
          },
        })
        const [changed, deleted, gone, same] = customers
        await until("four contacts", () => customers.every((c) => contactsOf(c.id).length === 1))
        await idle()
        const api = chatwoot().accountApi((await chatwoot().listChatwootAccounts({ id: webshop.account.id }))[0])

        // behind the plugin's back: a data change no event reports, two contacts deleted in Chatwoot,
        // one of whose customers is gone from Medusa as well
        await container.resolve(Modules.CUSTOMER).updateCustomers(changed.id, { last_name: "After" })
        // a change that does not show in Chatwoot: re-queued once, sends nothing, then counts as in step
        await container.resolve(Modules.CUSTOMER).updateCustomers(same.id, { metadata: { note: "internal" } })
        const deletedContactId = contactsOf(deleted.id)[0].id
        await api.contacts.delete(deletedContactId)
        await api.contacts.delete(contactsOf(gone.id)[0].id)
        await container.resolve(Modules.CUSTOMER).deleteCustomers(gone.id)
        sandbox().clearLog()

        const result = await reconcileChatwootContacts(container)
        expect(result).toMatchObject({ checked: 4, stale: 2, recreated: 1, dropped: 1, verified: 2 })
        await until("the changed name in Chatwoot", () => contactsOf(changed.id)[0]?.name === "changed After")
        const [recreated] = await until("the deleted contact back", () => {
          const found = contactsOf(deleted.id)
          return found.length ? found : undefined
        })
        await idle()
        expect(recreated.id).not.toBe(deletedContactId)
        expect(recreated).toMatchObject({ email: "deleted@example.com", name: "deleted Before" })
        expect(await chatwoot().listChatwootContacts({ customer_id: gone.id })).toHaveLength(0)
        const [row] = await chatwoot().listChatwootContacts({ customer_id: deleted.id })
        expect(row.chatwoot_contact_id).toBe(recreated.id)
        // the contact whose visible data did not change cost one GET (its check) and nothing else
        const aboutSame = sandbox().requests.filter((r) => r.path.endsWith(`/contacts/${contactsOf(same.id)[0].id}`))
        expect(aboutSame.map((r) => r.method)).toEqual(["GET"])
        expect(contactsOf(same.id)).toHaveLength(1)

        // a second run finds nothing to do
        const again = await reconcileChatwootContacts(container)
        expect(again).toMatchObject({ checked: 3, stale: 0, recreated: 0, dropped: 0 })
      })
    })
  },
})
