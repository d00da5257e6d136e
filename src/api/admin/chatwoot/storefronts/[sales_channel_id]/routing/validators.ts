import { z } from "@medusajs/framework/zod"
import { routingRulesInputSchema } from "../../../../../../modules/chatwoot/routing-rules"

/** POST /admin/chatwoot/storefronts/:sales_channel_id/routing */
export const AdminUpdateRoutingRules = routingRulesInputSchema
export type AdminUpdateRoutingRulesType = z.infer<typeof AdminUpdateRoutingRules>
