import {
  buildContactPayload,
  buildConversationPayload,
  buildMessagePayload,
  buildWebwidgetTriggeredPayload,
} from "../../../../../integration-tests/sandbox"
import { webhookEventData, type ProcessedWebhookEvent } from "../../../../modules/chatwoot/webhooks/events"
import { accountGate, orderRefFilters, planWebhook, type PlannerAccountRow, type PlannerOrder, type WebhookLookups } from ".."

const CUSTOMER = "cus_01J0000000000000000000000"
/** A session Chatwoot does not mark HMAC-verified. */
const UNVERIFIED = { contact_inbox: { hmac_verified: false }, meta: { hmac_verified: false } }
const ROW: PlannerAccountRow = { id: "acc_1", status: "active", chatwoot_account_id: 1, storefronts: [{ sales_channel_id: "sc_1" }] }

/** A delivery as the webhook route stores it: the payload reduced to the fields the planner reads. */
function delivery(event: ProcessedWebhookEvent, payload: object) {
  return { delivery_id: "del_1", account_id: "acc_1", event, payload: webhookEventData(event, { ...payload }) }
}

type Fake = {
  customers?: Record<string, { email: string | null; first_name: string | null; last_name: string | null; phone: string | null }>
  orders?: PlannerOrder[]
  guests?: string[]
  inboxes?: Record<number, string>
  recorded?: { customer_id: string | null; identity_source: string | null } | null
}

function lookups(fake: Fake = {}): WebhookLookups & { calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    inboxSalesChannel: async (_a, inbox) => (calls.push("inbox"), fake.inboxes?.[inbox] ?? null),
    recordedOwner: async () => (calls.push("recorded"), fake.recorded ?? null),
    customerExists: async (id) => (calls.push("exists"), Boolean(fake.customers?.[id])),
    customer: async (id) => (calls.push("customer"), fake.customers?.[id] ?? null),
    orders: async (filters) => {
      calls.push("orders")
      return (fake.orders ?? []).filter((o) => {
        if (filters.id && o.id !== filters.id) return false
        const ids = filters.display_id === undefined ? null : ([] as number[]).concat(filters.display_id)
        if (ids && !ids.includes(o.display_id)) return false
        return !filters.customer_id || o.customer_id === filters.customer_id
      })
    },
    guestCustomerIds: async () => (calls.push("guests"), fake.guests ?? []),
  }
}

const jane = { email: "jane@example.com", first_name: "Jane", last_name: "Doe", phone: "+4915112345678" }
const order = (o: Partial<PlannerOrder>): PlannerOrder => ({
  id: "order_1", display_id: 1042, customer_id: CUSTOMER, email: "jane@example.com", sales_channel_id: "sc_1", ...o,
})

describe("accountGate", () => {
  const input = delivery("conversation_created", buildConversationPayload("conversation_created"))
  it("skips a deleted or suspended account and a payload naming another account", () => {
    expect(accountGate(input, null)).toBe("account deleted")
    expect(accountGate(input, { ...ROW, status: "suspended" })).toBe("account suspended")
    expect(accountGate(input, { ...ROW, chatwoot_account_id: 99 })).toBe("payload of another account")
    expect(accountGate(input, ROW)).toBeNull()
  })
})

describe("orderRefFilters", () => {
  it("reads a display number or an order id, nothing else", () => {
    expect(orderRefFilters("1042")).toEqual({ display_id: 1042 })
    expect(orderRefFilters("order_01")).toEqual({ id: "order_01" })
    expect(orderRefFilters("abc")).toBeNull()
    expect(orderRefFilters(null)).toBeNull()
  })
})

