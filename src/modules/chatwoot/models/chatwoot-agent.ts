import { model } from "@medusajs/framework/utils"
import ChatwootAccount from "./chatwoot-account"

/**
 * A Chatwoot user the plugin added to an account as agent or administrator.
 * `medusa_user_id` ties it to a Medusa admin user for "Open in Chatwoot" (SSO).
 */
const ChatwootAgent = model
  .define("chatwoot_agent", {
    id: model.id({ prefix: "cwagt" }).primaryKey(),
    chatwoot_user_id: model.number(),
    email: model.text(),
    name: model.text(),
    role: model.enum(["agent", "administrator"]).default("agent"),
    medusa_user_id: model.text().nullable(),
    account: model.belongsTo(() => ChatwootAccount, { mappedBy: "agents" }),
  })
  .indexes([
    { on: ["account_id", "chatwoot_user_id"], unique: true },
    { on: ["medusa_user_id"], where: "medusa_user_id IS NOT NULL AND deleted_at IS NULL" },
  ])

export default ChatwootAgent
