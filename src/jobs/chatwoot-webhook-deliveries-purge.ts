import type { MedusaContainer } from "@medusajs/framework/types"
import { CHATWOOT_MODULE } from "../modules/chatwoot"
import type ChatwootModuleService from "../modules/chatwoot/service"

/**
 * Webhook delivery records are kept `CHATWOOT_WEBHOOK_RETENTION_DAYS` (default
 * 14) for the health page, then deleted hourly. De-duplication needs far less:
 * deliveries older than 5 minutes are refused by their timestamp anyway.
 */
export default async function chatwootWebhookDeliveriesPurge(container: MedusaContainer) {
  const days = Number(process.env.CHATWOOT_WEBHOOK_RETENTION_DAYS) > 0 ? Number(process.env.CHATWOOT_WEBHOOK_RETENTION_DAYS) : 14
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  await chatwoot.purgeWebhookDeliveries(new Date(Date.now() - days * 86_400_000))
}

export const config = {
  name: "chatwoot-webhook-deliveries-purge",
  schedule: { cron: "17 * * * *", concurrency: "forbid" as const },
}
