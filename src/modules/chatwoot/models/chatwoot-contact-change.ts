import { model } from "@medusajs/framework/utils"

export const CONTACT_CHANGE_STATUSES = ["pending", "dismissed"] as const

/**
 * A change an agent made to a contact in Chatwoot (`contact_updated`) that
 * differs from the Medusa customer, kept for the admin to review: the plugin
 * never writes Chatwoot's data over Medusa's. One pending row per contact;
 * a later change of the same contact updates it.
 */
const ChatwootContactChange = model
  .define("chatwoot_contact_change", {
    id: model.id({ prefix: "cwchg" }).primaryKey(),
    /** chatwoot_account row id */
    account_id: model.text(),
    /** Medusa customer id (the contact's identifier). */
    customer_id: model.text(),
    chatwoot_contact_id: model.number(),
    /** `{ field: { chatwoot, medusa } }` for name, email, phone_number. */
    changes: model.json(),
    status: model.enum([...CONTACT_CHANGE_STATUSES]).default("pending"),
    dismissed_at: model.dateTime().nullable(),
    dismissed_by: model.text().nullable(),
  })
  .indexes([
    {
      on: ["account_id", "chatwoot_contact_id"],
      unique: true,
      where: "status = 'pending' AND deleted_at IS NULL",
    },
    { on: ["customer_id"] },
    { on: ["status", "created_at"] },
  ])

export default ChatwootContactChange
