import type { PublicApi } from "../../../../modules/chatwoot/client"
import {
  contactFormContact,
  contactFormContent,
  deliverContactMessage,
  type ContactMessageInput,
} from "../../../../sync/handlers/contact-message"

type Conv = { id: number; messages: { id: number; content: string; message_type: number; created_at: number }[] }

function fakeApi(conversations: Conv[]) {
  const calls: string[] = []
  const api = {
    inboxIdentifier: "inbox-1",
    contacts: {
      create: async (input: { source_id?: string; email?: string }) => {
        calls.push(input.email ? `contact ${input.email}` : "contact")
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

const HEADER = "[Contact form, not verified] E-mail given: a@x.com\n\n"

describe("deliverContactMessage", () => {
  it("first attempt, anonymous sender: a contact without the typed e-mail, the e-mail on the conversation and atop the plain-text message; no lookups", async () => {
    const { api, calls } = fakeApi([])
    expect(await deliverContactMessage(api, input, { retry: false })).toEqual({ conversation_id: 99, already_sent: false })
    expect(calls).toEqual([
      "contact",
      'conversation {"custom_attributes":{"medusa_order_id":"order_1","medusa_contact_email":"a@x.com"}}',
      `message 99 ${HEADER}<b>hi</b>`,
    ])
  })

  it("a logged-in sender: the contact carries their account e-mail, the conversation is recorded as theirs before the message", async () => {
    const { api, calls } = fakeApi([])
    const claimed: number[] = []
    const mine: ContactMessageInput = { ...input, customer_id: "cus_1", customer_email: "a@x.com" }
    await deliverContactMessage(api, mine, {
      retry: false,
      onConversation: async (id) => {
        claimed.push(id)
        calls.push(`claim ${id}`)
      },
    })
    expect(claimed).toEqual([99])
    expect(calls).toEqual(["contact a@x.com", 'conversation {"custom_attributes":{"medusa_order_id":"order_1"}}', "claim 99", "message 99 <b>hi</b>"])
  })

  it("an anonymous sender and a logged-in customer with the same e-mail get different contact inboxes", () => {
    const anon = contactFormContact("inbox-1", input)
    const customer = contactFormContact("inbox-1", { ...input, customer_id: "cus_1", customer_email: "a@x.com" })
    expect(anon.source_id).not.toBe(customer.source_id)
    expect(anon).not.toHaveProperty("email")
    expect(contactFormContent({ ...input, customer_id: "cus_1", customer_email: "other@x.com" })).toMatch(/^\[Contact form, logged-in customer\] Reply-to e-mail given: a@x.com/)
  })

  it("a retry finding the message already sent sends nothing", async () => {
    const { api, calls } = fakeApi([{ id: 5, messages: [{ id: 1, content: `${HEADER}<b>hi</b>`, message_type: 0, created_at: at + 1 }] }])
    expect(await deliverContactMessage(api, input, { retry: true })).toEqual({ conversation_id: 5, already_sent: true })
    expect(calls).toEqual(["contact", "list"])
  })

  it("a retry reuses a conversation left without an incoming message, and ignores old identical messages", async () => {
    const { api, calls } = fakeApi([
      { id: 3, messages: [{ id: 1, content: `${HEADER}<b>hi</b>`, message_type: 0, created_at: at - 3600 }] },
      { id: 7, messages: [] },
    ])
    expect(await deliverContactMessage(api, input, { retry: true })).toEqual({ conversation_id: 7, already_sent: false })
    expect(calls).toEqual(["contact", "list", `message 7 ${HEADER}<b>hi</b>`])
  })
})
