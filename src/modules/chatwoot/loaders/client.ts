import type { LoaderOptions, Logger } from "@medusajs/framework/types"
import { asValue } from "@medusajs/framework/awilix"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ChatwootClient } from "../client"
import { PostgresRateLimitStore, type SqlConnection } from "../store/rate-limit"
import type { ResolvedChatwootOptions } from "../options"
import { CHATWOOT_OPTIONS } from "./options"

export const CHATWOOT_CLIENT = "chatwootClient"

/**
 * Registers the module's one Chatwoot client, built from the validated
 * options: one rate limiter and one retry policy for every caller.
 */
export default async function clientLoader({ container, logger: loaderLogger }: LoaderOptions) {
  const options = container.resolve<ResolvedChatwootOptions>(CHATWOOT_OPTIONS)
  const logger: Logger | undefined =
    loaderLogger ?? (container.hasRegistration("logger") ? container.resolve<Logger>("logger") : undefined)
  const client = new ChatwootClient({
    baseUrl: options.chatwoot_url,
    platformToken: options.platform_token,
    timeoutMs: options.request_timeout_ms,
    rateLimitPerMinute: options.rate_limit_per_minute,
    // "postgres": every process on this database shares one budget
    rateLimitStore:
      options.rate_limit_store === "postgres"
        ? new PostgresRateLimitStore(container.resolve<SqlConnection>(ContainerRegistrationKeys.PG_CONNECTION))
        : undefined,
    // the client only logs operations (method + path template), never tokens or bodies
    logger: logger ? { debug: (message) => logger.debug(message) } : undefined,
  })
  container.register(CHATWOOT_CLIENT, asValue(client))
}
