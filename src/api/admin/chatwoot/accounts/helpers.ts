import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ADMIN_ACCOUNT_FIELDS } from "./query-config"

/** An account as admins see it (no secret, even encrypted). */
export async function refetchAccount(container: MedusaContainer, id: string, fields: string[] = ADMIN_ACCOUNT_FIELDS) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "chatwoot_account", fields, filters: { id } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Chatwoot account ${id} was not found`)
  }
  return data[0]
}

/**
 * A health summary per account, computed from columns admins cannot select
 * (only whether a secret exists, never the secret).
 */
export async function withHealth<T extends { id?: string }>(container: MedusaContainer, accounts: T[]) {
  const ids = accounts.map((a) => a.id).filter(Boolean) as string[]
  if (!ids.length) return accounts
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "chatwoot_account",
    fields: [
      "id",
      "status",
      "last_error",
      "last_success_at",
      "webhook_id",
      "webhook_secret_encrypted",
      "dashboard_app_id",
      "access_token_encrypted",
      "storefronts.enabled",
      "storefronts.sales_channel_id",
      "storefronts.widget_settings",
      "inboxes.kind",
      "inboxes.sales_channel_id",
      "inboxes.chatwoot_inbox_id",
    ],
    filters: { id: ids },
  })
  const byId = new Map(data.map((row) => [row.id as string, row]))
  return accounts.map((account) => {
    const row = byId.get(account.id!)
    if (!row) return account
    const storefronts = (row.storefronts ?? []) as { enabled: boolean; sales_channel_id: string; widget_settings: { hmac_mandatory?: boolean } | null }[]
    const inboxes = (row.inboxes ?? []) as { kind: string; sales_channel_id: string | null; chatwoot_inbox_id: number | null }[]
    const health = {
      ok: row.status === "active" && Boolean(row.webhook_id) && Boolean(row.webhook_secret_encrypted),
      credentials: Boolean(row.access_token_encrypted),
      webhook: row.webhook_id ? (row.webhook_secret_encrypted ? "signed" : "unsigned") : "missing",
      dashboard_app: Boolean(row.dashboard_app_id),
      storefronts: storefronts.map((s) => ({
        sales_channel_id: s.sales_channel_id,
        enabled: s.enabled,
        website_inbox: inboxes.some((i) => i.kind === "website" && i.sales_channel_id === s.sales_channel_id && i.chatwoot_inbox_id),
        hmac_enforced: s.widget_settings?.hmac_mandatory ?? true,
      })),
      api_inbox: inboxes.some((i) => i.kind === "api" && i.chatwoot_inbox_id),
      last_success_at: row.last_success_at,
      last_error: row.last_error,
    }
    return { ...account, health }
  })
}
