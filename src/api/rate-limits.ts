import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible"
import { CHATWOOT_MODULE } from "../modules/chatwoot"
import { clientAddress, clientKey, compileTrustedProxies } from "../modules/chatwoot/client-address"
import type ChatwootModuleService from "../modules/chatwoot/service"

/**
 * The plugin's abuse limits on its public routes (storefront, dashboard app,
 * webhooks), built on rate-limiter-flexible. Every check is one `consume()`:
 * the hit is counted and the answer given in one step (in memory: inside one
 * synchronous call), so parallel requests cannot all pass a check that was
 * read before an await and recorded after it.
 *
 * The store is in memory, per process (behind several Medusa instances each
 * counts on its own, which still bounds abuse per instance); `createLimiter`
 * is the one place to switch to RateLimiterRedis / RateLimiterPostgres.
 */

export type LimitSpec = {
  /** Env var overriding `points` (a positive whole number). */
  env: string
  points: number
  durationSec: number
}

/** Every limit, with its default and the env var that overrides it. */
export const LIMITS = {
  /** contact-form posts per client address */
  contact_ip: { env: "CHATWOOT_CONTACT_IP_LIMIT", points: 5, durationSec: 60 },
  /** contact-form posts per sender e-mail */
  contact_email: { env: "CHATWOOT_CONTACT_EMAIL_LIMIT", points: 3, durationSec: 600 },
  /** contact-form posts per storefront (sales channel), whoever sends them */
  contact_storefront: { env: "CHATWOOT_CONTACT_STOREFRONT_LIMIT", points: 30, durationSec: 60 },
  /** storefront event batches per client address */
  events_ip: { env: "CHATWOOT_EVENTS_IP_LIMIT", points: 60, durationSec: 60 },
  /** storefront event batches per storefront (sales channel) */
  events_storefront: { env: "CHATWOOT_EVENTS_STOREFRONT_LIMIT", points: 3000, durationSec: 60 },
  /** dashboard-app API requests per client address, before the secret is checked */
  dashboard_ip: { env: "CHATWOOT_DASHBOARD_IP_LIMIT", points: 300, durationSec: 60 },
  /** dashboard-app API requests (data and actions) per account of the secret */
  dashboard_account: { env: "CHATWOOT_DASHBOARD_ACCOUNT_LIMIT", points: 600, durationSec: 60 },
  /** dashboard-app order actions per account of the secret */
  dashboard_action: { env: "CHATWOOT_DASHBOARD_ACTION_LIMIT", points: 30, durationSec: 60 },
} satisfies Record<string, LimitSpec>

export type LimitName = keyof typeof LIMITS

function envInt(name: string, fallback: number) {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback
}

/** The one place a limiter is built (swap the store here). */
export function createLimiter(keyPrefix: string, spec: LimitSpec): RateLimiterAbstract {
  return new RateLimiterMemory({ keyPrefix, points: envInt(spec.env, spec.points), duration: spec.durationSec })
}

const limiters = new Map<LimitName, RateLimiterAbstract>()

/** The named limiter, built on first use (so env read at that time applies). */
export function limiter(name: LimitName): RateLimiterAbstract {
  let found = limiters.get(name)
  if (!found) {
    found = createLimiter(`chatwoot_${name}`, LIMITS[name])
    limiters.set(name, found)
  }
  return found
}

/** Forgets every hit and re-reads the env limits (tests). */
export function resetRateLimiters() {
  limiters.clear()
}

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number }

/**
 * Takes one hit from each limit in order; stops at the first that refuses
 * (later ones are not charged). Keys are bounded in length so a hostile
 * e-mail cannot grow memory beyond the keys' count.
 */
export async function consumeAll(checks: [LimitName, string][]): Promise<LimitDecision> {
  for (const [name, key] of checks) {
    try {
      await limiter(name).consume(key.slice(0, 200))
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterMs: Math.max(1, rejection.msBeforeNext) }
      throw rejection
    }
  }
  return { allowed: true }
}

/**
 * Gives back one hit of a limit that was taken for a request which then did
 * nothing (e.g. the storefront could not take a message). Atomic like consume.
 */
export async function refund(name: LimitName, key: string) {
  await limiter(name).reward(key.slice(0, 200))
}

/** Retry-After header value (whole seconds, at least 1). */
export function retryAfterSeconds(ms: number) {
  return String(Math.max(1, Math.ceil(ms / 1000)))
}

/** 429 with Retry-After, in the plugin's error shape. */
export function tooManyRequests(res: MedusaResponse, retryAfterMs: number, message = "Too many requests. Please try again later.") {
  res.setHeader("Retry-After", retryAfterSeconds(retryAfterMs))
  res.setHeader("Cache-Control", "no-store")
  res.status(429).json({ type: "too_many_requests", message })
}

/**
 * The rate-limit key of the request's client: the socket peer, or what the
 * `trusted_proxies` plugin option allows reading from X-Forwarded-For; an
 * IPv6 client by its /64. Never `req.ip` (it follows a client-sent header).
 */
export function clientKeyOf(req: MedusaRequest): string {
  let trusted = compileTrustedProxies()
  try {
    const options = req.scope.resolve<ChatwootModuleService>(CHATWOOT_MODULE).getPublicOptions()
    trusted = compileTrustedProxies(options.trusted_proxies)
  } catch {
    // module not resolvable: trust no proxy
  }
  const address = clientAddress(req as never, trusted)
  return address === "unknown" ? address : clientKey(address)
}

/** The sales channels of the request's publishable key (the storefronts it speaks for). */
export function storefrontIdsOf(req: MedusaRequest): string[] {
  const ids = (req as { publishable_key_context?: { sales_channel_ids?: unknown } }).publishable_key_context?.sales_channel_ids
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string").slice(0, 20) : []
}
