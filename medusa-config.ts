import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * The repository's own Medusa app, used by the http tests and `npm run demo`.
 * It loads the plugin from source (`src/`) like a project would. A shop that
 * installs the plugin lists it under `plugins` instead (see README).
 */
const REDIS_URL = process.env.REDIS_URL

const redisModules = REDIS_URL
  ? [
      {
        resolve: "@medusajs/medusa/event-bus-redis",
        options: {
          redisUrl: REDIS_URL,
          // Subscribers that throw are retried: Chatwoot sync must not be lost.
          jobOptions: {
            attempts: 5,
            backoff: { type: "exponential", delay: 1000 },
            removeOnComplete: true,
          },
        },
      },
      {
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl: REDIS_URL } },
      },
    ]
  : []

export default defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: REDIS_URL,
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server") || "shared",
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000,http://localhost:9000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:5173,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true",
    backendUrl: process.env.MEDUSA_BACKEND_URL || process.env.MEDUSA_PUBLIC_URL || "http://localhost:9000",
  },
  modules: [
    {
      resolve: "./src/modules/chatwoot",
      options: {
        chatwoot_url: process.env.CHATWOOT_URL,
        platform_token: process.env.CHATWOOT_PLATFORM_TOKEN || undefined,
        public_url: process.env.MEDUSA_PUBLIC_URL || "http://localhost:9000",
        encryption_key: process.env.CHATWOOT_ENCRYPTION_KEY,
        auto_provision: process.env.CHATWOOT_AUTO_PROVISION ? process.env.CHATWOOT_AUTO_PROVISION === "true" : undefined,
        // JSON list of { name, min_lifetime_value } (tests, demo); unset: the plugin's default tiers
        tiers: process.env.CHATWOOT_TIERS ? JSON.parse(process.env.CHATWOOT_TIERS) : undefined,
        rate_limit_per_minute: process.env.CHATWOOT_RATE_LIMIT_PER_MINUTE
          ? Number(process.env.CHATWOOT_RATE_LIMIT_PER_MINUTE)
          : undefined,
        sync_settle_ms: process.env.CHATWOOT_SYNC_SETTLE_MS ? Number(process.env.CHATWOOT_SYNC_SETTLE_MS) : undefined,
        rate_limit_store: process.env.CHATWOOT_RATE_LIMIT_STORE === "postgres" ? "postgres" : undefined,
        // comma-separated IPs/CIDRs/"loopback"; unset: X-Forwarded-For is not believed
        trusted_proxies: process.env.CHATWOOT_TRUSTED_PROXIES
          ? process.env.CHATWOOT_TRUSTED_PROXIES.split(",").map((s) => s.trim()).filter(Boolean)
          : undefined,
      },
    },
    ...redisModules,
  ],
})
