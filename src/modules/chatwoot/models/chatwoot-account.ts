import { model } from "@medusajs/framework/utils"
import ChatwootAgent from "./chatwoot-agent"
import ChatwootInbox from "./chatwoot-inbox"
import ChatwootStorefront from "./chatwoot-storefront"

/**
 * A Chatwoot account the plugin manages: created through the Platform API
 * (`mode: provisioned`) or linked with an administrator's token
 * (`mode: linked`). Secrets are stored encrypted with `encryption_key`.
 */
const ChatwootAccount = model
  .define("chatwoot_account", {
    id: model.id({ prefix: "cwacc" }).primaryKey(),
    name: model.text(),
    /** A name the admin chose; null = derived from the store and sales channel names. */
    custom_name: model.text().nullable(),
    mode: model.enum(["provisioned", "linked"]).default("provisioned"),
    status: model
      .enum(["provisioning", "active", "suspended", "failed"])
      .default("provisioning"),
    /** Id of the account in Chatwoot; null until Chatwoot created it. */
    chatwoot_account_id: model.number().nullable(),
    locale: model.text().nullable(),
    /** A locale the admin chose; null = the store's default locale. */
    custom_locale: model.text().nullable(),
    /** True when the plugin created the account in Chatwoot (only then may it delete it). */
    created_by_plugin: model.boolean().default(false),
    /** Encrypted api_access_token of the plugin's administrator in this account. */
    access_token_encrypted: model.text().nullable(),
    /** Chatwoot user id of the plugin's administrator (provisioned mode). */
    admin_user_id: model.number().nullable(),
    webhook_id: model.number().nullable(),
    webhook_secret_encrypted: model.text().nullable(),
    dashboard_app_id: model.number().nullable(),
    dashboard_app_secret_encrypted: model.text().nullable(),
    /** SHA-256 of the dashboard-app secret, to find the account from a request. */
    dashboard_app_secret_hash: model.text().nullable(),
    settings: model.json().nullable(),
    last_error: model.text().nullable(),
    last_success_at: model.dateTime().nullable(),
    storefronts: model.hasMany(() => ChatwootStorefront, { mappedBy: "account" }),
    inboxes: model.hasMany(() => ChatwootInbox, { mappedBy: "account" }),
    agents: model.hasMany(() => ChatwootAgent, { mappedBy: "account" }),
  })
  .indexes([
    {
      on: ["chatwoot_account_id"],
      unique: true,
      where: "chatwoot_account_id IS NOT NULL AND deleted_at IS NULL",
    },
    {
      on: ["dashboard_app_secret_hash"],
      unique: true,
      where: "dashboard_app_secret_hash IS NOT NULL AND deleted_at IS NULL",
    },
  ])
  .cascades({ delete: ["storefronts", "inboxes", "agents"] })

export default ChatwootAccount
