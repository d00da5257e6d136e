import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import { dashboardAppPage } from "../../../dashboard-app/page"

/**
 * GET /chatwoot/dashboard-app — the agent dashboard app Chatwoot frames in
 * its conversation view. Public: the page holds no data; the
 * secret is in the URL fragment and only the data routes take it. Only the
 * configured Chatwoot origin may frame it.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const options = req.scope.resolve<ChatwootModuleService>(CHATWOOT_MODULE).getPublicOptions()
  const basePath = new URL(options.public_url).pathname.replace(/\/+$/, "")
  const { html, csp } = dashboardAppPage(new URL(options.chatwoot_url).origin, `${basePath}/chatwoot/dashboard-app/api`)
  res.setHeader("Content-Type", "text/html; charset=utf-8")
  res.setHeader("Content-Security-Policy", csp)
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.setHeader("Referrer-Policy", "no-referrer")
  res.setHeader("Cache-Control", "no-cache")
  res.status(200).send(html)
}
