import {
  buildContactPayload,
  buildConversationPayload,
  buildMessagePayload,
} from "../../../../integration-tests/sandbox"
import {
  contactDifferences,
  contactFacts,
  conversationSnapshot,
  messageFacts,
  orderNumbersIn,
  tierMayHaveChanged,
} from "../mirror-data"

describe("conversationSnapshot (§5.2 conversation webhook data)", () => {
  it("reads status, priority, assignee, team, labels, inbox, unread, contact and the order attribute", () => {
    const snap = conversationSnapshot(
      buildConversationPayload("conversation_updated", {
        status: "snoozed",
        priority: "urgent",
        labels: ["vip", "returns"],
        unread_count: 4,
        custom_attributes: { order_id: "1042" },
        additional_attributes: { browser_language: "de" },
        meta: { assignee: { id: 3, name: "Alex Agent", available_name: "Alex" }, assignee_type: "User", team: { id: 2, name: "eu" } },
      })
    )!
    expect(snap).toMatchObject({
      chatwoot_conversation_id: 42,
      chatwoot_inbox_id: 3,
      chatwoot_contact_id: 7,
      identifier: "cus_01J0000000000000000000000",
      email: "jane@example.com",
      status: "snoozed",
      priority: "urgent",
      assignee_id: 3,
      assignee_name: "Alex",
      team_id: 2,
      team_name: "eu",
      labels: ["vip", "returns"],
      unread_count: 4,
      order_ref: "1042",
      language: "de",
    })
    expect(snap.chatwoot_updated_at.getTime()).toBe(1781690400123)
  })

  it("an agent bot is not an assignee; unreadable data gives null", () => {
    const snap = conversationSnapshot(buildConversationPayload("conversation_updated", { meta: { assignee: { id: 9, name: "Bot" }, assignee_type: "AgentBot" } }))!
    expect(snap.assignee_id).toBeNull()
    expect(conversationSnapshot({ id: "x" })).toBeNull()
    expect(conversationSnapshot(null)).toBeNull()
  })
})

describe("conversationSnapshot identity trust", () => {
  it("trusts an identifier only from a session Chatwoot marks HMAC-verified, whatever the channel", () => {
    const verified = buildConversationPayload("conversation_created")
    expect(conversationSnapshot(verified)!.identity_verified).toBe(true)
    const claimed = buildConversationPayload("conversation_created", {
      meta: { hmac_verified: false },
      contact_inbox: { hmac_verified: false },
    })
    expect(conversationSnapshot(claimed)!.identifier).toBe("cus_01J0000000000000000000000")
    expect(conversationSnapshot(claimed)!.identity_verified).toBe(false)
    const viaContactInbox = buildConversationPayload("conversation_created", { meta: { hmac_verified: false } })
    expect(conversationSnapshot(viaContactInbox)!.identity_verified).toBe(true)
    const apiInbox = buildConversationPayload("conversation_created", {
      channel: "Channel::Api",
      meta: { hmac_verified: false },
      contact_inbox: { hmac_verified: false },
    })
    // an API inbox (the contact form) or e-mail inbox is no evidence: Chatwoot reuses contacts by e-mail
    expect(conversationSnapshot(apiInbox)!.identity_verified).toBe(false)
  })

  it("an anonymous contact-form sender's typed e-mail comes from the conversation attribute when the contact has none", () => {
    const form = buildConversationPayload("conversation_created", {
      channel: "Channel::Api",
      custom_attributes: { medusa_contact_email: "Typed@Example.com" },
      meta: { hmac_verified: false, sender: { email: null, identifier: null } },
      contact_inbox: { hmac_verified: false },
    })
    expect(conversationSnapshot(form)).toMatchObject({ email: "typed@example.com", identity_verified: false, identifier: null })
  })
})

describe("messageFacts", () => {
  it("incoming public = customer; outgoing public = agent; private notes and activity = neither", () => {
    expect(messageFacts(buildMessagePayload("message_created")).from).toBe("customer")
    expect(
      messageFacts(buildMessagePayload("message_created", { message_type: "outgoing", sender: { id: 1, name: "A", type: "user" } as never })).from
    ).toBe("agent")
    expect(
      messageFacts(buildMessagePayload("message_created", { message_type: "outgoing", private: true, sender: { id: 1, name: "A", type: "user" } as never })).from
    ).toBeNull()
    expect(messageFacts(buildMessagePayload("message_created", { message_type: "activity" as never })).from).toBeNull()
    expect(messageFacts(buildMessagePayload("message_created", { private: true })).from).toBeNull()
    expect(messageFacts(buildMessagePayload("message_created")).at?.toISOString()).toBe("2026-06-17T10:00:00.000Z")
  })
})

describe("orderNumbersIn", () => {
  it.each([
    ["Where is my order #1042?", [1042]],
    ["order 1042 and order no. 77", [1042, 77]],
    ["Bestellung Nr. 555 ist nicht da", [555]],
    ["Order number: 12", [12]],
    ["I have 3 questions about 2024 prices", []],
    ["#0", []],
    [null, []],
  ])("%s → %j", (text, numbers) => {
    expect(orderNumbersIn(text as string | null)).toEqual(numbers)
  })
})

describe("contact review", () => {
  const facts = (changed: object[] | undefined, over: object = {}) =>
    contactFacts(buildContactPayload("contact_updated", { phone_number: "+4915199999999", ...over }, changed as never))!

  it("reports changed standard fields that differ from Medusa", () => {
    const f = facts([{ phone_number: { previous_value: "+49151", current_value: "+4915199999999" } }])
    expect(contactDifferences(f, { name: "Jane Doe", email: "jane@example.com", phone_number: "+4915112345678" })).toEqual({
      phone_number: { chatwoot: "+4915199999999", medusa: "+4915112345678" },
    })
  })

  it("ignores fields the delivery did not change and values that match Medusa (the plugin's own sync)", () => {
    const f = facts([{ name: { previous_value: "J", current_value: "Jane Doe" } }])
    expect(contactDifferences(f, { name: "Jane Doe", email: "other@example.com", phone_number: null })).toEqual({})
    const g = facts([{ email: { previous_value: "a@b.c", current_value: "jane@example.com" } }])
    expect(contactDifferences(g, { name: null, email: "JANE@example.com", phone_number: null })).toEqual({})
  })

  it("notices a changed tier attribute", () => {
    const changed = (before: string, after: string) =>
      buildContactPayload("contact_updated", {}, [
        { custom_attributes: { previous_value: { medusa_tier: before }, current_value: { medusa_tier: after } } },
      ] as never)
    expect(tierMayHaveChanged(changed("bronze", "gold"))).toBe(true)
    expect(tierMayHaveChanged(changed("gold", "gold"))).toBe(false)
    expect(tierMayHaveChanged(buildContactPayload("contact_updated", {}, [{ name: { previous_value: "a", current_value: "b" } }]))).toBe(false)
  })
})
