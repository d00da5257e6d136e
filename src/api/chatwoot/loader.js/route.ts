import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { etagMatches } from "../../store/chatwoot/widget-config"
import { loaderScript } from "../../../storefront/loader-script"

/**
 * GET /chatwoot/loader.js — the storefront loader as a classic script
 * (ARCHITECTURE.md, "A storefront request"). Cached long (a day, then revalidated with the ETag).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { script, etag } = loaderScript()
  res.setHeader("Content-Type", "application/javascript; charset=utf-8")
  res.setHeader("Cache-Control", "public, max-age=86400, stale-while-revalidate=604800")
  res.setHeader("ETag", etag)
  res.setHeader("X-Content-Type-Options", "nosniff")
  if (etagMatches(req.headers["if-none-match"], etag)) {
    res.status(304).end()
    return
  }
  res.status(200).send(script)
}
