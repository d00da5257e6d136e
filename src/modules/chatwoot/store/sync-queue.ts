import { generateEntityId } from "@medusajs/framework/utils"
import {
  SYNC_QUEUE_DEFAULTS,
  syncBackoffMs,
  syncCoalesceKey,
  syncErrorText,
  type EnqueueSyncJobInput,
  type SyncJobRow,
} from "../sync-queue"
import { placeholders, rowsOf, type EntityManager } from "./manager"

/*
 * The durable sync queue (table `chatwoot_sync_job`): enqueue with
 * coalescing, claim with FOR UPDATE SKIP LOCKED and a lease, complete,
 * reschedule, defer or park, replay and purge.
 */

export type EnqueuedSyncJob = { id: string; coalesced: boolean; next_attempt_at: Date }
export type ClaimSyncJobsInput = { owner: string; limit?: number; leaseMs?: number; now?: Date }
export type CompleteSyncJobOptions = { now?: Date; anonymize?: boolean; note?: string | null }
export type FailSyncJobOptions = {
  now?: Date
  retryable?: boolean
  retryAfterMs?: number
  maxAttempts?: number
  random?: () => number
}
export type FailSyncJobOutcome = "rescheduled" | "failed" | "superseded" | "lost"
export type DeferSyncJobOptions = { delayMs: number; note: string; now?: Date }
export type SyncJobPurgeFilter = { subject: string; account_id?: string; kinds?: string[]; except_id?: string }

/**
 * Adds changes to the queue. A change whose coalesce key already has a
 * pending row folds into it (payload merged, `coalesced_count` + 1, the
 * earliest `created_at` kept so the lag stays honest); a row waiting out a
 * back-off keeps its schedule.
 *
 * Settling (`settle_ms`): a new row becomes claimable `settle_ms` after the
 * change, and every change folded into it pushes that back to
 * `settle_ms` after itself, but never past `settle_max_ms` after the first
 * change (so a contact that never stops changing still goes out). A burst
 * of changes to one contact thus costs one call. A change without settling
 * (`settle_ms` 0) makes its row due at once.
 */
export async function enqueueSyncJobs(manager: EntityManager, jobs: EnqueueSyncJobInput[], now: Date): Promise<EnqueuedSyncJob[]> {
  const out: EnqueuedSyncJob[] = []
  for (const job of jobs) {
    const settle = Math.max(0, Math.round(job.settle_ms ?? 0))
    const [row] = await rowsOf<{ id: string; next_attempt_at: Date; coalesced: boolean }>(
      manager,
      `insert into chatwoot_sync_job
         (id, account_id, kind, subject, coalesce_key, payload, status, attempts, next_attempt_at, coalesced_count, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?::jsonb, 'pending', 0, ?, 0, ?, ?)
       on conflict (coalesce_key) where status = 'pending' and deleted_at is null
       do update set
         payload = coalesce(chatwoot_sync_job.payload, '{}'::jsonb) || coalesce(excluded.payload, '{}'::jsonb),
         coalesced_count = chatwoot_sync_job.coalesced_count + 1,
         updated_at = excluded.updated_at,
         next_attempt_at = case
           when chatwoot_sync_job.attempts > 0 then chatwoot_sync_job.next_attempt_at
           when ?::int = 0 then least(chatwoot_sync_job.next_attempt_at, excluded.next_attempt_at)
           else greatest(chatwoot_sync_job.next_attempt_at,
             least(excluded.next_attempt_at, chatwoot_sync_job.created_at + (?::int * interval '1 millisecond'))) end
       returning id, next_attempt_at, (xmax <> 0) as coalesced`,
      [
        generateEntityId(undefined, "cwsync"),
        job.account_id,
        job.kind,
        job.subject,
        syncCoalesceKey(job),
        JSON.stringify(job.payload ?? {}),
        new Date(now.getTime() + settle),
        now,
        now,
        settle,
        Math.max(settle, job.settle_max_ms ?? settle),
      ]
    )
    out.push({ id: row.id, coalesced: Boolean(row.coalesced), next_attempt_at: new Date(row.next_attempt_at) })
  }
  return out
}

/**
 * Claims up to `limit` due rows for `owner`: pending rows whose time has
 * come and processing rows whose lease ran out (their drainer died). Rows
 * another transaction is claiming are skipped (SKIP LOCKED), and so is any
 * key another drainer holds a live lease on, so one contact is never sent
 * by two drainers at once. Each claim counts one attempt. Live changes go
 * before a backfill's rows, so a backfill never delays them.
 */
