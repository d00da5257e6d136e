import type { EnqueueSyncJobInput } from "../sync-queue"
import { rowsOf, type EntityManager } from "./manager"
import { enqueueSyncJobs } from "./sync-queue"

/* A backfill is a persisted cursor over customers, advanced a page at a time together with the queue rows of that page. */

export type AdvanceBackfillInput = {
  id: string
  from: string | null
  to: string
  scanned: number
  jobs: EnqueueSyncJobInput[]
  now?: Date
}

/**
 * Moves a running backfill's cursor from `from` to `to` and queues the
 * page's rows; run it in one transaction. Optimistic: when another process
 * moved the cursor first (or the backfill stopped), nothing happens and
 * false is returned, so two drainers never queue a page twice.
 */
export async function advanceBackfill(manager: EntityManager, input: AdvanceBackfillInput): Promise<boolean> {
  const now = input.now ?? new Date()
  const moved = await rowsOf<{ id: string }>(
    manager,
    `update chatwoot_backfill
        set cursor = ?, scanned = scanned + ?, queued = queued + ?, total = greatest(total, scanned + ?), updated_at = ?
      where id = ? and status = 'running' and cursor is not distinct from ? and deleted_at is null
      returning id`,
    [input.to, input.scanned, input.jobs.length, input.scanned, now, input.id, input.from]
  )
  if (!moved.length) return false
  if (input.jobs.length) {
    await enqueueSyncJobs(
      manager,
      input.jobs.map((job) => ({ ...job, payload: { ...(job.payload ?? {}), backfill_id: input.id } })),
      now
    )
  }
  return true
}

/** Customers of a backfill whose rows are still queued or being sent. */
export async function backfillOpenSubjects(manager: EntityManager, backfillId: string): Promise<number> {
  const rows = await rowsOf<{ open: number | string | null }>(
    manager,
    `select count(distinct subject)::int as open from chatwoot_sync_job
      where status in ('pending', 'processing') and deleted_at is null and payload->>'backfill_id' = ?`,
    [backfillId]
  )
  return Number(rows[0]?.open ?? 0)
}
