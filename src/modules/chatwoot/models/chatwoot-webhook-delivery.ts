import { model } from "@medusajs/framework/utils"

export const WEBHOOK_DELIVERY_OUTCOMES = ["accepted", "duplicate", "rejected"] as const
export type WebhookDeliveryOutcome = (typeof WEBHOOK_DELIVERY_OUTCOMES)[number]

/**
 * One webhook delivery that reached `/hooks/chatwoot/:id`: the de-duplication
 * record (`delivery_key` = `X-Chatwoot-Delivery`, or event + id + updated_at;
 * `material_key` = a hash of the signed material, so a replay under a new
 * delivery id is still a duplicate) and the source of the health page's
 * accepted/rejected counts. Refusals are aggregates: one row per account,
 * reason and minute whose `hits` says how many (rejected deliveries for
 * unknown accounts have no `account_id`). Never stores the signature or any
 * secret.
 */
const ChatwootWebhookDelivery = model
  .define("chatwoot_webhook_delivery", {
    id: model.id({ prefix: "cwhook" }).primaryKey(),
    account_id: model.text().nullable(),
    delivery_key: model.text().nullable(),
    material_key: model.text().nullable(),
    event: model.text().nullable(),
    outcome: model.enum([...WEBHOOK_DELIVERY_OUTCOMES]),
    /** Why a delivery was rejected (for the health page, not for the sender). */
    reason: model.text().nullable(),
    processed_at: model.dateTime().nullable(),
    error: model.text().nullable(),
    /** How many deliveries the row stands for (refusals are counted, not stored one by one). */
    hits: model.number().default(1),
  })
  .indexes([
    {
      on: ["account_id", "delivery_key"],
      unique: true,
      where: "delivery_key IS NOT NULL AND outcome = 'accepted' AND deleted_at IS NULL",
    },
    {
      on: ["account_id", "material_key"],
      unique: true,
      where: "material_key IS NOT NULL AND outcome = 'accepted' AND deleted_at IS NULL",
    },
    { on: ["account_id", "created_at"] },
  ])

export default ChatwootWebhookDelivery
