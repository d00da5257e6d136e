import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { trustedProxyProblem } from "./client-address"

/** A customer tier: customers whose lifetime value reaches `min_lifetime_value` get it. */
export type ChatwootTier = {
  name: string
  min_lifetime_value: number
}

/** Options as a merchant writes them in `medusa-config.ts`. */
export type ChatwootPluginOptions = {
  /** Base URL of the Chatwoot installation, e.g. https://chat.example.com */
  chatwoot_url: string
  /** Platform App token; enables automatic provisioning. */
  platform_token?: string
  /** Public URL of this Medusa server (webhook and dashboard-app URLs). */
  public_url: string
  /** Secret of at least 32 characters used to encrypt stored tokens and secrets. */
  encryption_key: string
  /**
   * Earlier encryption keys, still accepted for reading stored secrets after
   * a rotation (new writes always use encryption_key).
   */
  previous_encryption_keys?: string[]
  /** Provision an account for every new sales channel (default: true when platform_token is set). */
  auto_provision?: boolean
  /** Customer tiers by lifetime value. */
  tiers?: ChatwootTier[]
  /** Ceiling on calls to Chatwoot from this server (default 2400). */
  rate_limit_per_minute?: number
  /** Timeout of one call to Chatwoot, in milliseconds (default 10000). */
  request_timeout_ms?: number
  /**
   * How long a contact change waits for more changes of the same contact
   * before it is sent (default 1000 ms); each new change pushes it back, up to
   * `sync_settle_max_ms` after the first (default 10000 ms), so a burst costs
   * one call and a constantly changing contact still goes out.
   */
  sync_settle_ms?: number
  sync_settle_max_ms?: number
  /** Queue rows one process sends at once (default 8; the rate limit still applies). */
  sync_concurrency?: number
  /**
   * Where the rate limiter counts calls: "memory" (default; one process) or
   * "postgres" (every process sharing the database draws on one budget —
   * use it with separate server and worker processes).
   */
  rate_limit_store?: "memory" | "postgres"
  /**
   * Reverse proxies / load balancers in front of Medusa whose
   * `X-Forwarded-For` the plugin believes when it keys its abuse limits on
   * the client address: IP addresses, CIDR ranges (e.g. "10.0.0.0/8") or
   * "loopback", "linklocal", "uniquelocal". Default: none — the TCP peer
   * address is the client, and X-Forwarded-For is ignored.
   */
  trusted_proxies?: string[]
}

/** Options after validation, with every default filled in. */
export type ResolvedChatwootOptions = Required<
  Omit<ChatwootPluginOptions, "platform_token">
> & {
  platform_token?: string
}

export const DEFAULT_TIERS: ChatwootTier[] = [
  { name: "standard", min_lifetime_value: 0 },
  { name: "silver", min_lifetime_value: 500 },
  { name: "gold", min_lifetime_value: 2000 },
]

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 2400
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000
export const DEFAULT_SYNC_SETTLE_MS = 1_000
export const DEFAULT_SYNC_SETTLE_MAX_MS = 10_000
export const DEFAULT_SYNC_CONCURRENCY = 8
export const MIN_ENCRYPTION_KEY_LENGTH = 32

const httpUrl = (option: string) =>
  z
    .string({ error: `${option} is required` })
    .trim()
    .min(1, `${option} is required`)
    .refine((value) => {
      try {
        const url = new URL(value)
        return url.protocol === "http:" || url.protocol === "https:"
      } catch {
        return false
      }
    }, `${option} must be an absolute http(s) URL, e.g. https://chat.example.com`)
    .transform((value) => value.replace(/\/+$/, ""))

const tierSchema = z.object({
  name: z.string({ error: "must be a string" }).trim().min(1, "must not be empty"),
  min_lifetime_value: z
    .number({ error: "must be a number" })
    .finite("must be a finite number")
    .min(0, "must be 0 or more"),
})

