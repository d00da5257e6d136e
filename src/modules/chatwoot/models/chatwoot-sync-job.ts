import { model } from "@medusajs/framework/utils"

/** Kinds of change the sync queue carries to Chatwoot. */
export const SYNC_JOB_KINDS = ["contact_upsert", "contact_erase", "contact_merge", "private_note", "contact_message"] as const
export type SyncJobKind = (typeof SYNC_JOB_KINDS)[number]

export const SYNC_JOB_STATUSES = ["pending", "processing", "done", "failed"] as const
export type SyncJobStatus = (typeof SYNC_JOB_STATUSES)[number]

/**
 * One change bound for a Chatwoot account: the durable sync queue.
 *
 * Rows are coalesced while pending: `coalesce_key` (account, kind, subject) is
 * unique among pending rows, so ten changes of one customer in a second make
 * one row and one call. A row being processed does not block a new pending
 * row for the same key (the change that arrived meanwhile), but a drainer
 * never claims a key another drainer holds a live lease on.
 */
const ChatwootSyncJob = model
  .define("chatwoot_sync_job", {
    id: model.id({ prefix: "cwsync" }).primaryKey(),
    /** chatwoot_account row id */
    account_id: model.text(),
    kind: model.enum([...SYNC_JOB_KINDS]),
    /** What the change is about, e.g. the Medusa customer id. */
    subject: model.text(),
    coalesce_key: model.text(),
    payload: model.json().nullable(),
    status: model.enum([...SYNC_JOB_STATUSES]).default("pending"),
    /** Attempts started (a claim counts one). */
    attempts: model.number().default(0),
    next_attempt_at: model.dateTime(),
    /** Last failure, without secrets (Chatwoot errors carry none). */
    last_error: model.text().nullable(),
    /** Drainer holding the lease, and when it took it. */
    locked_by: model.text().nullable(),
    locked_at: model.dateTime().nullable(),
    /** Changes folded into this row while it was pending. */
    coalesced_count: model.number().default(0),
    finished_at: model.dateTime().nullable(),
  })
  .indexes([
    {
      name: "IDX_chatwoot_sync_job_pending_coalesce_key",
      on: ["coalesce_key"],
      unique: true,
      where: "status = 'pending' AND deleted_at IS NULL",
    },
    { on: ["status", "next_attempt_at"] },
    { on: ["account_id", "status"] },
    { on: ["subject"] },
  ])

export default ChatwootSyncJob