describe("planWebhook", () => {
  it("mirrors a new conversation, links the verified customer and routes it", async () => {
    const input = delivery("conversation_created", buildConversationPayload("conversation_created", { custom_attributes: { order_id: "1042" } }))
    const plan = await planWebhook(input, ROW, lookups({ customers: { [CUSTOMER]: jane }, orders: [order({})], inboxes: { 3: "sc_1" } }))
    expect(plan.skipped).toBeNull()
    expect(plan.route_conversation_id).toBe(42)
    expect(plan.conversation).toMatchObject({
      account_id: "acc_1", sales_channel_id: "sc_1", chatwoot_conversation_id: 42,
      customer_id: CUSTOMER, identity_source: "hmac", order_id: "order_1",
    })
  })

  it("does not trust an identifier Chatwoot does not mark verified; the e-mail matches only a guest order", async () => {
    const payload = buildConversationPayload("conversation_updated", {
      ...UNVERIFIED,
      custom_attributes: { order_id: "1042" },
    })
    const fake = { customers: { [CUSTOMER]: jane }, orders: [order({})], guests: [] }
    const plan = await planWebhook(delivery("conversation_updated", payload), ROW, lookups(fake))
    expect(plan.route_conversation_id).toBeNull()
    expect(plan.conversation).toMatchObject({ customer_id: null, identity_source: null, order_id: null })
    const guest = await planWebhook(delivery("conversation_updated", payload), ROW, lookups({ ...fake, orders: [order({ customer_id: "cus_guest" })], guests: ["cus_guest"] }))
    expect(guest.conversation?.order_id).toBe("order_1")
  })

  it("keeps the owner the plugin recorded for a contact-form conversation", async () => {
    const payload = buildConversationPayload("conversation_updated", UNVERIFIED)
    const plan = await planWebhook(delivery("conversation_updated", payload), ROW, lookups({ recorded: { customer_id: "cus_form", identity_source: "contact_form" } }))
    expect(plan.conversation).toMatchObject({ customer_id: "cus_form", identity_source: "contact_form" })
  })

  it("falls back to the account's only storefront for an inbox it does not know", async () => {
    const plan = await planWebhook(delivery("conversation_updated", buildConversationPayload("conversation_updated")), ROW, lookups())
    expect(plan.conversation?.sales_channel_id).toBe("sc_1")
    const two = { ...ROW, storefronts: [{ sales_channel_id: "sc_1" }, { sales_channel_id: "sc_2" }] }
    expect((await planWebhook(delivery("conversation_updated", buildConversationPayload("conversation_updated")), two, lookups())).conversation?.sales_channel_id).toBeNull()
  })

  it("records a customer's new message with the order number they wrote", async () => {
    const payload = buildMessagePayload("message_created", { content: "Where is order #1042?" })
    const plan = await planWebhook(delivery("message_created", payload), ROW, lookups({ customers: { [CUSTOMER]: jane }, orders: [order({})] }))
    expect(plan.message).toMatchObject({ account_id: "acc_1", chatwoot_conversation_id: 42, from: "customer", mentioned_order_id: "order_1" })
  })

  it("mirrors an edited message without recording it", async () => {
    const plan = await planWebhook(delivery("message_updated", buildMessagePayload("message_updated")), ROW, lookups())
    expect(plan.conversation).not.toBeNull()
    expect(plan.message).toBeNull()
  })

  it("mirrors the widget's current conversation, or skips when there is none", async () => {
    expect((await planWebhook(delivery("webwidget_triggered", buildWebwidgetTriggeredPayload()), ROW, lookups())).skipped).toBe("no conversation yet")
  })

  it("keeps what an agent changed on a customer's contact for review and reroutes on any change without details", async () => {
    const payload = buildContactPayload("contact_updated", { name: "Janet Doe" })
    const plan = await planWebhook(delivery("contact_updated", payload), ROW, lookups({ customers: { [CUSTOMER]: jane } }))
    expect(plan.contact_change).toMatchObject({ account_id: "acc_1", customer_id: CUSTOMER, chatwoot_contact_id: 7 })
    expect(Object.keys(plan.contact_change!.changes)).toContain("name")
    const unknown = await planWebhook(delivery("contact_updated", payload), ROW, lookups())
    expect(unknown.skipped).toBe("not a Medusa customer")
  })

  it("skips an event it does not use without reading anything", async () => {
    const l = lookups()
    const plan = await planWebhook({ delivery_id: "del_1", account_id: "acc_1", event: "conversation_typing_on", payload: {} }, ROW, l)
    expect(plan.skipped).toBe("event conversation_typing_on not used")
    expect(l.calls).toEqual([])
  })
})
