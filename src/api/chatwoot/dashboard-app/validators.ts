import { z } from "@medusajs/framework/zod"

const chatwootId = z.coerce.number().int().positive().max(2_147_483_647)

/** Query of the app's read routes: the Chatwoot ids from appContext (checked against the account) and a page. */
export const DashboardAppContextQuery = z
  .object({
    contact_id: chatwootId,
    conversation_id: chatwootId,
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .strict()
export type DashboardAppContextQueryType = z.infer<typeof DashboardAppContextQuery>

/** Body of an order action: explicit confirmation and the agent (from appContext, unverified, for the audit note). */
export const DashboardAppOrderAction = z
  .object({
    contact_id: chatwootId,
    conversation_id: chatwootId,
    confirm: z.literal(true, { error: "Order actions need confirm: true" }),
    agent: z
      .object({
        id: z.number().int().nullable().optional(),
        name: z.string().trim().max(200).default(""),
        email: z.string().trim().max(320).default(""),
      })
      .nullable()
      .optional(),
    /** Return request only: the items and quantities (default: everything fulfilled and not yet returned). */
    items: z
      .array(z.object({ id: z.string().min(1), quantity: z.number().int().positive() }).strict())
      .min(1)
      .max(100)
      .optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .strict()
export type DashboardAppOrderActionType = z.infer<typeof DashboardAppOrderAction>
