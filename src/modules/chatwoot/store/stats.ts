import type { SyncJobRow } from "../sync-queue"
import { rowsOf, type EntityManager } from "./manager"

/* Health figures of the sync queue and of the webhook deliveries, read by the admin health page. */

export type SyncQueueStatsFilter = { account_id?: string; failed_limit?: number; now?: Date }
export type SyncJobStatusCounts = Record<"pending" | "processing" | "done" | "failed", number>
export type FailedSyncJob = Pick<
  SyncJobRow,
  "id" | "account_id" | "kind" | "subject" | "attempts" | "last_error" | "created_at" | "updated_at"
>

/** Rows per status, the oldest pending change (sync lag) and the failed rows with their errors. */
export async function syncQueueStats(manager: EntityManager, filter: SyncQueueStatsFilter) {
  const now = filter.now ?? new Date()
  const scope = filter.account_id ? "and account_id = ?" : ""
  const params = filter.account_id ? [filter.account_id] : []
  const counts = await rowsOf<{ status: string; count: number; oldest: Date }>(
    manager,
    `select status, count(*)::int as count, min(created_at) as oldest
       from chatwoot_sync_job where deleted_at is null ${scope} group by status`,
    params
  )
  const byStatus: SyncJobStatusCounts = { pending: 0, processing: 0, done: 0, failed: 0 }
  let oldest = null as Date | null
  for (const row of counts) {
    byStatus[row.status as keyof SyncJobStatusCounts] = row.count
    if ((row.status === "pending" || row.status === "processing") && row.oldest) {
      const at = new Date(row.oldest)
      oldest = !oldest || at < oldest ? at : oldest
    }
  }
  const failed = await rowsOf<FailedSyncJob>(
    manager,
    `select id, account_id, kind, subject, attempts, last_error, created_at, updated_at
       from chatwoot_sync_job where status = 'failed' and deleted_at is null ${scope}
      order by updated_at desc limit ?`,
    [...params, filter.failed_limit ?? 50]
  )
  return {
    counts: byStatus,
    oldest_pending_at: oldest,
    lag_seconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : 0,
    failed,
  }
}

export type WebhookDeliveryStatsFilter = { account_id: string | null; since: Date }

/**
 * Webhook health of an account since a moment: deliveries per outcome,
 * refusals per reason, processing failures and the last accepted delivery.
 * Unknown-account refusals have no account (`account_id: null`).
 */
export async function webhookDeliveryStats(manager: EntityManager, filter: WebhookDeliveryStatsFilter) {
  const scope = filter.account_id === null ? "account_id is null" : "account_id = ?"
  const params = filter.account_id === null ? [filter.since] : [filter.account_id, filter.since]
  const rows = await rowsOf<{ outcome: string; reason: string | null; failed: boolean; count: number; last_at: Date }>(
    manager,
    `select outcome, reason, (error is not null) as failed, sum(hits)::int as count, max(created_at) as last_at
       from chatwoot_webhook_delivery where ${scope} and created_at >= ? and deleted_at is null
      group by outcome, reason, (error is not null)`,
    params
  )
  const stats = {
    accepted: 0,
    duplicate: 0,
    rejected: 0,
    processing_failed: 0,
    rejected_by_reason: {} as Record<string, number>,
    last_accepted_at: null as Date | null,
  }
  for (const row of rows) {
    if (row.outcome === "accepted") {
      stats.accepted += row.count
      if (row.failed) stats.processing_failed += row.count
      const at = new Date(row.last_at)
      if (!stats.last_accepted_at || at > stats.last_accepted_at) stats.last_accepted_at = at
    } else if (row.outcome === "duplicate") stats.duplicate += row.count
    else {
      stats.rejected += row.count
      const reason = row.reason ?? "unknown"
      stats.rejected_by_reason[reason] = (stats.rejected_by_reason[reason] ?? 0) + row.count
    }
  }
  return stats
}
