/**
 * A small in-memory sliding-window rate limiter for the public storefront
 * POST routes (contact form, events). Per process: behind several Medusa
 * instances each one counts on its own, which bounds abuse per instance.
 */
export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number }

export type SlidingWindowOptions = {
  /** Hits allowed per window and key. */
  limit: number
  windowMs: number
  /** Keys tracked at most; the oldest are dropped beyond it (memory bound). */
  maxKeys?: number
  now?: () => number
}

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>()
  private readonly limit: number
  private readonly windowMs: number
  private readonly maxKeys: number
  private readonly now: () => number

  constructor(opts: SlidingWindowOptions) {
    this.limit = opts.limit
    this.windowMs = opts.windowMs
    this.maxKeys = opts.maxKeys ?? 50_000
    this.now = opts.now ?? Date.now
  }

  /** Records a hit for `key` when allowed; a refused hit is not counted. */
  hit(key: string): RateLimitDecision {
    const now = this.now()
    const since = now - this.windowMs
    const log = (this.hits.get(key) ?? []).filter((t) => t > since)
    if (log.length >= this.limit) {
      this.hits.set(key, log)
      return { allowed: false, retryAfterMs: Math.max(1, log[0] + this.windowMs - now) }
    }
    log.push(now)
    this.hits.delete(key)
    this.hits.set(key, log)
    while (this.hits.size > this.maxKeys) {
      const oldest = this.hits.keys().next().value as string
      this.hits.delete(oldest)
    }
    return { allowed: true }
  }

  /** Would a hit for `key` be allowed now? (records nothing) */
  peek(key: string): RateLimitDecision {
    const now = this.now()
    const log = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs)
    return log.length >= this.limit
      ? { allowed: false, retryAfterMs: Math.max(1, log[0] + this.windowMs - now) }
      : { allowed: true }
  }

  clear() {
    this.hits.clear()
  }
}

/** Retry-After header value (whole seconds, at least 1). */
export function retryAfterSeconds(ms: number) {
  return String(Math.max(1, Math.ceil(ms / 1000)))
}

function envInt(name: string, fallback: number) {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback
}

/** The storefront routes' limiters (overridable by env for tests and busy shops). */
export const storefrontLimiters = {
  contactPerIp: new SlidingWindowLimiter({ limit: envInt("CHATWOOT_CONTACT_IP_LIMIT", 5), windowMs: 60_000 }),
  contactPerEmail: new SlidingWindowLimiter({ limit: envInt("CHATWOOT_CONTACT_EMAIL_LIMIT", 3), windowMs: 10 * 60_000 }),
  eventsPerIp: new SlidingWindowLimiter({ limit: envInt("CHATWOOT_EVENTS_IP_LIMIT", 60), windowMs: 60_000 }),
}

/** Forgets every hit (tests). */
export function resetStorefrontLimiters() {
  for (const limiter of Object.values(storefrontLimiters)) limiter.clear()
}
