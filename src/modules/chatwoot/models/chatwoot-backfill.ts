import { model } from "@medusajs/framework/utils"

export const BACKFILL_STATUSES = ["running", "done", "canceled"] as const
export type BackfillStatus = (typeof BACKFILL_STATUSES)[number]

/**
 * An admin-triggered backfill of every customer into Chatwoot:
 * a cursor over customers in id order, advanced a page at a time as their
 * contact_upsert rows are queued. The cursor lives here, so a backfill
 * interrupted by a restart goes on where it stopped (the drain picks it up).
 */
const ChatwootBackfill = model.define("chatwoot_backfill", {
  id: model.id({ prefix: "cwbf" }).primaryKey(),
  /** Only this storefront (every customer goes into its account); null: all storefronts. */
  sales_channel_id: model.text().nullable(),
  account_id: model.text().nullable(),
  status: model.enum([...BACKFILL_STATUSES]).default("running"),
  /** Last customer id queued (customers are walked in id order). */
  cursor: model.text().nullable(),
  /** Customers when it started (grows if more are created meanwhile). */
  total: model.number().default(0),
  /** Customers walked past the cursor so far. */
  scanned: model.number().default(0),
  /** Queue rows written. */
  queued: model.number().default(0),
  started_at: model.dateTime(),
  /** Set when the walk reached the last customer; done once its rows are drained. */
  scan_completed_at: model.dateTime().nullable(),
  finished_at: model.dateTime().nullable(),
})

export default ChatwootBackfill
