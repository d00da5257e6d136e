import { z } from "@medusajs/framework/zod"

export const AdminListChatwootAccounts = z
  .object({
    fields: z.string().optional(),
    order: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
    offset: z.coerce.number().int().min(0).optional(),
    status: z.enum(["provisioning", "active", "suspended", "failed"]).optional(),
    sales_channel_id: z.string().min(1).optional(),
  })
  .strict()

export type AdminListChatwootAccountsType = z.infer<typeof AdminListChatwootAccounts>
