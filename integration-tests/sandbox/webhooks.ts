/**
 * Account-webhook delivery as Chatwoot 4.15 does it (`app/jobs/webhook_job.rb`, `lib/webhooks/trigger.rb`):
 * Content-Type/Accept JSON, a fresh X-Chatwoot-Delivery uuid per (event × endpoint), and for
 * endpoints with a secret X-Chatwoot-Timestamp + X-Chatwoot-Signature
 * `sha256=<hex HMAC-SHA256(secret, "<ts>.<raw body>")>`. One attempt, WEBHOOK_TIMEOUT, no retry.
 */
import { createHmac } from "node:crypto"
import http from "node:http"
import https from "node:https"

import type { Store } from "./store"
import type { WebhookDeliveryLogEntry, WebhookDeliveryResult, WebhookRecord } from "./types"
import { seconds, uuid } from "./util"

/** hex HMAC-SHA256 with key = secret over `${timestamp}.${rawBody}` (without the `sha256=` prefix). */
export function signWebhookBody(secret: string, timestamp: number | string, rawBody: string | Buffer): string {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest("hex")
}

export interface DeliveryRequest {
  webhook: WebhookRecord
  event: string
  rawBody: string
  sign: boolean
  timestamp?: number
  deliveryId?: string
}

export class WebhookDispatcher {
  readonly deliveries: WebhookDeliveryLogEntry[] = []
  private queue: Array<() => Promise<void>> = []
  private running: Promise<void> | null = null
  private idleWaiters: Array<() => void> = []
  private closed = false
  private inflight = new Set<http.ClientRequest>()

  constructor(
    private readonly store: Store,
    private readonly timeoutMs: number
  ) {}

  /** Webhooks of the account subscribed to the event. */
  subscribers(accountId: number, event: string): WebhookRecord[] {
    return [...this.store.state.webhooks.values()].filter(
      (w) => w.account_id === accountId && w.subscriptions.includes(event)
    )
  }

  /** Chatwoot payloads: the event data with a top-level "event" key, no envelope. */
  static body(event: string, payload: object): string {
    return JSON.stringify({ ...payload, event })
  }

  /** Asynchronous delivery (like Chatwoot's Sidekiq jobs); deliveries run one at a time, in order. */
  enqueue(accountId: number, event: string, payload: object): void {
    if (this.closed) {
      return
    }
    const targets = this.subscribers(accountId, event)
    if (targets.length === 0) {
      return
    }
    const rawBody = WebhookDispatcher.body(event, payload)
    for (const webhook of targets) {
      // the delivery id is made at enqueue time, like Chatwoot's WebhookJob arguments
      const deliveryId = uuid()
      this.queue.push(async () => {
        await this.deliver({ webhook, event, rawBody, sign: true, deliveryId })
      })
    }
    this.pump()
  }

  private pump(): void {
    if (this.running) {
      return
    }
    this.running = (async () => {
      while (this.queue.length > 0 && !this.closed) {
        const job = this.queue.shift() as () => Promise<void>
        await job()
      }
      this.running = null
      const waiters = this.idleWaiters
      this.idleWaiters = []
      waiters.forEach((resolve) => resolve())
    })()
  }

  flush(): Promise<void> {
    if (!this.running && this.queue.length === 0) {
      return Promise.resolve()
    }
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  async deliver(request: DeliveryRequest): Promise<WebhookDeliveryResult> {
    const { webhook, rawBody } = request
    const deliveryId = request.deliveryId ?? uuid()
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
      Accept: "application/json",
      "X-Chatwoot-Delivery": deliveryId,
    }
    if (request.sign && webhook.secret) {
      const ts = request.timestamp ?? seconds(this.store.now())
      headers["X-Chatwoot-Timestamp"] = String(ts)
      headers["X-Chatwoot-Signature"] = `sha256=${signWebhookBody(webhook.secret, ts, rawBody)}`
    }
    const result = await this.post(webhook.url, headers, rawBody)
    const entry: WebhookDeliveryLogEntry = {
      ...result,
      url: webhook.url,
      deliveryId,
      webhookId: webhook.id,
      accountId: webhook.account_id,
      event: request.event,
      rawBody,
      headers,
      at: this.store.now(),
    }
    this.deliveries.push(entry)
    return { url: webhook.url, status: result.status, body: result.body, deliveryId, ...(result.error ? { error: result.error } : {}) }
  }

  private post(
    url: string,
    headers: Record<string, string>,
    rawBody: string
  ): Promise<{ status: number; body: string; error?: string }> {
    return new Promise((resolve) => {
      let target: URL
      try {
        target = new URL(url)
      } catch {
        resolve({ status: 0, body: "", error: `invalid URL ${url}` })
        return
      }
      const transport = target.protocol === "https:" ? https : http
      const body = Buffer.from(rawBody, "utf8")
      const req = transport.request(
        target,
        { method: "POST", headers: { ...headers, "Content-Length": String(body.length) } },
        (res) => {
          const chunks: Buffer[] = []
          res.on("data", (c: Buffer) => chunks.push(c))
          res.on("end", () => {
            clearTimeout(timer)
            this.inflight.delete(req)
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") })
          })
          res.on("error", (err) => {
            clearTimeout(timer)
            this.inflight.delete(req)
            resolve({ status: 0, body: "", error: err.message })
          })
        }
      )
      const timer = setTimeout(() => {
        req.destroy(new Error(`webhook timed out after ${this.timeoutMs} ms`))
      }, this.timeoutMs)
      this.inflight.add(req)
      req.on("error", (err) => {
        clearTimeout(timer)
        this.inflight.delete(req)
        resolve({ status: 0, body: "", error: err.message })
      })
      req.end(body)
    })
  }

  clearQueue(): void {
    this.queue = []
  }

  close(): void {
    this.closed = true
    this.queue = []
    for (const req of this.inflight) {
      req.destroy(new Error("sandbox closed"))
    }
  }
}
