import { z } from "@medusajs/framework/zod"

export const AdminGetChatwootSync = z.object({
  account_id: z.string().min(1).optional(),
  failed_limit: z.coerce.number().int().min(1).max(500).optional(),
})
export type AdminGetChatwootSyncType = z.infer<typeof AdminGetChatwootSync>

export const AdminReplayChatwootSync = z
  .object({ ids: z.array(z.string().min(1)).min(1).max(1000).optional() })
  .strict()
export type AdminReplayChatwootSyncType = z.infer<typeof AdminReplayChatwootSync>

export const AdminPostChatwootBackfill = z
  .object({ sales_channel_id: z.string().min(1).max(100).optional() })
  .strict()
export type AdminPostChatwootBackfillType = z.infer<typeof AdminPostChatwootBackfill>

export const AdminGetChatwootBackfills = z.object({
  limit: z.coerce.number().int().min(1).max(50).optional(),
})
export type AdminGetChatwootBackfillsType = z.infer<typeof AdminGetChatwootBackfills>