export async function claimSyncJobs(manager: EntityManager, input: ClaimSyncJobsInput): Promise<SyncJobRow[]> {
  const now = input.now ?? new Date()
  const leaseStart = new Date(now.getTime() - (input.leaseMs ?? SYNC_QUEUE_DEFAULTS.leaseMs))
  return rowsOf<SyncJobRow>(
    manager,
    `with due as (
       select j.id from chatwoot_sync_job j
       where j.deleted_at is null
         and ((j.status = 'pending' and j.next_attempt_at <= ?)
           or (j.status = 'processing' and j.locked_at < ?))
         and not exists (
           select 1 from chatwoot_sync_job p
           where p.coalesce_key = j.coalesce_key and p.id <> j.id and p.deleted_at is null
             and p.status = 'processing' and p.locked_at >= ?)
       order by coalesce(jsonb_exists(j.payload, 'backfill_id'), false), j.next_attempt_at, j.created_at
       limit ?
       for update of j skip locked
     )
     update chatwoot_sync_job j
        set status = 'processing', locked_by = ?, locked_at = ?, attempts = j.attempts + 1, updated_at = ?
       from due where j.id = due.id
     returning j.*`,
    [now, leaseStart, leaseStart, input.limit ?? SYNC_QUEUE_DEFAULTS.batchSize, input.owner, now, now]
  )
}

/**
 * Marks a claimed row done. Without the lease (another drainer reclaimed
 * it) nothing changes and false is returned. `anonymize` replaces the
 * subject and payload (an erased customer leaves an anonymous audit row).
 */
export async function completeSyncJob(
  manager: EntityManager,
  id: string,
  owner: string,
  opts: CompleteSyncJobOptions
): Promise<boolean> {
  const now = opts.now ?? new Date()
  const anonymize = Boolean(opts.anonymize)
  const rows = await rowsOf<{ id: string }>(
    manager,
    `update chatwoot_sync_job
        set status = 'done', locked_by = null, locked_at = null, finished_at = ?, updated_at = ?,
            last_error = ?,
            subject = case when ? then 'erased' else subject end,
            coalesce_key = case when ? then 'erased:' || id else coalesce_key end,
            payload = case when ? then null else payload end
      where id = ? and status = 'processing' and locked_by = ? and deleted_at is null
      returning id`,
    [now, now, opts.note ?? null, anonymize, anonymize, anonymize, id, owner]
  )
  return rows.length > 0
}

/** Closes a row (status and error text) and releases its lease. */
async function closeSyncJob(manager: EntityManager, id: string, status: "failed" | "done", message: string, now: Date) {
  await manager.execute(
    `update chatwoot_sync_job set status = ?, locked_by = null, locked_at = null,
        last_error = ?, finished_at = ?, updated_at = ? where id = ?`,
    [status, message, now, now, id]
  )
}

/**
 * Records a failed attempt of a claimed row: back to pending after a
 * jittered exponential back-off, or parked as `failed` once it has had
 * `maxAttempts` attempts or the error is not worth retrying. When a newer
 * change for the same key is already pending it supersedes this one.
 */
export async function failSyncJob(
  manager: EntityManager,
  id: string,
  owner: string,
  error: unknown,
  opts: FailSyncJobOptions
): Promise<FailSyncJobOutcome> {
  const now = opts.now ?? new Date()
  const [row] = await rowsOf<SyncJobRow>(
    manager,
    `select * from chatwoot_sync_job
      where id = ? and status = 'processing' and locked_by = ? and deleted_at is null for update`,
    [id, owner]
  )
  if (!row) {
    return "lost"
  }
  const message = syncErrorText(error)
  const park = opts.retryable === false || row.attempts >= (opts.maxAttempts ?? SYNC_QUEUE_DEFAULTS.maxAttempts)
  if (park) {
    await closeSyncJob(manager, id, "failed", message, now)
    return "failed"
  }
  const [newer] = await rowsOf<{ id: string }>(
    manager,
    `select id from chatwoot_sync_job
      where coalesce_key = ? and status = 'pending' and deleted_at is null and id <> ? for update`,
    [row.coalesce_key, id]
  )
  if (newer) {
    const note = `superseded by ${newer.id} after: ${message}`.slice(0, SYNC_QUEUE_DEFAULTS.maxErrorLength)
    await closeSyncJob(manager, id, "done", note, now)
    return "superseded"
  }
  const delay = syncBackoffMs(row.attempts, { random: opts.random, retryAfterMs: opts.retryAfterMs })
  await manager.execute(
    `update chatwoot_sync_job set status = 'pending', locked_by = null, locked_at = null,
        last_error = ?, next_attempt_at = ?, updated_at = ? where id = ?`,
    [message, new Date(now.getTime() + delay), now, id]
  )
  return "rescheduled"
}

