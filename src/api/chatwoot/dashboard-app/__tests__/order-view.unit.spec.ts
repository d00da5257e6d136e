import { orderView } from "../views/orders"
import { resolveAgentActions } from "../../../../modules/chatwoot/agent-actions"
import { mergeWidgetSettings } from "../../../../modules/chatwoot/widget-settings"

describe("dashboard app order view", () => {
  const base = {
    id: "order_1",
    display_id: 12,
    status: "pending",
    created_at: "2026-01-02T10:00:00.000Z",
    currency_code: "eur",
    total: 59.5,
    subtotal: 50,
    shipping_total: 9.5,
    tax_total: 0,
    discount_total: 0,
    payment_collections: [{ status: "authorized", amount: 59.5, captured_amount: 0, refunded_amount: 0 }],
    items: [{ id: "ordli_1", title: "Tea", variant_title: "Green", quantity: 2, unit_price: 25, total: 50, detail: { fulfilled_quantity: 0 } }],
    fulfillments: [],
    returns: [],
  }

  it("shows totals, statuses and links; a pending order without fulfilments can be canceled but not returned", () => {
    const view = orderView(base, "https://shop.example.com/")
    expect(view).toMatchObject({
      display_id: 12,
      total: 59.5,
      payment_status: "authorized",
      fulfillment_status: "not_fulfilled",
      admin_url: "https://shop.example.com/app/orders/order_1",
      can_cancel: true,
      can_return: false,
    })
    expect(view.items).toEqual([{ id: "ordli_1", title: "Tea", variant_title: "Green", quantity: 2, unit_price: 25, total: 50 }])
  })

  it("lists tracking of live fulfilments only (http links only), and fulfilled items make it returnable, not cancelable", () => {
    const view = orderView(
      {
        ...base,
        items: [{ ...base.items[0], detail: { fulfilled_quantity: 2, returned_quantity: 0 } }],
        fulfillments: [
          { id: "ful_1", shipped_at: "2026-01-03T00:00:00Z", labels: [{ tracking_number: "TRK1", tracking_url: "https://track.example/TRK1" }] },
          { id: "ful_2", canceled_at: "2026-01-03T00:00:00Z", labels: [{ tracking_number: "OLD", tracking_url: "https://x" }] },
          { id: "ful_3", labels: [{ tracking_number: "TRK3", tracking_url: "javascript:alert(1)" }] },
        ],
        returns: [{ id: "ret_1", status: "requested", created_at: "2026-01-04T00:00:00Z" }],
      },
      "https://shop.example.com"
    )
    expect(view.shipments.map((s) => [s.tracking_number, s.tracking_url])).toEqual([
      ["TRK1", "https://track.example/TRK1"],
      ["TRK3", null],
    ])
    expect(view.returns).toEqual([{ id: "ret_1", status: "requested", created_at: "2026-01-04T00:00:00.000Z" }])
    expect(view.can_cancel).toBe(false)
    expect(view.can_return).toBe(true)
  })

  it("agent actions are off by default and merge per key", () => {
    expect(resolveAgentActions(null)).toEqual({ cancel_order: false, resend_confirmation: false, create_return: false })
    expect(resolveAgentActions({ agent_actions: { cancel_order: "yes" } })).toEqual({
      cancel_order: false,
      resend_confirmation: false,
      create_return: false,
    })
    const once = mergeWidgetSettings({}, { agent_actions: { cancel_order: true } as never })
    const twice = mergeWidgetSettings(once, { agent_actions: { create_return: true } as never })
    expect(twice.agent_actions).toEqual({ cancel_order: true, resend_confirmation: false, create_return: true })
    expect(() => mergeWidgetSettings(twice, { agent_actions: "yes" as never })).toThrow(/agent_actions/)
    expect(() => mergeWidgetSettings(twice, { agent_actions: { cancel_order: "yes" } as never })).toThrow(/agent_actions.cancel_order/)
  })
})
