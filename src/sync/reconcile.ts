import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../modules/chatwoot"
import { ChatwootApiError } from "../modules/chatwoot/client"
import type ChatwootModuleService from "../modules/chatwoot/service"
import type { EnqueueSyncJobInput } from "../modules/chatwoot/sync-queue"
import { kickChatwootSync } from "./wake"

export type ReconcileOptions = {
  /** Contacts compared with Medusa per page. */
  pageSize?: number
  /** Contacts checked for existence in Chatwoot per account and run (one GET each). */
  verifyPerAccount?: number
  now?: Date
}

export type ReconcileResult = { checked: number; stale: number; verified: number; recreated: number; dropped: number }

type ContactRow = {
  id: string
  account_id: string
  customer_id: string | null
  chatwoot_contact_id: number | null
  last_synced_at: Date | string | null
}

const time = (d: Date | string | null | undefined) => (d ? new Date(d).getTime() : 0)

/**
 * Reconciliation, the safety net for every change no event
 * reported: (1) re-queues the contact of every customer whose data changed
 * after the contact's last sync (the customer, or one of their orders or
 * carts updated later) — the handler's hash check still skips a send when
 * nothing it shows changed; (2) checks that the least recently verified
 * contacts still exist in Chatwoot: one deleted there (404) is recreated
 * when the customer still exists, else the plugin's row about it is dropped.
 */
export async function reconcileChatwootContacts(
  container: MedusaContainer,
  options: ReconcileOptions = {}
): Promise<ReconcileResult> {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const pageSize = options.pageSize ?? 500
  const now = options.now ?? new Date()
  const result: ReconcileResult = { checked: 0, stale: 0, verified: 0, recreated: 0, dropped: 0 }
  const jobs: EnqueueSyncJobInput[] = []
  const upsert = (row: ContactRow): EnqueueSyncJobInput => ({
    account_id: row.account_id,
    kind: "contact_upsert",
    subject: row.customer_id!,
    coalesce_key: `${row.account_id}:contact_upsert:${row.customer_id}`,
  })

  // (1) changed since the last sync
  for (let skip = 0; ; skip += pageSize) {
    const rows = (await chatwoot.listChatwootContacts(
      { customer_id: { $ne: null } },
      { select: ["id", "account_id", "customer_id", "chatwoot_contact_id", "last_synced_at"], order: { id: "ASC" }, skip, take: pageSize }
    )) as unknown as ContactRow[]
    if (!rows.length) break
    result.checked += rows.length
    const ids = [...new Set(rows.map((r) => r.customer_id!))]
    const changedAt = new Map<string, number>()
    const bump = (id: string | null | undefined, at: Date | string | null | undefined) => {
      if (id) changedAt.set(id, Math.max(changedAt.get(id) ?? 0, time(at)))
    }
    const { data: customers } = await query.graph({ entity: "customer", fields: ["id", "updated_at"], filters: { id: ids } })
    ;(customers as { id: string; updated_at: Date }[]).forEach((c) => bump(c.id, c.updated_at))
    for (const entity of ["order", "cart"] as const) {
      const { data } = await query.graph({ entity, fields: ["customer_id", "updated_at"], filters: { customer_id: ids } })
      ;(data as { customer_id: string | null; updated_at: Date }[]).forEach((r) => bump(r.customer_id, r.updated_at))
    }
    for (const row of rows) {
      // a customer gone from Medusa is left to the erase path; a contact never synced is in the queue already
      const changed = changedAt.get(row.customer_id!)
      if (changed !== undefined && row.last_synced_at && changed > time(row.last_synced_at)) {
        jobs.push(upsert(row))
        result.stale += 1
      }
    }
    if (rows.length < pageSize) break
  }

  // (2) still there in Chatwoot?
  const accounts = await chatwoot.listChatwootAccounts({ status: "active" })
  for (const account of accounts) {
    if (!account.chatwoot_account_id || !account.access_token_encrypted) continue
    // never verified first, then the longest ago
    const take = options.verifyPerAccount ?? 25
    const rows = (await chatwoot.listChatwootContacts(
      { account_id: account.id, chatwoot_contact_id: { $ne: null }, verified_at: null },
      { order: { id: "ASC" }, take }
    )) as unknown as ContactRow[]
    if (rows.length < take) {
      rows.push(
        ...((await chatwoot.listChatwootContacts(
          { account_id: account.id, chatwoot_contact_id: { $ne: null }, verified_at: { $ne: null } },
          { order: { verified_at: "ASC" }, take: take - rows.length }
        )) as unknown as ContactRow[])
      )
    }
    const contacts = chatwoot.accountApi(account).contacts
    for (const row of rows) {
      try {
        await contacts.get(row.chatwoot_contact_id!)
        await chatwoot.updateChatwootContacts({ id: row.id, verified_at: now })
        result.verified += 1
      } catch (error) {
        if (!(ChatwootApiError.is(error) && error.status === 404)) throw error
        const exists = row.customer_id
          ? (await query.graph({ entity: "customer", fields: ["id"], filters: { id: row.customer_id } })).data.length > 0
          : false
        if (exists) {
          // forget the deleted contact: the upsert creates it again
          await chatwoot.updateChatwootContacts({ id: row.id, chatwoot_contact_id: null, attributes_hash: null, verified_at: now })
          jobs.push(upsert(row))
          result.recreated += 1
        } else {
          await chatwoot.deleteChatwootContacts(row.id)
          result.dropped += 1
        }
      }
    }
  }

  if (jobs.length) {
    await chatwoot.enqueueSyncJobs(jobs)
    kickChatwootSync(container, 0)
  }
  if (result.stale || result.recreated || result.dropped) {
    container
      .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
      .info(
        `chatwoot reconcile: ${result.stale} changed contact(s) re-queued, ${result.recreated} recreated, ${result.dropped} dropped`
      )
  }
  return result
}
