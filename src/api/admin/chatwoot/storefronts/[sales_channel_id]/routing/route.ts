import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resolveRoutingRules } from "../../../../../../modules/chatwoot/routing-rules"
import { updateChatwootRoutingRulesWorkflow } from "../../../../../../workflows/routing/workflows"
import type { AdminUpdateRoutingRulesType } from "./validators"
import { storefrontOfRequest } from "../helpers"

async function routingView(req: AuthenticatedMedusaRequest) {
  const { chatwoot, storefront } = await storefrontOfRequest(req)
  return {
    sales_channel_id: storefront.sales_channel_id,
    rules: resolveRoutingRules(storefront.routing_rules),
    tiers: chatwoot.getPublicOptions().tiers.map((t) => t.name),
  }
}

/** GET /admin/chatwoot/storefronts/:sales_channel_id/routing — the storefront's routing rules and the tier names. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ routing: await routingView(req) })
}

/** POST /admin/chatwoot/storefronts/:sales_channel_id/routing — replaces the rules (teams are found or created by name). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateRoutingRulesType>, res: MedusaResponse) => {
  await routingView(req)
  await updateChatwootRoutingRulesWorkflow(req.scope).run({
    input: { sales_channel_id: req.params.sales_channel_id, rules: req.validatedBody },
  })
  res.json({ routing: await routingView(req) })
}
