/**
 * Fields an admin may read. Encrypted tokens and secrets are never listed:
 * no route returns them, even encrypted.
 */
export const ADMIN_ACCOUNT_FIELDS = [
  "id",
  "name",
  "custom_name",
  "custom_locale",
  "created_by_plugin",
  "mode",
  "status",
  "chatwoot_account_id",
  "locale",
  "webhook_id",
  "dashboard_app_id",
  "settings",
  "last_error",
  "last_success_at",
  "created_at",
  "updated_at",
  "storefronts.id",
  "storefronts.sales_channel_id",
  "storefronts.enabled",
  "storefronts.widget_settings",
  "storefronts.sales_channel.id",
  "storefronts.sales_channel.name",
  "inboxes.id",
  "inboxes.kind",
  "inboxes.sales_channel_id",
  "inboxes.chatwoot_inbox_id",
  "inboxes.website_token",
  "inboxes.inbox_identifier",
  "agents.id",
  "agents.chatwoot_user_id",
  "agents.email",
  "agents.name",
  "agents.role",
  "agents.medusa_user_id",
]

export const listAccountsQueryConfig = {
  defaults: ADMIN_ACCOUNT_FIELDS,
  allowed: ADMIN_ACCOUNT_FIELDS,
  isList: true,
  defaultLimit: 20,
}

export const retrieveAccountQueryConfig = {
  defaults: ADMIN_ACCOUNT_FIELDS,
  allowed: ADMIN_ACCOUNT_FIELDS,
  isList: false,
}
