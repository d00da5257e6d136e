import { orderChangeOf } from "../../subscribers/chatwoot-order-change-note"
import { orderChangeNoteContent } from "../handlers/order-note-content"

const order = { id: "order_1", display_id: 1042, currency_code: "eur" }

describe("orderChangeNoteContent", () => {
  it("shipped: items and tracking; canceled; refunded with the amount; an admin link", () => {
    const shipped = orderChangeNoteContent(
      {
        change: "shipped",
        order,
        fulfillment: { id: "ful_1", items: [{ title: "Tea", quantity: 2 }], labels: [{ tracking_number: "DHL-1", tracking_url: "https://t.example/1" }] },
      },
      "https://shop.example/"
    )
    expect(shipped).toBe("Order #1042 shipped\n- 2 × Tea\nTracking: DHL-1 — https://t.example/1\nhttps://shop.example/app/orders/order_1")
    expect(orderChangeNoteContent({ change: "canceled", order }, null)).toBe("Order #1042 was canceled")
    expect(orderChangeNoteContent({ change: "refunded", order, refund: { id: "ref_1", amount: 7.5 } }, null)).toBe("Order #1042: refund of €7.50")
  })
})

describe("orderChangeOf", () => {
  it("maps each event's payload shape", () => {
    expect(orderChangeOf("order.fulfillment_created", { order_id: "order_1", fulfillment_id: "ful_1" })).toEqual({
      change: "fulfilled",
      order_id: "order_1",
      fulfillment_id: "ful_1",
    })
    expect(orderChangeOf("shipment.created", { id: "ful_1" })).toEqual({ change: "shipped", fulfillment_id: "ful_1" })
    expect(orderChangeOf("order.canceled", { id: "order_1" })).toEqual({ change: "canceled", order_id: "order_1" })
    expect(orderChangeOf("payment.refunded", { id: "pay_1" })).toEqual({ change: "refunded", payment_id: "pay_1" })
    expect(orderChangeOf("order.canceled", {})).toBeNull()
    expect(orderChangeOf("order.updated", { id: "x" })).toBeNull()
  })
})