const optionsSchema = z.object({
  chatwoot_url: httpUrl("chatwoot_url"),
  platform_token: z
    .string({ error: "platform_token must be a string" })
    .trim()
    .min(1, "platform_token must not be empty when given")
    .optional(),
  public_url: httpUrl("public_url"),
  encryption_key: z
    .string({ error: "encryption_key is required" })
    .min(
      MIN_ENCRYPTION_KEY_LENGTH,
      `encryption_key must be at least ${MIN_ENCRYPTION_KEY_LENGTH} characters long`
    ),
  previous_encryption_keys: z
    .array(
      z
        .string({ error: "must be a string" })
        .min(MIN_ENCRYPTION_KEY_LENGTH, `must be at least ${MIN_ENCRYPTION_KEY_LENGTH} characters long`),
      { error: "previous_encryption_keys must be a list of keys" }
    )
    .optional(),
  auto_provision: z.boolean({ error: "auto_provision must be true or false" }).optional(),
  tiers: z
    .array(tierSchema, { error: "tiers must be a list of { name, min_lifetime_value }" })
    .min(1, "tiers must contain at least one tier")
    .refine(
      (tiers) => new Set(tiers.map((t) => t.name)).size === tiers.length,
      "tiers must have unique names"
    )
    .optional(),
  rate_limit_per_minute: z
    .number({ error: "rate_limit_per_minute must be a number" })
    .int("rate_limit_per_minute must be a whole number")
    .positive("rate_limit_per_minute must be greater than 0")
    .optional(),
  request_timeout_ms: z
    .number({ error: "request_timeout_ms must be a number" })
    .int("request_timeout_ms must be a whole number")
    .positive("request_timeout_ms must be greater than 0")
    .optional(),
  sync_settle_ms: z
    .number({ error: "sync_settle_ms must be a number" })
    .int("sync_settle_ms must be a whole number")
    .min(0, "sync_settle_ms must be 0 or more")
    .max(60_000, "sync_settle_ms must be at most 60000")
    .optional(),
  sync_settle_max_ms: z
    .number({ error: "sync_settle_max_ms must be a number" })
    .int("sync_settle_max_ms must be a whole number")
    .min(0, "sync_settle_max_ms must be 0 or more")
    .max(600_000, "sync_settle_max_ms must be at most 600000")
    .optional(),
  rate_limit_store: z
    .enum(["memory", "postgres"], { error: 'rate_limit_store must be "memory" or "postgres"' })
    .optional(),
  trusted_proxies: z
    .array(
      z.string({ error: "must be a string" }).superRefine((value, ctx) => {
        const problem = trustedProxyProblem(value)
        if (problem) ctx.addIssue({ code: "custom", message: problem })
      }),
      { error: 'trusted_proxies must be a list of IP addresses or CIDR ranges, e.g. ["10.0.0.0/8"]' }
    )
    .max(100, "trusted_proxies must list at most 100 entries")
    .optional(),
  sync_concurrency: z
    .number({ error: "sync_concurrency must be a number" })
    .int("sync_concurrency must be a whole number")
    .min(1, "sync_concurrency must be at least 1")
    .max(64, "sync_concurrency must be at most 64")
    .optional(),
})

/**
 * Validates the plugin options and fills in defaults. Throws a MedusaError
 * (INVALID_DATA) naming every bad option; never echoes a secret's value.
 */
export function validateOptions(raw: unknown): ResolvedChatwootOptions {
  const result = optionsSchema.safeParse(raw ?? {})
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const where = issue.path.map(String).join(".") || "options"
      // top-level messages already start with the option's name
      return issue.message.startsWith(where) ? issue.message : `${where} ${issue.message}`
    })
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `medusa-plugin-chatwoot: invalid plugin options: ${problems.join("; ")}`
    )
  }
  const options = result.data
  return {
    chatwoot_url: options.chatwoot_url,
    platform_token: options.platform_token,
    public_url: options.public_url,
    encryption_key: options.encryption_key,
    previous_encryption_keys: options.previous_encryption_keys ?? [],
    auto_provision: options.auto_provision ?? Boolean(options.platform_token),
    tiers: [...(options.tiers ?? DEFAULT_TIERS)].sort(
      (a, b) => a.min_lifetime_value - b.min_lifetime_value
    ),
    rate_limit_per_minute: options.rate_limit_per_minute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    request_timeout_ms: options.request_timeout_ms ?? DEFAULT_REQUEST_TIMEOUT_MS,
    sync_settle_ms: options.sync_settle_ms ?? DEFAULT_SYNC_SETTLE_MS,
    // the cap is never shorter than one settle window
    sync_settle_max_ms: Math.max(
      options.sync_settle_max_ms ?? DEFAULT_SYNC_SETTLE_MAX_MS,
      options.sync_settle_ms ?? DEFAULT_SYNC_SETTLE_MS
    ),
    sync_concurrency: options.sync_concurrency ?? DEFAULT_SYNC_CONCURRENCY,
    rate_limit_store: options.rate_limit_store ?? "memory",
    trusted_proxies: (options.trusted_proxies ?? []).map((entry) => entry.trim()),
  }
}
