import {
  buildContactPayload,
  buildConversationPayload,
  buildMessagePayload,
  buildTypingPayload,
  buildWebwidgetTriggeredPayload,
} from "../../../../../integration-tests/sandbox"
import {
  contactFacts,
  conversationSnapshot,
  messageFacts,
  tierMayHaveChanged,
} from "../../../../workflows/webhooks/mirror-data"
import { isProcessedWebhookEvent, PROCESSED_WEBHOOK_EVENTS, webhookEventData } from "../events"

const SECRETS = ["pubsub-SECRET-1", "hmac-SECRET-2", "website-SECRET-3", "channel-SECRET-4", "source-SECRET-5"]

/** A delivery as Chatwoot could send it, with secrets in every place Chatwoot puts some. */
const withSecrets = <T extends Record<string, unknown>>(payload: T): T => {
  const p = JSON.parse(JSON.stringify(payload))
  const spice = (c: Record<string, any> | undefined) => {
    if (!c) return
    c.contact_inbox = { ...(c.contact_inbox ?? {}), pubsub_token: SECRETS[0], source_id: SECRETS[4] }
    c.channel_record = { hmac_token: SECRETS[1], website_token: SECRETS[2], secret: SECRETS[3] }
    c.custom_attributes = { ...(c.custom_attributes ?? {}), medusa_order_id: "order_1", agent_note: SECRETS[3] }
    if (c.meta?.sender) c.meta.sender.custom_attributes = { token: SECRETS[1] }
  }
  spice(p)
  spice(p.conversation)
  spice(p.current_conversation)
  p.inbox = { id: 3, channel: { hmac_token: SECRETS[1], website_token: SECRETS[2] } }
  p.__proto__polluted = { token: SECRETS[3] }
  return p
}

const expectNoSecret = (value: unknown) => {
  const text = JSON.stringify(value)
  for (const s of SECRETS) expect(text).not.toContain(s)
  expect(text).not.toMatch(/pubsub_token|hmac_token|website_token|source_id|"secret"/)
}

describe("webhook events: what reaches the event bus", () => {
  it("only the events the planner processes; inbox and typing events are dropped", () => {
    for (const event of PROCESSED_WEBHOOK_EVENTS) expect(isProcessedWebhookEvent(event)).toBe(true)
    for (const event of ["inbox_created", "inbox_updated", "conversation_typing_on", "conversation_typing_off", "contact_created", "account_created", "toString", "__proto__", "constructor"]) {
      expect(isProcessedWebhookEvent(event)).toBe(false)
    }
  })

  it("strips every secret but keeps what the mirror reads (conversation, message, widget, contact)", () => {
    const conversation = withSecrets(
      buildConversationPayload("conversation_updated", {
        status: "pending",
        priority: "high",
        labels: ["vip"],
        custom_attributes: { order_id: "1042" },
        additional_attributes: { conversation_language: "de" } as never,
        meta: { assignee: { id: 5, name: "Alex", available_name: "Al" } as never, assignee_type: "User", team: { id: 2, name: "sales" } },
      })
    )
    const stripped = webhookEventData("conversation_updated", conversation)
    expectNoSecret(stripped)
    expect(conversationSnapshot(stripped)).toEqual(conversationSnapshot(conversation))
    expect((stripped as { messages?: unknown }).messages).toBeUndefined()

    const message = withSecrets(buildMessagePayload("message_created", { content: "order #1042 please" }))
    const m = webhookEventData("message_created", message)
    expectNoSecret(m)
    expect(messageFacts(m)).toEqual(messageFacts(message))
    expect(conversationSnapshot(m.conversation)).toEqual(conversationSnapshot(message.conversation))
    const note = withSecrets(buildMessagePayload("message_created", { message_type: "outgoing", private: true, sender: { id: 1, type: "user" } as never }))
    expect(messageFacts(webhookEventData("message_created", note))).toEqual(messageFacts(note))
    const huge = webhookEventData("message_created", buildMessagePayload("message_created", { content: "x".repeat(150_000) }))
    expect((huge.content as string).length).toBe(4096)

    const widget = withSecrets(buildWebwidgetTriggeredPayload({ current_conversation: buildConversationPayload("conversation_created", { id: 44 }) } as never))
    const w = webhookEventData("webwidget_triggered", widget)
    expectNoSecret(w)
    expect(conversationSnapshot(w.current_conversation)).toEqual(conversationSnapshot(widget.current_conversation))

    for (const changed of [
      [{ phone_number: { previous_value: "+49151", current_value: "+49152" } }],
      [{ custom_attributes: { previous_value: { medusa_tier: "silver", token: SECRETS[1] }, current_value: { medusa_tier: "gold" } } }],
      [{ custom_attributes: { previous_value: { medusa_tier: "gold" }, current_value: { medusa_tier: "gold" } } }],
      undefined,
    ]) {
      const contact = withSecrets(buildContactPayload("contact_updated", { identifier: "cus_1", email: "a@example.com" }, changed as never))
      const c = webhookEventData("contact_updated", contact)
      expectNoSecret(c)
      expect(contactFacts(c)).toEqual(contactFacts(contact))
      expect(tierMayHaveChanged(c)).toBe(tierMayHaveChanged(contact))
    }
  })

  it("never passes nested objects where a scalar is read, nor unknown keys", () => {
    const typing = buildTypingPayload("conversation_typing_on")
    expect(isProcessedWebhookEvent(typing.event)).toBe(false)
    const odd = webhookEventData("conversation_created", {
      event: "conversation_created",
      id: { $gt: 1 },
      status: ["open"],
      updated_at: 1,
      meta: { sender: { identifier: { toString: "x" }, email: "a@b.c" } },
      extra: "nope",
    } as never)
    expect(odd).toEqual({ event: "conversation_created", updated_at: 1, meta: { sender: { email: "a@b.c" } } })
  })
})