/**
 * Puts a claimed row back without spending an attempt (e.g. an erase whose
 * account is suspended waits for the resume instead of being parked).
 */
export async function deferSyncJob(manager: EntityManager, id: string, owner: string, opts: DeferSyncJobOptions): Promise<boolean> {
  const now = opts.now ?? new Date()
  const rows = await rowsOf<{ id: string }>(
    manager,
    `update chatwoot_sync_job
        set status = 'pending', locked_by = null, locked_at = null, attempts = greatest(attempts - 1, 0),
            next_attempt_at = ?, last_error = ?, updated_at = ?
      where id = ? and status = 'processing' and locked_by = ? and deleted_at is null
      returning id`,
    [new Date(now.getTime() + opts.delayMs), opts.note, now, id, owner]
  )
  return rows.length > 0
}

/**
 * Puts failed rows (all, or those in `ids`) back in the queue with fresh
 * attempts. A failed row whose key already has a pending row is closed as
 * superseded instead: the pending one carries the newer change.
 */
export async function replaySyncJobs(
  manager: EntityManager,
  ids: string[] | undefined,
  now: Date
): Promise<{ replayed: string[]; superseded: string[] }> {
  const failed = await rowsOf<{ id: string; coalesce_key: string }>(
    manager,
    `select id, coalesce_key from chatwoot_sync_job
      where status = 'failed' and deleted_at is null ${ids ? `and id in (${placeholders(ids)})` : ""}
      order by created_at for update`,
    ids ?? []
  )
  const replayed: string[] = []
  const superseded: string[] = []
  for (const row of failed) {
    const [pending] = await rowsOf<{ id: string }>(
      manager,
      `select id from chatwoot_sync_job where coalesce_key = ? and status = 'pending' and deleted_at is null`,
      [row.coalesce_key]
    )
    if (pending) {
      await manager.execute(
        `update chatwoot_sync_job set status = 'done', finished_at = ?, updated_at = ?,
            last_error = ? where id = ?`,
        [now, now, `superseded by ${pending.id} on replay`, row.id]
      )
      superseded.push(row.id)
    } else {
      await manager.execute(
        `update chatwoot_sync_job set status = 'pending', attempts = 0, next_attempt_at = ?,
            finished_at = null, updated_at = ? where id = ?`,
        [now, now, row.id]
      )
      replayed.push(row.id)
    }
  }
  return { replayed, superseded }
}

/**
 * Deletes the rows about a subject that no drainer holds (pending, failed
 * and done), e.g. everything about a customer being erased.
 */
export async function purgeSyncJobsAbout(manager: EntityManager, filter: SyncJobPurgeFilter): Promise<number> {
  const params: unknown[] = [filter.subject]
  let where = "subject = ? and status <> 'processing'"
  if (filter.except_id) {
    where += " and id <> ?"
    params.push(filter.except_id)
  }
  if (filter.account_id) {
    where += " and account_id = ?"
    params.push(filter.account_id)
  }
  if (filter.kinds?.length) {
    where += ` and kind in (${placeholders(filter.kinds)})`
    params.push(...filter.kinds)
  }
  const rows = await rowsOf<{ id: string }>(manager, `delete from chatwoot_sync_job where ${where} returning id`, params)
  return rows.length
}

/** Removes done rows finished before `before` (failed rows stay until replayed). */
export async function purgeFinishedSyncJobs(manager: EntityManager, before: Date): Promise<number> {
  const rows = await rowsOf<{ id: string }>(
    manager,
    `delete from chatwoot_sync_job where status = 'done' and finished_at < ? returning id`,
    [before]
  )
  return rows.length
}

/** When the next pending row falls due (null: nothing pending). */
export async function nextSyncJobDueAt(manager: EntityManager): Promise<Date | null> {
  const rows = await rowsOf<{ due: Date | string | null }>(
    manager,
    `select min(next_attempt_at) as due from chatwoot_sync_job where status = 'pending' and deleted_at is null`
  )
  return rows[0]?.due ? new Date(rows[0].due) : null
}
