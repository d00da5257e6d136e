import { ChatwootApiError, type PublicApi } from ".."
import { startHarness, tokenHeader, type Harness } from "./helpers/sandbox"

describe("client.public(inboxIdentifier) against the sandbox", () => {
  let h: Harness
  let pub: PublicApi

  beforeAll(async () => {
    h = await startHarness()
    const admin = h.sandbox.createAccountWithAdmin({ name: "Storefront P" })
    const inbox = await h.client
      .account(admin.accountId, admin.accessToken)
      .inboxes.create({ name: "Contact form", channel: { type: "api" } })
    pub = h.client.public(inbox.inbox_identifier!)
  })
  afterAll(async () => {
    await h.close()
  })

  it("runs the contact-form recipe: contact → conversation → message, with no token", async () => {
    h.sandbox.clearLog()
    expect(await pub.get()).toMatchObject({ identifier: pub.inboxIdentifier })

    const contact = await pub.contacts.create({ name: "Form Visitor", email: "visitor@example.com" })
    expect(contact).toMatchObject({ id: expect.any(Number), source_id: expect.any(String) })
    expect(await pub.contacts.get(contact.source_id)).toMatchObject({ id: contact.id, email: "visitor@example.com" })

    const conversation = await pub.conversations.create(contact.source_id, { custom_attributes: { order_id: "order_9" } })
    expect(conversation.id).toEqual(expect.any(Number))
    expect((await pub.conversations.list(contact.source_id)).map((c) => c.id)).toContain(conversation.id)

    const message = await pub.messages.create(contact.source_id, conversation.id, {
      content: "My parcel never arrived",
      echo_id: "form-1",
    })
    expect(message).toMatchObject({ id: expect.any(Number), content: "My parcel never arrived" })
    expect((await pub.messages.list(contact.source_id, conversation.id)).map((m) => m.id)).toContain(message.id)

    expect(h.sandbox.requests).toHaveLength(7)
    for (const entry of h.sandbox.requests) {
      expect(entry.path.startsWith("/public/api/v1/inboxes/")).toBe(true)
      expect(tokenHeader(entry)).toBeUndefined()
    }
  })

  it("maps an unknown inbox to a ChatwootApiError 404", async () => {
    const error = await h.client.public("no-such-inbox").get().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ChatwootApiError)
    expect(error).toMatchObject({ status: 404 })
  })
})
