import type { MedusaContainer } from "@medusajs/framework/types"
import type { SyncJobRow } from "../../modules/chatwoot/sync-queue"
import { syncJobOf } from "../jobs"
import { contactErase } from "./contact-erase"
import { contactMerge } from "./contact-merge"
import { contactMessageHandler } from "./contact-message"
import { privateNote } from "./order-note"
import { SYNC_JOB_KINDS } from "../../modules/chatwoot/models/chatwoot-sync-job"
import type { SyncHandlerResult } from "./shared"

export { contactUpsert } from "./contact-upsert"
export { contactMerge } from "./contact-merge"
export { contactErase, ERASE_SUSPENDED_RETRY_MS } from "./contact-erase"
export { privateNote } from "./order-note"
export { SyncNotReadyError, type SyncHandler, type SyncHandlerResult } from "./shared"

/**
 * Runs a claimed row by its kind. An upsert row may carry guests to merge (a
 * merge folded into it), so both kinds run contactMerge. Check
 * hasSyncHandler first: another kind throws.
 */
export async function runSyncJob(container: MedusaContainer, row: SyncJobRow): Promise<SyncHandlerResult> {
  const job = syncJobOf(row)
  switch (job.kind) {
    case "contact_upsert":
    case "contact_merge":
      return contactMerge(container, job)
    case "contact_erase":
      return contactErase(container, job)
    case "contact_message":
      return contactMessageHandler(container, job)
    case "private_note":
      return privateNote(container, job)
    default:
      throw new Error(`no handler for sync kind ${(job as SyncJobRow).kind} yet`)
  }
}

/** Does a handler run this kind? (A row of another kind is parked, not retried.) */
export const hasSyncHandler = (kind: string) => (SYNC_JOB_KINDS as readonly string[]).includes(kind)
