import { model } from "@medusajs/framework/utils"
import ChatwootAccount from "./chatwoot-account"

/**
 * A storefront (Medusa sales channel) served by a Chatwoot account. Each
 * sales channel has at most one; several may share an account.
 */
const ChatwootStorefront = model
  .define("chatwoot_storefront", {
    id: model.id({ prefix: "cwsf" }).primaryKey(),
    sales_channel_id: model.text(),
    enabled: model.boolean().default(true),
    /** Widget settings shown to the storefront (position, colour, texts…). */
    widget_settings: model.json().nullable(),
    /** Routing rules applied to new conversations (priority by tier, teams, labels); see routing-rules.ts. */
    routing_rules: model.json().nullable(),
    account: model.belongsTo(() => ChatwootAccount, { mappedBy: "storefronts" }),
  })
  .indexes([{ on: ["sales_channel_id"], unique: true }])

export default ChatwootStorefront
