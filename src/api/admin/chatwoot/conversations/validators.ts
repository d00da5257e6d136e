import { z } from "@medusajs/framework/zod"
import { CONVERSATION_STATUSES } from "../../../../modules/chatwoot/models/chatwoot-conversation"

/** GET /admin/chatwoot/conversations — the unified inbox across storefronts. */
export const AdminListChatwootConversations = z
  .object({
    status: z.enum([...CONVERSATION_STATUSES, "all"]).default("open"),
    sales_channel_id: z.string().min(1).optional(),
    tier: z.string().trim().min(1).max(60).optional(),
    customer_id: z.string().min(1).optional(),
    order_id: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListChatwootConversationsType = z.infer<typeof AdminListChatwootConversations>
