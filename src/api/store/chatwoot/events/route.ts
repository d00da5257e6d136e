import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../../../../modules/chatwoot"
import type ChatwootModuleService from "../../../../modules/chatwoot/service"
import { kickChatwootSync } from "../../../../sync/wake"
import { summarizeInterest } from "../../../../sync/interest"
import { clientKeyOf, consumeAll, storefrontIdsOf, tooManyRequests } from "../../../rate-limits"
import type { StorePostChatwootEventsType } from "../validators"
import { getIdentityTarget } from "../widget-config"

/**
 * POST /store/chatwoot/events — a batch of storefront events from the
 * loader's track(). For a logged-in customer they update the recent-interest
 * attributes of their contact in the storefront's account through the sync
 * queue (one coalesced contact_upsert per customer); a guest's events are
 * accepted and dropped, nothing personal is kept. 202 `{ accepted }`.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StorePostChatwootEventsType>, res: MedusaResponse) => {
  res.setHeader("Cache-Control", "no-store")
  const limited = await consumeAll([
    ["events_ip", clientKeyOf(req)],
    ...storefrontIdsOf(req).map((id): ["events_storefront", string] => ["events_storefront", id]),
  ])
  if (!limited.allowed) return tooManyRequests(res, limited.retryAfterMs)
  const { events } = req.validatedBody
  const customerId = req.auth_context?.actor_type === "customer" ? req.auth_context.actor_id : undefined
  if (customerId) {
    const salesChannelIds = (req as { publishable_key_context?: { sales_channel_ids?: string[] } }).publishable_key_context
      ?.sales_channel_ids ?? []
    const target = await getIdentityTarget(req.scope, salesChannelIds)
    if (target) {
      try {
        const chatwoot = req.scope.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
        await chatwoot.enqueueSyncJobs([
          {
            account_id: target.account_id,
            kind: "contact_upsert",
            subject: customerId,
            payload: { sales_channel_id: target.sales_channel_id, interest: summarizeInterest(events, new Date()) },
          },
        ])
        kickChatwootSync(req.scope)
      } catch (error) {
        req.scope
          .resolve(ContainerRegistrationKeys.LOGGER)
          .warn(`Chatwoot: could not queue storefront events: ${(error as Error).message}`)
      }
    }
  }
  res.status(202).json({ accepted: events.length })
}
