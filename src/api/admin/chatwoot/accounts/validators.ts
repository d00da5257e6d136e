import { z } from "@medusajs/framework/zod"

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
