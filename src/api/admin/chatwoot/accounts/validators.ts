import { z } from "@medusajs/framework/zod"
import { WIDGET_SETTING_KEYS } from "../../../../modules/chatwoot/widget-settings"

export const AdminListChatwootAccounts = z.object({
  fields: z.string().optional(),
  order: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  offset: z.coerce.number().int().min(0).optional(),
  status: z.enum(["provisioning", "active", "suspended", "failed"]).optional(),
  sales_channel_id: z.string().min(1).optional(),
})
export type AdminListChatwootAccountsType = z.infer<typeof AdminListChatwootAccounts>

export const AdminGetChatwootAccount = z.object({ fields: z.string().optional() })

const salesChannelId = z.string().trim().min(1, "sales_channel_id is required")

/** POST /admin/chatwoot/accounts: provision a new account, link an existing one, or attach to one. */
export const AdminCreateChatwootAccount = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("provision"), sales_channel_id: salesChannelId }).strict(),
  z
    .object({
      mode: z.literal("link"),
      sales_channel_id: salesChannelId,
      chatwoot_account_id: z.coerce.number().int().positive(),
      api_access_token: z.string().trim().min(8, "api_access_token looks too short").max(512),
    })
    .strict(),
  z.object({ mode: z.literal("attach"), sales_channel_id: salesChannelId, account_id: z.string().min(1) }).strict(),
])
export type AdminCreateChatwootAccountType = z.infer<typeof AdminCreateChatwootAccount>

/** POST /admin/chatwoot/accounts/:id */
export const AdminUpdateChatwootAccount = z
  .object({
    /** null: follow the store and sales channel names again */
    name: z.string().trim().min(1).max(100).nullable().optional(),
    /** null: follow the store's locale again */
    locale: z
      .string()
      .regex(/^[a-z]{2}(_[A-Z]{2})?$/, "must be a Chatwoot locale like en, de or pt_BR")
      .nullable()
      .optional(),
  })
  .strict()
export type AdminUpdateChatwootAccountType = z.infer<typeof AdminUpdateChatwootAccount>

export const AdminDeleteChatwootAccount = z.object({
  confirm: z.literal("true", { error: "Deleting an account needs confirm=true" }),
})

/** POST /admin/chatwoot/storefronts/:sales_channel_id — the settings that change; values are checked by the workflow. */
export const AdminUpdateStorefrontSettings = z
  .object(Object.fromEntries(WIDGET_SETTING_KEYS.map((key) => [key, z.unknown().optional()])))
  .strict()

/** POST /admin/chatwoot/accounts/:id/email-inbox — IMAP/SMTP secrets go to Chatwoot only. */
export const AdminEnsureEmailInbox = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    email: z.string().trim().email(),
    imap_enabled: z.boolean().optional(),
    imap_address: z.string().trim().min(1).optional(),
    imap_port: z.number().int().min(1).max(65535).optional(),
    imap_login: z.string().min(1).optional(),
    imap_password: z.string().min(1).optional(),
    imap_enable_ssl: z.boolean().optional(),
    smtp_enabled: z.boolean().optional(),
    smtp_address: z.string().trim().min(1).optional(),
    smtp_port: z.number().int().min(1).max(65535).optional(),
    smtp_login: z.string().min(1).optional(),
    smtp_password: z.string().min(1).optional(),
    smtp_domain: z.string().trim().min(1).optional(),
    smtp_enable_starttls_auto: z.boolean().optional(),
    smtp_enable_ssl_tls: z.boolean().optional(),
  })
  .strict()
export type AdminEnsureEmailInboxType = z.infer<typeof AdminEnsureEmailInbox>

/** POST /admin/chatwoot/agents */
export const AdminAddChatwootAgents = z
  .object({
    account_ids: z.array(z.string().min(1)).min(1, "account_ids needs at least one account").max(50),
    name: z.string().trim().min(1).max(255),
    email: z.string().trim().email(),
    role: z.enum(["agent", "administrator"]).default("agent"),
  })
  .strict()
export type AdminAddChatwootAgentsType = z.infer<typeof AdminAddChatwootAgents>
