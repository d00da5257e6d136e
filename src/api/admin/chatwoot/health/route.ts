import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { chatwootHealth } from "./helpers"

/**
 * GET /admin/chatwoot/health — per account: status, last successful call,
 * sync lag and queue rows, recent 429/5xx, webhook deliveries of the last
 * 24 h, HMAC enforcement, and warnings. Never a secret.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.setHeader("Cache-Control", "no-store")
  res.json({ health: await chatwootHealth(req.scope) })
}
