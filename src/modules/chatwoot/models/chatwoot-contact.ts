import { model } from "@medusajs/framework/utils"

/**
 * A Medusa customer's contact in one Chatwoot account, with the hash of the
 * last data sent so an unchanged customer costs no call.
 */
const ChatwootContact = model
  .define("chatwoot_contact", {
    id: model.id({ prefix: "cwct" }).primaryKey(),
    /** chatwoot_account row id */
    account_id: model.text(),
    /** Medusa customer id (the contact's identifier); null for a contact known only by e-mail. */
    customer_id: model.text().nullable(),
    email: model.text().nullable(),
    chatwoot_contact_id: model.number().nullable(),
    /** SHA-256 of the last fields sent (identifier, name, e-mail, phone, custom attributes). */
    attributes_hash: model.text().nullable(),
    last_synced_at: model.dateTime().nullable(),
    /** When reconciliation last saw the contact still exist in Chatwoot. */
    verified_at: model.dateTime().nullable(),
  })
  .indexes([
    {
      on: ["account_id", "customer_id"],
      unique: true,
      where: "customer_id IS NOT NULL AND deleted_at IS NULL",
    },
    { on: ["customer_id"] },
    // guest contacts with a customer's e-mail (merge on login)
    { on: ["account_id", "email"], where: "email IS NOT NULL AND deleted_at IS NULL" },
  ])

export default ChatwootContact
