import { ApiLoader, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"

/**
 * Guards for the plugin's public routes against input that Medusa 2.21.2's
 * own layers answer with a 500 or never answer at all (found by
 * integration-tests/http/hostile-input.spec.ts). Each guard answers 400 before
 * the faulty layer sees the request.
 */

const invalid = (res: MedusaResponse, message: string) => res.status(400).json({ type: "invalid_data", message })

/**
 * Keys no body of these routes has, and that break Medusa's validation error
 * formatter: it interpolates the received value into the message, so an
 * object with a `toString` or `valueOf` key that is not a function throws
 * a TypeError there (a 500). Prototype keys are refused along with them.
 */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype", "toString", "valueOf"])
/** Deeper than any body of the plugin's routes (the dashboard action body is 3 levels deep). */
export const MAX_BODY_DEPTH = 16

/** Why a parsed JSON body is refused, or null when it is acceptable. Iterative: a 10,000-level body is no stack risk. */
export function unsafeBodyReason(body: unknown, maxDepth = MAX_BODY_DEPTH): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value: body, depth: 0 }]
  while (stack.length) {
    const { value, depth } = stack.pop()!
    if (value === null || typeof value !== "object") continue
    if (depth >= maxDepth) return `the body is nested deeper than ${maxDepth} levels`
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return `the key "${key}" is not allowed`
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 })
    }
  }
  return null
}

/** Middleware: 400 for a body with prototype-like keys or absurd nesting, before it is validated. */
export function rejectUnsafeBody(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const reason = unsafeBodyReason(req.body)
  if (reason) return invalid(res, `Invalid request body: ${reason}`)
  next()
}

/**
 * Middleware: 400 for a path with a malformed percent-escape (`/hooks/chatwoot/%ZZ`).
 * Express throws a plain URIError while decoding the route's `:id` parameter,
 * which Medusa's error handler answers with a 500. Registered without methods
 * (a global middleware), it runs before any route with parameters.
 */
export function rejectMalformedPath(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    decodeURIComponent(req.originalUrl.split("?")[0])
  } catch {
    return invalid(res, "Malformed URL path")
  }
  next()
}

/** The plugin's storefront routes, where the locale guard applies. */
const PLUGIN_STORE_PATH = /^\/store\/chatwoot(\/|\?|$)/

type Handler = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

/**
 * Medusa 2.21.2's store locale middleware (`applyLocale`) passes
 * `req.query.locale` to `normalizeLocale`, which calls `.split` on it. With
 * `?locale[]=de` or `?locale=de&locale=fr` the query value is an array or an
 * object, the async middleware rejects, Express 4 drops the rejection and the
 * request is never answered (plus an unhandled rejection). That middleware
 * runs before any plugin middleware; the only hook around it is
 * `ApiLoader.traceMiddleware` (the instrumentation hook), so the guard is
 * chained onto it: for the plugin's `/store/chatwoot/*` routes a non-string
 * locale is answered 400 and any other failure of `applyLocale` reaches the
 * error handler instead of hanging. Every other middleware, and an
 * instrumentation hook set before, are left exactly as they were.
 */
export function installStoreLocaleGuard(loader: typeof ApiLoader = ApiLoader) {
  const current = loader.traceMiddleware as (((handler: Handler, route: { route: string; method?: string }) => Handler) & { __chatwootLocaleGuard?: true }) | undefined
  if (current?.__chatwootLocaleGuard) return
  const previous = current
  const hook = ((handler: Handler, route: { route: string; method?: string }) => {
    const guarded = handler?.name === "applyLocale" ? guardApplyLocale(handler) : handler
    return previous ? previous(guarded, route) : guarded
  }) as NonNullable<typeof current>
  hook.__chatwootLocaleGuard = true
  loader.traceMiddleware = hook as typeof loader.traceMiddleware
}

export function guardApplyLocale(applyLocale: Handler): Handler {
  const guarded: Handler = (req, res, next) => {
    if (!PLUGIN_STORE_PATH.test(req.originalUrl ?? "")) return applyLocale(req, res, next)
    const locale = (req.query as Record<string, unknown> | undefined)?.locale
    if (locale !== undefined && typeof locale !== "string") {
      return invalid(res, "locale: must be a single language tag like en, de or pt-BR")
    }
    return Promise.resolve()
      .then(() => applyLocale(req, res, next))
      .catch(next)
  }
  Object.defineProperty(guarded, "name", { value: "applyLocale" })
  return guarded
}
