import { model } from "@medusajs/framework/utils"

/**
 * State of one shared rate limiter (the limit holds across
 * processes): `id` is the limiter key, `state` its sliding-window log
 * `{ starts: number[], blocked_until: number }` (epoch ms). Written only by
 * PostgresRateLimitStore, one row lock per acquire.
 */
const ChatwootRateLimit = model.define("chatwoot_rate_limit", {
  id: model.text().primaryKey(),
  state: model.json(),
})

export default ChatwootRateLimit
