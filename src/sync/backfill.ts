import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../modules/chatwoot"
import type ChatwootModuleService from "../modules/chatwoot/service"
import type { EnqueueSyncJobInput } from "../modules/chatwoot/sync-queue"
import { processState } from "./process-state"

/** Customers walked per page. */
export const BACKFILL_PAGE_SIZE = 250
/** A new page is queued once fewer of the backfill's customers than this are still waiting. */
export const BACKFILL_LOW_WATER = 250

/**
 * A drain feeds backfills several times a second; once a process found none
 * running it looks again only after this long (or when woken), so a burst of
 * live changes does not pay a lookup per drain.
 */
export const NO_BACKFILL_RECHECK_MS = 2_000
const quiet = () => processState("backfill-quiet", () => ({ until: 0 }))

/** The next feed looks for running backfills at once (one was started or resumed, or the scheduled job runs). */
export function wakeChatwootBackfills(): void {
  quiet().until = 0
}

type BackfillRow = {
  id: string
  sales_channel_id: string | null
  account_id: string | null
  status: string
  cursor: string | null
  total: number
  scanned: number
  queued: number
  started_at: Date | string
  scan_completed_at: Date | string | null
  finished_at: Date | string | null
}

/** Accounts of the enabled, usable storefronts: sales channel id → account id. */
async function channelAccounts(chatwoot: ChatwootModuleService) {
  const storefronts = await chatwoot.listChatwootStorefronts({ enabled: true }, { relations: ["account"] })
  const map = new Map<string, string>()
  for (const s of storefronts) {
    if (s.account && (s.account.status === "active" || s.account.status === "provisioning")) {
      map.set(s.sales_channel_id, s.account.id)
    }
  }
  return map
}

/**
 * The rows of one page of customers. Scoped to a storefront: every customer
 * into its account. Unscoped: every account where the customer
 * already is a contact or has a cart or order, the default storefront's for
 * registered customers — and the default storefront's for a customer who
 * interacted nowhere, so nobody is left out.
 */
async function pageJobs(
  container: MedusaContainer,
  chatwoot: ChatwootModuleService,
  backfill: BackfillRow,
  customers: { id: string; has_account?: boolean | null }[]
): Promise<EnqueueSyncJobInput[]> {
  const job = (account_id: string, subject: string): EnqueueSyncJobInput => ({
    account_id,
    kind: "contact_upsert",
    subject,
    coalesce_key: `${account_id}:contact_upsert:${subject}`,
  })
  if (backfill.account_id) return customers.map((c) => job(backfill.account_id!, c.id))

  const ids = customers.map((c) => c.id)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const byChannel = await channelAccounts(chatwoot)
  const { data: stores } = await query.graph({ entity: "store", fields: ["id", "default_sales_channel_id"] })
  const defaultAccount = byChannel.get(stores[0]?.default_sales_channel_id ?? "") ?? null
  const targets = new Map<string, Set<string>>(ids.map((id) => [id, new Set<string>()]))
  const known = await chatwoot.listChatwootContacts({ customer_id: ids }, { select: ["account_id", "customer_id"] })
  known.forEach((c) => targets.get(c.customer_id!)?.add(c.account_id))
  for (const entity of ["order", "cart"] as const) {
    const { data } = await query.graph({
      entity,
      fields: ["customer_id", "sales_channel_id"],
      filters: { customer_id: ids },
    })
    for (const row of data as { customer_id: string | null; sales_channel_id: string | null }[]) {
      const account = byChannel.get(row.sales_channel_id ?? "")
      if (account && row.customer_id) targets.get(row.customer_id)?.add(account)
    }
  }
  const jobs: EnqueueSyncJobInput[] = []
  for (const customer of customers) {
    const accounts = targets.get(customer.id)!
    if (defaultAccount && (customer.has_account || !accounts.size)) accounts.add(defaultAccount)
    accounts.forEach((account) => jobs.push(job(account, customer.id)))
  }
  return jobs
}

/**
 * Keeps every running backfill fed: when few of its customers are still
 * queued, walks the next page past its cursor and queues their rows (cursor
 * and rows in one transaction, so a restart resumes exactly there); marks it
 * done once the walk is over and its rows are drained. Called by every drain
 * (the in-process kick and the scheduled job). Returns the rows queued.
 */
export async function pumpChatwootBackfills(container: MedusaContainer): Promise<number> {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  if (quiet().until > Date.now()) return 0
  const running = (await chatwoot.listChatwootBackfills({ status: "running" })) as unknown as BackfillRow[]
  if (!running.length) quiet().until = Date.now() + NO_BACKFILL_RECHECK_MS
  let queued = 0
  for (const backfill of running) {
    const open = await chatwoot.backfillOpenSubjects(backfill.id)
    if (backfill.scan_completed_at) {
      if (!open) await chatwoot.updateChatwootBackfills({ id: backfill.id, status: "done", finished_at: new Date() })
      continue
    }
    if (open >= BACKFILL_LOW_WATER) continue
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: customers } = await query.graph({
      entity: "customer",
      fields: ["id", "has_account"],
      filters: backfill.cursor ? { id: { $gt: backfill.cursor } } : {},
      pagination: { take: BACKFILL_PAGE_SIZE, order: { id: "ASC" } },
    })
    if (!customers.length) {
      await chatwoot.updateChatwootBackfills({
        id: backfill.id,
        scan_completed_at: new Date(),
        ...(open ? {} : { status: "done" as const, finished_at: new Date() }),
      })
      continue
    }
    const jobs = await pageJobs(container, chatwoot, backfill, customers as { id: string; has_account: boolean }[])
    const moved = await chatwoot.advanceBackfill({
      id: backfill.id,
      from: backfill.cursor,
      to: customers[customers.length - 1].id,
      scanned: customers.length,
      jobs,
    })
    if (moved) queued += jobs.length
  }
  return queued
}

/** What the admin shows of a backfill: done/total, rate, ETA. */
export async function backfillProgress(chatwoot: ChatwootModuleService, backfill: BackfillRow, now = new Date()) {
  const open = backfill.status === "running" ? await chatwoot.backfillOpenSubjects(backfill.id) : 0
  const total = Math.max(backfill.total, backfill.scanned)
  const done = Math.min(total, Math.max(0, backfill.scanned - open))
  const end = backfill.finished_at ? new Date(backfill.finished_at) : now
  const minutes = Math.max(1 / 60, (end.getTime() - new Date(backfill.started_at).getTime()) / 60_000)
  const rate = done / minutes
  return {
    id: backfill.id,
    status: backfill.status,
    sales_channel_id: backfill.sales_channel_id,
    account_id: backfill.account_id,
    total,
    done,
    queued_rows: backfill.queued,
    percent: total ? Math.round((done / total) * 1000) / 10 : 100,
    rate_per_minute: Math.round(rate * 10) / 10,
    eta_seconds: backfill.status === "running" ? (rate > 0 ? Math.ceil(((total - done) / rate) * 60) : null) : 0,
    started_at: backfill.started_at,
    finished_at: backfill.finished_at,
  }
}
