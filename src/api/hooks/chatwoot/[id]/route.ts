import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IEventBusModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../../../../modules/chatwoot"
import type ChatwootModuleService from "../../../../modules/chatwoot/service"
import {
  parseWebhookPayload,
  verifyChatwootSignature,
  verifyUrlToken,
  webhookDeliveryKey,
  type WebhookRejection,
} from "../../../../modules/chatwoot/webhooks/verify"
import { CHATWOOT_WEBHOOK_RECEIVED, type ChatwootWebhookReceived } from "../../../../modules/chatwoot/webhooks/events"

const ACCOUNT_ROW_ID = /^cwacc_[0-9A-Za-z]{10,40}$/

const header = (req: MedusaRequest, name: string) => {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/**
 * POST /hooks/chatwoot/:id — Chatwoot's account webhook (design §6).
 *
 * Verifies the delivery against the account's secret (HMAC over the raw
 * bytes, constant time, timestamps within 5 minutes), or — for an account that
 * opted into it because its Chatwoot predates signing — the URL token.
 * Every refusal is the same 401 without detail; the reason is recorded for the
 * health page. A verified delivery is recorded (a repeated delivery id is
 * acknowledged but recorded as duplicate and not processed again), handed to
 * the event bus, and answered at once: processing never delays Chatwoot,
 * which times out after 5 s and does not retry.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const chatwoot = req.scope.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const accountRowId = req.params.id

  const refuse = async (accountId: string | null, reason: WebhookRejection | "unknown_account" | "no_secret") => {
    await chatwoot.recordWebhookDelivery({ account_id: accountId, outcome: "rejected", reason })
    res.status(401).json({ type: "unauthorized", message: "Unauthorized" })
  }

  const auth = ACCOUNT_ROW_ID.test(accountRowId) ? await chatwoot.webhookAuth(accountRowId) : null
  if (!auth) return refuse(null, "unknown_account")

  const rawBody = Buffer.isBuffer((req as { rawBody?: unknown }).rawBody) ? (req as { rawBody?: Buffer }).rawBody! : null
  let verdict
  if (auth.url_token) {
    const token = typeof req.query.token === "string" ? req.query.token : undefined
    verdict = verifyUrlToken(token, auth.url_token)
  } else if (auth.secret) {
    verdict = verifyChatwootSignature({
      rawBody: rawBody ?? Buffer.alloc(0),
      timestamp: header(req, "x-chatwoot-timestamp"),
      signature: header(req, "x-chatwoot-signature"),
      secret: auth.secret,
    })
  } else {
    return refuse(auth.account_id, "no_secret")
  }
  if (!verdict.ok) return refuse(auth.account_id, verdict.reason)

  const payload = rawBody ? parseWebhookPayload(rawBody) : null
  if (!payload) {
    await chatwoot.recordWebhookDelivery({ account_id: auth.account_id, outcome: "rejected", reason: "invalid_payload" })
    res.status(400).json({ type: "invalid_data", message: "Invalid payload" })
    return
  }

  const key = webhookDeliveryKey(header(req, "x-chatwoot-delivery"), payload, rawBody!)
  const delivery = await chatwoot.recordWebhookDelivery({
    account_id: auth.account_id,
    delivery_key: key,
    event: payload.event,
    outcome: "accepted",
  })
  if (delivery.duplicate) {
    res.status(200).json({ received: true, duplicate: true })
    return
  }

  const eventBus = req.scope.resolve<IEventBusModuleService>(Modules.EVENT_BUS)
  const data: ChatwootWebhookReceived = {
    delivery_id: delivery.id,
    account_id: auth.account_id,
    event: payload.event,
    payload,
  }
  await eventBus.emit({ name: CHATWOOT_WEBHOOK_RECEIVED, data }, { internal: true })
  res.status(200).json({ received: true })
}
