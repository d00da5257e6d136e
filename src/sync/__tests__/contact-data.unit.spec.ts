import { contactFieldsFor, hashContactFields } from "../contact-data"
import { toE164 } from "../../lib/phone"
import { tierFor } from "../../lib/tiers"
import { syncBackoffMs, syncCoalesceKey, syncErrorText } from "../../modules/chatwoot/sync-queue"

const tiers = [
  { name: "standard", min_lifetime_value: 0 },
  { name: "silver", min_lifetime_value: 500 },
  { name: "gold", min_lifetime_value: 2000 },
]

describe("contact data", () => {
  it("normalizes phones to E.164 or leaves them out", () => {
    expect(toE164("+49 151 1234-5678")).toBe("+4915112345678")
    expect(toE164("0049 (151) 12345678")).toBe("+4915112345678")
    expect(toE164("0151 12345678")).toBeUndefined()
    expect(toE164("call me")).toBeUndefined()
    expect(toE164(null)).toBeUndefined()
  })

  it("picks the highest tier reached", () => {
    expect(tierFor(0, tiers)).toBe("standard")
    expect(tierFor(500, tiers)).toBe("silver")
    expect(tierFor(10_000, tiers)).toBe("gold")
    expect(tierFor(5, [{ name: "vip", min_lifetime_value: 100 }])).toBeNull()
  })

  it("computes attributes from the orders of the account's storefronts", () => {
    const fields = contactFieldsFor({
      customer: { id: "cus_1", email: "Ada@Example.com", first_name: "Ada", last_name: null, phone: "123", created_at: "2026-01-01T00:00:00Z" },
      orders: [
        { id: "o1", display_id: 1, status: "completed", created_at: "2026-02-01T00:00:00Z", currency_code: "eur", total: 400, sales_channel_id: "sc_a" },
        { id: "o2", display_id: 2, status: "canceled", created_at: "2026-03-01T00:00:00Z", currency_code: "eur", total: 900, sales_channel_id: "sc_a" },
        { id: "o3", display_id: 3, status: "pending", created_at: "2026-04-01T00:00:00Z", currency_code: "usd", total: { numeric: 5000 }, sales_channel_id: "sc_b" },
        { id: "o4", display_id: 4, status: "pending", is_draft_order: true, created_at: "2026-05-01T00:00:00Z", currency_code: "eur", total: 1 },
        { id: "o5", display_id: 5, status: "pending", created_at: "2026-02-15T00:00:00Z", currency_code: "eur", total: "150.5", sales_channel_id: "sc_a" },
      ],
      channelNames: { sc_a: "Webshop", sc_b: "Outlet" },
      scope: { sales_channel_ids: ["sc_a", "sc_b"] },
      tiers,
      publicUrl: "https://shop.example.com/",
    })
    expect(fields).toEqual({
      identifier: "cus_1",
      name: "Ada",
      email: "ada@example.com",
      custom_attributes: {
        medusa_orders_count: 4,
        medusa_lifetime_value: 550.5,
        medusa_currency: "EUR",
        medusa_last_order_id: "3",
        medusa_last_order_date: "2026-04-01T00:00:00.000Z",
        medusa_last_order_status: "pending",
        medusa_tier: "silver",
        medusa_customer_since: "2026-01-01T00:00:00.000Z",
        medusa_storefront: "Outlet",
        medusa_cart_value: 0,
        medusa_cart_items: 0,
        medusa_admin_link: "https://shop.example.com/app/customers/cus_1",
      },
    })
  })

  it("reports the latest open cart's value and item count", () => {
    const fields = contactFieldsFor({
      customer: { id: "cus_1" },
      orders: [],
      carts: [
        { id: "c1", total: 99, updated_at: "2026-01-03T00:00:00Z", completed_at: "2026-01-04T00:00:00Z", items: [{ quantity: 9 }] },
        { id: "c2", total: 42.5, updated_at: "2026-01-02T00:00:00Z", items: [{ quantity: 2 }, { quantity: 1 }] },
        { id: "c3", total: 1, updated_at: "2026-01-01T00:00:00Z", items: [] },
      ],
      channelNames: {},
      scope: { sales_channel_ids: [] },
      tiers,
      publicUrl: "https://shop.example.com",
    })
    expect(fields.custom_attributes).toMatchObject({ medusa_cart_value: 42.5, medusa_cart_items: 3 })
    expect(fields.name).toBe("cus_1")
  })

  it("hashes what would be sent independently of key order", () => {
    const a = hashContactFields({ identifier: "x", custom_attributes: { a: 1, b: 2 } })
    const b = hashContactFields({ custom_attributes: { b: 2, a: 1 }, identifier: "x" })
    expect(a).toBe(b)
    expect(hashContactFields({ identifier: "x", custom_attributes: { a: 1, b: 3 } })).not.toBe(a)
  })
})

describe("sync queue helpers", () => {
  it("backs off exponentially with jitter, capped, never below Retry-After", () => {
    expect(syncBackoffMs(1, { random: () => 1 })).toBe(1000)
    expect(syncBackoffMs(1, { random: () => 0 })).toBe(500)
    expect(syncBackoffMs(4, { random: () => 1 })).toBe(8000)
    expect(syncBackoffMs(30, { random: () => 1 })).toBe(600_000)
    expect(syncBackoffMs(1, { random: () => 1, retryAfterMs: 60_000 })).toBe(60_000)
  })

  it("keys rows by account, kind and subject unless told otherwise", () => {
    expect(syncCoalesceKey({ account_id: "a", kind: "contact_upsert", subject: "cus" })).toBe("a:contact_upsert:cus")
    expect(syncCoalesceKey({ account_id: "a", kind: "private_note", subject: "cus", coalesce_key: "note:o1" })).toBe("note:o1")
  })

  it("keeps error text short and free of token values", () => {
    expect(syncErrorText(new Error("bad token: abc.def"))).toBe("bad token: [redacted]")
    expect(syncErrorText(new Error("x".repeat(5000)))).toHaveLength(1000)
    expect(syncErrorText("plain")).toBe("plain")
  })
})
