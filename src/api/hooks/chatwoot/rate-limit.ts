import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { clientKeyOf } from "../../rate-limits"

/**
 * Per-IP token bucket for the webhook receiver: `perMinute` deliveries per
 * minute sustained, bursts up to the same number. O(1) per request and
 * bounded in memory (the least recently seen IPs are dropped first). Per
 * process, like the storefront limiters.
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(
    private readonly perMinute: number,
    private readonly maxKeys = 10_000,
    private readonly now: () => number = Date.now
  ) {}

  /** Takes one token for `key`; when none is left, how long until one is (ms). */
  take(key: string): { allowed: true } | { allowed: false; retryAfterMs: number } {
    const now = this.now()
    const ratePerMs = this.perMinute / 60_000
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now }
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * ratePerMs)
    bucket.at = now
    this.buckets.delete(key)
    this.buckets.set(key, bucket)
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string)
    if (bucket.tokens < 1) return { allowed: false, retryAfterMs: Math.ceil((1 - bucket.tokens) / ratePerMs) }
    bucket.tokens -= 1
    return { allowed: true }
  }

  clear() {
    this.buckets.clear()
  }
}

function envInt(name: string, fallback: number) {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback
}

/** Deliveries per minute and IP (`CHATWOOT_WEBHOOK_IP_LIMIT`, default 1200 = 20/s sustained). */
export const webhookIpLimiter = new TokenBucketLimiter(envInt("CHATWOOT_WEBHOOK_IP_LIMIT", 1200))

/**
 * Middleware: 429 with Retry-After once a client has used its deliveries.
 * The client is the socket peer unless `trusted_proxies` vouches for X-Forwarded-For.
 */
export function rateLimitChatwootWebhooks(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const decision = webhookIpLimiter.take(clientKeyOf(req))
  if (decision.allowed) return next()
  res.setHeader("Retry-After", String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))))
  res.status(429).json({ type: "not_allowed", message: "Too many requests" })
}
