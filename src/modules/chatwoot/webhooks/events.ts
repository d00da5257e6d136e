/** Emitted by the webhook receiver for every verified, first-seen delivery. */
export const CHATWOOT_WEBHOOK_RECEIVED = "chatwoot.webhook.received"

export type ChatwootWebhookReceived = {
  /** chatwoot_webhook_delivery row id */
  delivery_id: string
  /** chatwoot_account row id */
  account_id: string
  event: string
  payload: Record<string, unknown>
}
