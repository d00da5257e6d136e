import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { etagMatches, getWidgetResponse } from "../widget-config"
import { StoreGetChatwootWidget } from "../validators"

/**
 * GET /store/chatwoot/widget — the chat widget config of the publishable
 * key's sales channel. Cached in memory per channel and locale;
 * ETag + short max-age for the browser only; 304 on a matching If-None-Match.
 *
 * `private`: the answer depends on the publishable-key header, and a shared
 * cache (CDN, proxy) that ignores `Vary` would hand one storefront's config
 * to another. A shared cache must not store a private response at all
 * (RFC 9111 §5.2.2.7), whatever it does with `Vary`; the browser still keeps
 * it for a minute and revalidates with the ETag.
 */
export const GET = async (req: MedusaStoreRequest, res: MedusaResponse) => {
  const salesChannelIds = req.publishable_key_context?.sales_channel_ids ?? []
  // Medusa's store locale middleware takes `?locale=` (or x-medusa-locale) off the query into req.locale
  const requested = (req as { locale?: unknown }).locale ?? (req.validatedQuery as { locale?: unknown } | undefined)?.locale
  let locale: string | undefined
  if (requested !== undefined) {
    const parsed = StoreGetChatwootWidget.safeParse({ locale: requested })
    if (!parsed.success) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `locale: ${parsed.error.issues[0].message}`)
    }
    locale = parsed.data.locale
  }
  const { body, etag } = await getWidgetResponse(req.scope, salesChannelIds, locale)
  res.setHeader("ETag", etag)
  res.setHeader("Cache-Control", "private, max-age=60")
  res.vary("x-publishable-api-key")
  res.vary("x-medusa-locale")
  if (etagMatches(req.headers["if-none-match"], etag)) {
    res.status(304).end()
    return
  }
  res.status(200).type("application/json").send(body)
}
