import { model } from "@medusajs/framework/utils"

/**
 * A GDPR erase: the tombstone the contact create paths check (an
 * erase wins over a change queued before it) and the anonymous audit entry
 * that is all the plugin keeps. Holds no e-mail, name or text: the subject
 * and e-mails only as keyed hashes (HMAC-SHA256 with a key derived from
 * `encryption_key`), the accounts reached and what was removed.
 */
const ChatwootErasure = model
  .define("chatwoot_erasure", {
    id: model.id({ prefix: "cwers" }).primaryKey(),
    /** Keyed hashes of the erased customer ids (the customer and their guest records). */
    subject_hashes: model.json(),
    /** Keyed hashes of every e-mail erased (lower-cased). */
    email_hashes: model.json(),
    /** When the erase was requested: changes queued before it never re-create a contact. */
    erased_at: model.dateTime(),
    /** chatwoot_account row ids the erase runs in. */
    account_ids: model.json(),
    /** Counts of what was removed, e.g. `{ contacts_deleted, conversations, sync_jobs }`. */
    counts: model.json().nullable(),
    /** When the last account finished. */
    completed_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["erased_at"] }])

export default ChatwootErasure
