import { model } from "@medusajs/framework/utils"
import ChatwootAccount from "./chatwoot-account"

/**
 * A Chatwoot inbox of a managed account. Website inboxes belong to one
 * storefront (sales channel); the API inbox serves the contact-form fallback.
 */
const ChatwootInbox = model
  .define("chatwoot_inbox", {
    id: model.id({ prefix: "cwinb" }).primaryKey(),
    kind: model.enum(["website", "api", "email"]),
    sales_channel_id: model.text().nullable(),
    chatwoot_inbox_id: model.number().nullable(),
    /** Public token of a website inbox (it is sent to browsers). */
    website_token: model.text().nullable(),
    /** Encrypted HMAC token used to sign customer identities. */
    hmac_token_encrypted: model.text().nullable(),
    /** Public identifier of an API inbox (Client API). */
    inbox_identifier: model.text().nullable(),
    account: model.belongsTo(() => ChatwootAccount, { mappedBy: "inboxes" }),
  })
  .indexes([
    { on: ["account_id", "kind", "sales_channel_id"] },
    {
      on: ["chatwoot_inbox_id"],
      where: "chatwoot_inbox_id IS NOT NULL AND deleted_at IS NULL",
    },
  ])

export default ChatwootInbox
