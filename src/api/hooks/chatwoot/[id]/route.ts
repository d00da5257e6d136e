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
  webhookMaterialKey,
  type WebhookRejection,
} from "../../../../modules/chatwoot/webhooks/verify"
import {
  CHATWOOT_WEBHOOK_RECEIVED,
  isProcessedWebhookEvent,
  webhookEventData,
  type ChatwootWebhookReceived,
} from "../../../../modules/chatwoot/webhooks/events"

const ACCOUNT_ROW_ID = /^cwacc_[0-9A-Za-z]{10,40}$/

const header = (req: MedusaRequest, name: string) => {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/**
 * POST /hooks/chatwoot/:id — Chatwoot's account webhook (ARCHITECTURE.md, "A webhook").
 *
 * Verifies the delivery against the account's secret (HMAC over the raw
 * bytes, constant time, timestamps within 5 minutes), or — for an account that
 * opted into it because its Chatwoot predates signing — the URL token.
 * Every refusal is the same 401 without detail; the reason is counted (an
 * aggregate per account, reason and minute, not a row per request) for the
 * health page, and unknown accounts are remembered briefly so a flood of them
 * costs no database round trip each. An event the plugin does not process
 * (inbox_*, typing, contact_created) is acknowledged and dropped. A
 * processed one is recorded (a repeated delivery id, or the same signed
 * material under a new delivery id, is acknowledged but recorded as duplicate
 * and not processed again), reduced to the fields the plugin reads, handed to
 * the event bus, and answered at once: processing never delays Chatwoot,
 * which times out after 5 s and does not retry.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const chatwoot = req.scope.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const accountRowId = req.params.id

  const refuse = (accountId: string | null, reason: WebhookRejection | "unknown_account" | "no_secret") => {
    chatwoot.countWebhookRefusal(accountId, reason)
    res.status(401).json({ type: "unauthorized", message: "Unauthorized" })
  }

  const auth = typeof accountRowId === "string" && ACCOUNT_ROW_ID.test(accountRowId) ? await chatwoot.webhookAuth(accountRowId) : null
  if (!auth) return refuse(null, "unknown_account")

  const rawBody = Buffer.isBuffer((req as { rawBody?: unknown }).rawBody) ? (req as { rawBody?: Buffer }).rawBody! : null
  const timestamp = header(req, "x-chatwoot-timestamp")
  const signature = header(req, "x-chatwoot-signature")
  let verdict
  if (auth.url_token) {
    const token = typeof req.query.token === "string" ? req.query.token : undefined
    verdict = verifyUrlToken(token, auth.url_token)
  } else if (auth.secret) {
    verdict = verifyChatwootSignature({ rawBody: rawBody ?? Buffer.alloc(0), timestamp, signature, secret: auth.secret })
  } else {
    return refuse(auth.account_id, "no_secret")
  }
  if (!verdict.ok) return refuse(auth.account_id, verdict.reason)

  const payload = rawBody ? parseWebhookPayload(rawBody) : null
  if (!payload) {
    chatwoot.countWebhookRefusal(auth.account_id, "invalid_payload")
    res.status(400).json({ type: "invalid_data", message: "Invalid payload" })
    return
  }
  // not an event the plugin processes: nothing is recorded, emitted or kept
  if (!isProcessedWebhookEvent(payload.event)) {
    res.status(200).json({ received: true })
    return
  }

  const delivery = await chatwoot.recordWebhookDelivery({
    account_id: auth.account_id,
    delivery_key: webhookDeliveryKey(header(req, "x-chatwoot-delivery"), payload, rawBody!),
    material_key: webhookMaterialKey({ rawBody: rawBody!, timestamp, signature, signed: !auth.url_token }),
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
    payload: webhookEventData(payload.event, payload),
  }
  await eventBus.emit({ name: CHATWOOT_WEBHOOK_RECEIVED, data }, { internal: true })
  res.status(200).json({ received: true })
}
