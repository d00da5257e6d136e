import type { PublicApi } from "../../../../modules/chatwoot/client"
import { deliverContactMessage, type ContactMessageInput } from "../../../../workflows/sync/contact-message"

type Conv = { id: number; messages: { id: number; content: string; message_type: number; created_at: number }[] }

function fakeApi(conversations: Conv[]) {
  const calls: string[] = []
  const api = {
    inboxIdentifier: "inbox-1",
    contacts: {
      create: async (input: { source_id?: string }) => {
        calls.push("contact")
        return { id: 1, source_id: input.source_id! }
      },
    },
    conversations: {
      list: async () => {
        calls.push("list")
        return conversations
      },
      create: async (_sid: string, input: unknown) => {
        calls.push(`conversation ${JSON.stringify(input)}`)
        return { id: 99 }
      },
    },
    messages: {
      create: async (_sid: string, conversationId: number, input: { content: string }) => {
        calls.push(`message ${conversationId} ${input.content}`)
        return { id: 1, message_type: 0 }
      },
    },
  }
  return { api: api as unknown as PublicApi, calls }
}

const submitted = "2026-11-26T12:00:00.000Z"
const at = Date.parse(submitted) / 1000
const input: ContactMessageInput = { email: "a@x.com", message: "<b>hi</b>", medusa_order_id: "order_1", submitted_at: submitted }

describe("deliverContactMessage", () => {
  it("first attempt: contact, conversation with the order, message as plain text; no lookups", async () => {
    const { api, calls } = fakeApi([])
    expect(await deliverContactMessage(api, input, { retry: false })).toEqual({ conversation_id: 99, already_sent: false })
    expect(calls).toEqual(["contact", 'conversation {"custom_attributes":{"medusa_order_id":"order_1"}}', "message 99 <b>hi</b>"])
  })

  it("a retry finding the message already sent sends nothing", async () => {
    const { api, calls } = fakeApi([{ id: 5, messages: [{ id: 1, content: "<b>hi</b>", message_type: 0, created_at: at + 1 }] }])
    expect(await deliverContactMessage(api, input, { retry: true })).toEqual({ conversation_id: 5, already_sent: true })
    expect(calls).toEqual(["contact", "list"])
  })

  it("a retry reuses a conversation left without an incoming message, and ignores old identical messages", async () => {
    const { api, calls } = fakeApi([
      { id: 3, messages: [{ id: 1, content: "<b>hi</b>", message_type: 0, created_at: at - 3600 }] },
      { id: 7, messages: [] },
    ])
    expect(await deliverContactMessage(api, input, { retry: true })).toEqual({ conversation_id: 7, already_sent: false })
    expect(calls).toEqual(["contact", "list", "message 7 <b>hi</b>"])
  })
})
