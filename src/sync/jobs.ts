import type { SyncJobKind } from "../modules/chatwoot/models/chatwoot-sync-job"
import type { SyncJobRow } from "../modules/chatwoot/sync-queue"
import type { ContactMessageInput } from "./handlers/contact-message"
import type { ContactInterest } from "./interest"

/** The order changes a `private_note` row may carry (none: a placed order). */
export type OrderChange = "fulfilled" | "shipped" | "canceled" | "refunded"

/** contact_upsert / contact_merge: the customer whose contact changes is the row's subject. */
export type ContactUpsertPayload = {
  /** Sales channel of the interaction that queued the change. */
  sales_channel_id?: string
  /** Recent storefront interest (summarizeInterest). */
  interest?: ContactInterest
  /** Guest customers whose contacts this customer's contact absorbs (a merge folded into the upsert). */
  guest_customer_ids?: string[]
}

/** contact_erase (GDPR): the erased subjects, and the erasure whose audit entry counts what went. */
export type ContactErasePayload = {
  erasure_id?: string
  customer_ids?: string[]
  emails?: string[]
  /** Contacts of mirrored conversations about the subjects, recorded by the erasure plan. */
  chatwoot_contact_ids?: number[]
}

/** private_note: a placed order, or with `change` and `ref` (fulfillment or refund id) an order change. */
export type PrivateNotePayload = {
  order_id?: string
  change?: OrderChange
  ref?: string
}

/** The payload of each sync-job kind: the one place a row's `payload` is typed. */
export type SyncJobPayloads = {
  contact_upsert: ContactUpsertPayload
  contact_merge: ContactUpsertPayload
  contact_erase: ContactErasePayload
  private_note: PrivateNotePayload
  contact_message: ContactMessageInput
}

/** A queue row with its payload typed by its kind (a discriminated union on `kind`). */
export type SyncJob<K extends SyncJobKind = SyncJobKind> = {
  [P in K]: Omit<SyncJobRow, "kind" | "payload"> & { kind: P; payload: SyncJobPayloads[P] }
}[K]

/**
 * A claimed row as a typed job. The payload was written by the enqueuers of
 * its kind (the types above); a missing payload reads as an empty one, and
 * each handler checks the fields it needs (a contact_message its e-mail and text).
 */
export function syncJobOf(row: SyncJobRow): SyncJob {
  return { ...row, payload: row.payload ?? {} } as SyncJob
}
