/**
 * Chatwoot sandbox: account webhooks — signing exactly as Chatwoot does it (HMAC-SHA256 of
 * "<ts>.<raw body>"), automatic events on API state changes, payload shapes, delivery semantics
 * and the HTTP controls.
 */
import { createHmac, timingSafeEqual } from "node:crypto"
import http from "node:http"
import type { AddressInfo } from "node:net"

import {
  buildContactPayload,
  buildConversationPayload,
  buildMessagePayload,
  buildTypingPayload,
  buildWebhookPayload,
  buildWebwidgetTriggeredPayload,
  signWebhookBody,
  startSandbox,
  type Sandbox,
} from "../sandbox"
import { provisionAccount, rawApi, type ProvisionedAccount } from "../sandbox/testing"

/** The receiver's signature verification recipe, verbatim (independent of the sandbox code). */
function verifyChatwoot(raw: Buffer, headers: Record<string, string | undefined>, secret: string, maxSkewSec = 300) {
  const ts = headers["x-chatwoot-timestamp"]
  const sig = headers["x-chatwoot-signature"]
  if (!ts || !sig || !/^\d+$/.test(ts)) return false
  if (Math.abs(Date.now() / 1000 - Number(ts)) > maxSkewSec) return false
  const expected = "sha256=" + createHmac("sha256", secret).update(`${ts}.`).update(raw).digest("hex")
  const a = Buffer.from(sig)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

interface Received {
  raw: Buffer
  headers: Record<string, string | undefined>
  json: Record<string, unknown> & { event: string }
}

/** A tiny webhook receiver: records every POST, answers with the configured status. */
async function startReceiver() {
  const received: Received[] = []
  const state = { status: 200, delayMs: 0 }
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => {
      const raw = Buffer.concat(chunks)
      const headers: Record<string, string | undefined> = {}
      for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(",") : v
      received.push({ raw, headers, json: JSON.parse(raw.toString("utf8")) })
      setTimeout(() => {
        res.writeHead(state.status, { "content-type": "text/plain" })
        res.end(state.status < 300 ? "ok" : "nope")
      }, state.delayMs)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/chatwoot/1`
  return {
    url,
    received,
    state,
    ofEvent: (event: string) => received.filter((r) => r.json.event === event),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

type Receiver = Awaited<ReturnType<typeof startReceiver>>

describe("Chatwoot sandbox: webhook signing", () => {
  let sandbox: Sandbox
  let receiver: Receiver
  let shop: ProvisionedAccount
  let secret: string

  beforeAll(async () => {
    sandbox = await startSandbox()
    receiver = await startReceiver()
    shop = await provisionAccount(sandbox)
    const created = await rawApi(sandbox, shop.adminToken)<{ payload: { webhook: { secret: string } } }>(
      "POST",
      `/api/v1/accounts/${shop.accountId}/webhooks`,
      { webhook: { url: receiver.url, name: "Medusa", subscriptions: ["contact_created", "contact_updated", "message_created", "conversation_created", "conversation_status_changed", "conversation_updated"] } }
    )
    secret = created.body.payload.webhook.secret
  })

  beforeEach(async () => {
    await sandbox.flushWebhooks()
    receiver.received.length = 0
    receiver.state.status = 200
    receiver.state.delayMs = 0
  })

  afterAll(async () => {
    await sandbox.close()
    await receiver.close()
  })

  it("signs an API-triggered event so the verification recipe verifies it over the raw body", async () => {
    await rawApi(sandbox, shop.adminToken)("POST", `/api/v1/accounts/${shop.accountId}/contacts`, {
      name: "Jane",
      email: "jane@example.com",
      identifier: "cus_1",
    })
    await sandbox.flushWebhooks()
    const [delivery] = receiver.ofEvent("contact_created")
    expect(delivery).toBeDefined()
    expect(delivery.headers["content-type"]).toBe("application/json")
    expect(delivery.headers.accept).toBe("application/json")
    expect(delivery.headers["x-chatwoot-delivery"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(delivery.headers["x-chatwoot-signature"]).toMatch(/^sha256=[0-9a-f]{64}$/)
    expect(verifyChatwoot(delivery.raw, delivery.headers, secret)).toBe(true)
    // the exported helper computes the same hex
    expect(`sha256=${signWebhookBody(secret, delivery.headers["x-chatwoot-timestamp"] ?? "", delivery.raw)}`).toBe(
      delivery.headers["x-chatwoot-signature"]
    )
    expect(delivery.json).toMatchObject({ event: "contact_created", identifier: "cus_1", email: "jane@example.com", account: { id: shop.accountId } })
  })

  it("fails verification for a tampered body, a wrong secret and a stale timestamp", async () => {
    const results = await sandbox.sendWebhook(shop.accountId, "message_created", buildMessagePayload("message_created", { content: "original" }))
    expect(results).toHaveLength(1)
    const [delivery] = receiver.received
    expect(verifyChatwoot(delivery.raw, delivery.headers, secret)).toBe(true)
    const tampered = Buffer.from(delivery.raw.toString("utf8").replace("original", "tampered"))
    expect(verifyChatwoot(tampered, delivery.headers, secret)).toBe(false)
    // a re-serialisation of the same JSON with other whitespace is not the raw body either
    expect(verifyChatwoot(Buffer.from(JSON.stringify(delivery.json, null, 2)), delivery.headers, secret)).toBe(false)
    expect(verifyChatwoot(delivery.raw, delivery.headers, `${secret}x`)).toBe(false)

    receiver.received.length = 0
    const stale = Math.floor(Date.now() / 1000) - 3600
    await sandbox.sendWebhook(shop.accountId, "message_created", buildMessagePayload("message_created"), { timestamp: stale })
    const old = receiver.received[0]
    expect(old.headers["x-chatwoot-timestamp"]).toBe(String(stale))
    // correctly signed, but rejected by the receiver's replay window
    expect(`sha256=${signWebhookBody(secret, stale, old.raw)}`).toBe(old.headers["x-chatwoot-signature"])
    expect(verifyChatwoot(old.raw, old.headers, secret)).toBe(false)
  })

  it("sends unsigned deliveries and forced delivery ids on request", async () => {
    const results = await sandbox.sendWebhook(shop.accountId, "contact_updated", buildContactPayload("contact_updated"), {
      sign: false,
      deliveryId: "11111111-2222-4333-8444-555555555555",
    })
    expect(results).toEqual([{ url: receiver.url, status: 200, body: "ok", deliveryId: "11111111-2222-4333-8444-555555555555" }])
    const [delivery] = receiver.received
    expect(delivery.headers["x-chatwoot-signature"]).toBeUndefined()
    expect(delivery.headers["x-chatwoot-timestamp"]).toBeUndefined()
    expect(delivery.headers["x-chatwoot-delivery"]).toBe("11111111-2222-4333-8444-555555555555")
    expect(verifyChatwoot(delivery.raw, delivery.headers, secret)).toBe(false)
  })

  it("delivers only to webhooks subscribed to the event, of that account", async () => {
    const other = await provisionAccount(sandbox, "Other shop")
    expect(await sandbox.sendWebhook(other.accountId, "message_created", buildMessagePayload("message_created"))).toEqual([])
    expect(await sandbox.sendWebhook(shop.accountId, "webwidget_triggered", buildWebwidgetTriggeredPayload())).toEqual([])
    expect(receiver.received).toHaveLength(0)
  })

  it("does not retry a non-2xx answer and reports it", async () => {
    receiver.state.status = 500
    const results = await sandbox.sendWebhook(shop.accountId, "message_created", buildMessagePayload("message_created"))
    expect(results).toEqual([expect.objectContaining({ status: 500, body: "nope" })])
    await new Promise((r) => setTimeout(r, 50))
    expect(receiver.received).toHaveLength(1)
    expect(sandbox.deliveries[sandbox.deliveries.length - 1]).toMatchObject({ event: "message_created", status: 500, webhookId: expect.any(Number) })
  })

  it("gives up after webhookTimeoutMs like WEBHOOK_TIMEOUT", async () => {
    const quick = await startSandbox({ webhookTimeoutMs: 100 })
    try {
      const s = await provisionAccount(quick)
      await rawApi(quick, s.adminToken)("POST", `/api/v1/accounts/${s.accountId}/webhooks`, { url: receiver.url, subscriptions: ["message_created"] })
      receiver.state.delayMs = 500
      const [result] = await quick.sendWebhook(s.accountId, "message_created", buildMessagePayload("message_created"))
      expect(result.status).toBe(0)
      expect(result.error).toContain("timed out after 100 ms")
    } finally {
      await quick.close()
    }
  })
})

describe("Chatwoot sandbox: automatic webhooks on API changes", () => {
  let sandbox: Sandbox
  let receiver: Receiver
  let shop: ProvisionedAccount

  beforeAll(async () => {
    sandbox = await startSandbox()
    receiver = await startReceiver()
    shop = await provisionAccount(sandbox)
    await rawApi(sandbox, shop.adminToken)("POST", `/api/v1/accounts/${shop.accountId}/webhooks`, {
      url: receiver.url,
      subscriptions: [
        "contact_created",
        "contact_updated",
        "conversation_created",
        "conversation_updated",
        "conversation_status_changed",
        "message_created",
      ],
    })
  })

  afterAll(async () => {
    await sandbox.close()
    await receiver.close()
  })

  it("fires contact, conversation and message events in Chatwoot's shapes", async () => {
    const api = rawApi(sandbox, shop.adminToken)
    const A = `/api/v1/accounts/${shop.accountId}`
    const contact = await api<{ payload: { contact: { id: number } } }>("POST", `${A}/contacts`, { name: "Jane", email: "jane@example.com", identifier: "cus_1" })
    const contactId = contact.body.payload.contact.id
    await api("PUT", `${A}/contacts/${contactId}`, { custom_attributes: { tier: "gold" } })
    // an update that changes nothing fires nothing
    await api("PUT", `${A}/contacts/${contactId}`, { custom_attributes: { tier: "gold" } })
    const conv = await api<{ id: number }>("POST", `${A}/conversations`, { inbox_id: shop.apiInboxId, contact_id: contactId })
    await api("POST", `${A}/conversations/${conv.body.id}/messages`, { content: "Where is my order?", message_type: "incoming" })
    await api("POST", `${A}/conversations/${conv.body.id}/messages`, { content: "internal", private: true })
    await api("POST", `${A}/conversations/${conv.body.id}/toggle_status`, { status: "resolved" })
    await api("POST", `${A}/conversations/${conv.body.id}/toggle_priority`, { priority: "high" })
    await sandbox.flushWebhooks()

    expect(receiver.received.map((r) => r.json.event)).toEqual([
      "contact_created",
      "contact_updated",
      "conversation_created",
      "message_created",
      "message_created",
      "conversation_status_changed",
      "conversation_updated",
      "conversation_updated",
    ])
    const updated = receiver.ofEvent("contact_updated")[0].json
    expect(updated.changed_attributes).toEqual([{ custom_attributes: { previous_value: {}, current_value: { tier: "gold" } } }])

    const [incoming, note] = receiver.ofEvent("message_created").map((r) => r.json)
    expect(incoming).toMatchObject({
      message_type: "incoming",
      private: false,
      content: "Where is my order?",
      inbox: { id: shop.apiInboxId },
      account: { id: shop.accountId },
      conversation: { id: conv.body.id, meta: { sender: { id: contactId, type: "contact" } } },
      sender: { id: contactId, identifier: "cus_1" },
    })
    expect(typeof incoming.created_at).toBe("string")
    // private notes arrive as outgoing message_created with private: true
    expect(note).toMatchObject({ message_type: "outgoing", private: true, sender: { type: "user", id: shop.userId } })

    const statusChanged = receiver.ofEvent("conversation_status_changed")[0].json
    expect(statusChanged).toMatchObject({ id: conv.body.id, status: "resolved", changed_attributes: null })
    const [resolved, priority] = receiver.ofEvent("conversation_updated").map((r) => r.json)
    expect(resolved.changed_attributes).toEqual(
      expect.arrayContaining([{ status: { previous_value: "open", current_value: "resolved" } }])
    )
    expect(priority.changed_attributes).toEqual([{ priority: { previous_value: null, current_value: "high" } }])
  })

  it("fires message_created for an agent reply from the control endpoint", async () => {
    receiver.received.length = 0
    const conv = [...sandbox.state.conversations.values()].find((c) => c.account_id === shop.accountId)
    expect(conv).toBeDefined()
    const reply = await rawApi(sandbox)<{ id: number; message_type: number; sender: { type: string } }>("POST", "/__sandbox/agent-reply", {
      account_id: shop.accountId,
      conversation_id: conv?.display_id,
      content: "Your parcel ships today",
    })
    expect(reply.status).toBe(200)
    expect(reply.body).toMatchObject({ message_type: 1, sender: { type: "user" } })
    await sandbox.flushWebhooks()
    expect(receiver.ofEvent("message_created").map((r) => r.json)).toEqual([
      expect.objectContaining({ message_type: "outgoing", private: false, content: "Your parcel ships today" }),
    ])
  })

  it("sends webhooks through the control endpoint and stays quiet when autoWebhooks is off", async () => {
    receiver.received.length = 0
    const control = rawApi(sandbox)
    const sent = await control<{ results: Array<{ status: number }> }>("POST", "/__sandbox/webhook", {
      account_id: shop.accountId,
      event: "conversation_created",
      payload: buildConversationPayload("conversation_created", { account: { id: shop.accountId } }),
    })
    expect(sent.body.results).toEqual([expect.objectContaining({ status: 200 })])

    sandbox.autoWebhooks = false
    try {
      await rawApi(sandbox, shop.adminToken)("POST", `/api/v1/accounts/${shop.accountId}/contacts`, { name: "Quiet", email: "quiet@example.com" })
      await sandbox.flushWebhooks()
      expect(receiver.received.map((r) => r.json.event)).toEqual(["conversation_created"])
    } finally {
      sandbox.autoWebhooks = true
    }
  })
})

describe("webhook payload builders (account-webhook payload shapes)", () => {
  it("build every event with its event key and deep-merged overrides", () => {
    const conv = buildConversationPayload("conversation_updated", { id: 9, meta: { sender: { identifier: "cus_9" } } })
    expect(conv).toMatchObject({ event: "conversation_updated", id: 9, meta: { sender: { identifier: "cus_9", type: "contact" } } })
    expect(conv.changed_attributes).toEqual([{ status: { previous_value: "pending", current_value: "open" } }])
    expect(buildConversationPayload("conversation_status_changed").changed_attributes).toBeNull()
    expect(buildConversationPayload("conversation_created")).not.toHaveProperty("changed_attributes")

    const note = buildMessagePayload("message_created", { private: true, message_type: "outgoing", sender: null })
    expect(note).toMatchObject({ event: "message_created", private: true, message_type: "outgoing", sender: null })
    expect(note.conversation.messages[0].message_type).toBe(0)

    expect(buildContactPayload("contact_created")).toMatchObject({ event: "contact_created", account: { id: 1 } })
    expect(buildTypingPayload("conversation_typing_on")).toMatchObject({ event: "conversation_typing_on", is_private: false })
    expect(buildWebwidgetTriggeredPayload({ event_info: { widget_language: "de" } }).event_info.widget_language).toBe("de")
    const events = [
      "conversation_created",
      "conversation_updated",
      "conversation_status_changed",
      "message_created",
      "message_updated",
      "contact_created",
      "contact_updated",
      "webwidget_triggered",
      "conversation_typing_on",
      "conversation_typing_off",
    ] as const
    expect(events.map((e) => buildWebhookPayload(e).event)).toEqual([...events])
  })

  it("returns fresh objects", () => {
    const a = buildMessagePayload("message_created")
    a.conversation.labels.push("mutated")
    expect(buildMessagePayload("message_created").conversation.labels).toEqual([])
  })
})
