import { z } from "@medusajs/framework/zod"

/** GET /admin/chatwoot/contact-changes */
export const AdminListChatwootContactChanges = z
  .object({
    status: z.enum(["pending", "dismissed"]).optional(),
    account_id: z.string().optional(),
    customer_id: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListChatwootContactChangesType = z.infer<typeof AdminListChatwootContactChanges>

/** POST /admin/chatwoot/contact-changes/:id/dismiss */
export const AdminDismissChatwootContactChange = z.object({}).strict()

/**
 * POST /admin/chatwoot/accounts/:id/webhook-auth — `url_token` for a
 * Chatwoot older than 4.12 (no signed webhooks): a secret token in the
 * webhook URL instead of the signature. Off by default.
 */
export const AdminUpdateWebhookAuth = z.object({ mode: z.enum(["signature", "url_token"]) }).strict()
export type AdminUpdateWebhookAuthType = z.infer<typeof AdminUpdateWebhookAuth>
