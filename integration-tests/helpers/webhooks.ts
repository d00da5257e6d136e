import type { AxiosInstance } from "axios"
import { signWebhookBody, type Sandbox } from "../sandbox"

/**
 * Points the sandbox's account webhooks at the Medusa under test (its port
 * is random; the plugin registered `<public_url>/hooks/chatwoot/<row id>`),
 * as a reverse proxy in front of Medusa would.
 */
export function routeWebhooksTo(sandbox: Sandbox, api: AxiosInstance, chatwootAccountId?: number) {
  const base = String(api.defaults.baseURL).replace(/\/+$/, "")
  for (const webhook of sandbox.state.webhooks.values()) {
    if (chatwootAccountId !== undefined && webhook.account_id !== chatwootAccountId) continue
    const url = new URL(webhook.url)
    webhook.url = `${base}${url.pathname}${url.search}`
  }
}

/** The signing secret the sandbox holds for an account's webhook. */
export function webhookSecretOf(sandbox: Sandbox, chatwootAccountId: number) {
  const webhook = [...sandbox.state.webhooks.values()].find((w) => w.account_id === chatwootAccountId)
  if (!webhook) throw new Error(`no webhook for account ${chatwootAccountId}`)
  return webhook.secret
}

/** Posts a raw body to the receiver with hand-made headers (for deliveries Chatwoot would never send). */
export async function postRaw(
  api: AxiosInstance,
  accountRowId: string,
  rawBody: string | Buffer,
  opts: { secret?: string; timestamp?: number; deliveryId?: string; contentType?: string; signature?: string; query?: string } = {}
) {
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000)
  const headers: Record<string, string> = { "content-type": opts.contentType ?? "application/json" }
  if (opts.deliveryId) headers["x-chatwoot-delivery"] = opts.deliveryId
  if (opts.secret || opts.signature) {
    headers["x-chatwoot-timestamp"] = String(ts)
    headers["x-chatwoot-signature"] = opts.signature ?? `sha256=${signWebhookBody(opts.secret!, ts, rawBody)}`
  }
  return api.post(`/hooks/chatwoot/${accountRowId}${opts.query ?? ""}`, rawBody, {
    headers,
    validateStatus: () => true,
    transformRequest: [(data) => data],
    maxBodyLength: Infinity,
  })
}
