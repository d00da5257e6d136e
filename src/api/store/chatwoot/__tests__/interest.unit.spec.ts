import { interestAttributes, summarizeInterest } from "../../../../sync/interest"
import { contactFormSourceId } from "../../../../sync/handlers/contact-message"

describe("storefront interest", () => {
  const now = new Date("2026-11-26T12:00:00.000Z")

  it("summarizes a batch: recent products (newest first, unique), last cart product, checkout, last activity", () => {
    const interest = summarizeInterest(
      [
        { type: "page_view", at: "2026-11-26T11:00:00.000Z" },
        { type: "product_view", product_id: "p1", at: "2026-11-26T11:01:00.000Z" },
        { type: "product_view", product_id: "p2", at: "2026-11-26T11:02:00.000Z" },
        { type: "add_to_cart", product_id: "p1", at: "2026-11-26T11:03:00.000Z" },
        { type: "remove_from_cart", product_id: "p3" },
        { type: "checkout_started", at: "2027-01-01T00:00:00.000Z" },
      ],
      now
    )
    expect(interest).toEqual({
      recent_product_ids: ["p1", "p2"],
      last_cart_product_id: "p1",
      // times from the future are capped at now
      checkout_started_at: now.toISOString(),
      last_activity_at: now.toISOString(),
    })
  })

  it("maps an interest payload to custom attributes and ignores anything malformed", () => {
    expect(
      interestAttributes({ recent_product_ids: ["a", 1, "b"], last_cart_product_id: "a", last_activity_at: "t" })
    ).toEqual({ medusa_recent_product_ids: "a,b", medusa_last_cart_product_id: "a", medusa_last_activity_at: "t" })
    expect(interestAttributes(null)).toEqual({})
    expect(interestAttributes("x")).toEqual({})
    expect(interestAttributes({ checkout_started_at: 5 })).toEqual({})
  })

  it("gives one contact-form source id per inbox and e-mail (case-insensitive)", () => {
    expect(contactFormSourceId("inb", "A@x.com")).toBe(contactFormSourceId("inb", "a@x.com"))
    expect(contactFormSourceId("inb", "a@x.com")).not.toBe(contactFormSourceId("other", "a@x.com"))
    expect(contactFormSourceId("inb", "a@x.com")).toMatch(/^medusa-form-[0-9a-f]{32}$/)
  })
})
