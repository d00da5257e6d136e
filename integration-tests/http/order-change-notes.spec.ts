import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { cancelOrderWorkflow, createOrderWorkflow, createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { adminHeaders } from "../helpers/auth"
import { useChatwootSandbox } from "../helpers/sandbox"
import { syncTestKit, until } from "../helpers/sync-kit"
import orderChangeNote from "../../src/subscribers/chatwoot-order-change-note"

jest.setTimeout(240_000)

const sandbox = useChatwootSandbox()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let container: MedusaContainer

    beforeEach(async () => {
      container = getContainer()
      headers = await adminHeaders(container)
    })

    const kit = syncTestKit({ api, container: () => container, headers: () => headers, sandbox })

    /** A customer of the default storefront with an order, their contact and (optionally) an open conversation. */
    async function customerWithOrder(email: string, openConversation = true, complete = true) {
      const shop = await kit.storefront("Webshop")
      await kit.makeDefault(shop.salesChannelId)
      const customer = await kit.registerCustomer(email)
      const [contact] = await until("the contact", () => {
        const found = kit.contactsOf(customer.id, shop.account.chatwoot_account_id)
        return found.length ? found : undefined
      })
      if (openConversation) {
        const [account] = await kit.chatwoot().listChatwootAccounts({ id: shop.account.id })
        const contactInbox = [...sandbox().state.contactInboxes.values()].find((ci) => ci.contact_id === contact.id)!
        const client = kit.chatwoot().accountApi(account)
        const conversation = await client.conversations.create({ source_id: contactInbox.source_id, inbox_id: contactInbox.inbox_id, contact_id: contact.id })
        await client.messages.create(conversation.id, { content: "Any news?", message_type: "incoming" })
      }
      const order = complete ? await kit.placeOrder(customer, shop.salesChannelId, 10) : await pendingOrder(customer, shop.salesChannelId)
      await kit.idle()
      return { shop, customer, contact, order }
    }

    /** An order placed but not completed (only those can be canceled). */
    async function pendingOrder(customer: { id: string; email: string }, salesChannelId: string) {
      const { result: regions } = await createRegionsWorkflow(container).run({ input: { regions: [{ name: "EU", currency_code: "eur" }] } })
      const { result } = await createOrderWorkflow(container).run({
        input: {
          customer_id: customer.id,
          email: customer.email,
          sales_channel_id: salesChannelId,
          currency_code: "eur",
          region_id: regions[0].id,
          items: [{ title: "Tea", quantity: 1, unit_price: 10 }],
        } as never,
      })
      return result as unknown as { id: string; display_id: number }
    }

    const notes = (orderId: string, change: string) =>
      [...sandbox().state.messages.values()].filter((m) => m.private && m.source_id?.startsWith(`medusa-order-${orderId}-${change}-`))

    const noteRowsDone = (customerId: string) =>
      until("the change note rows done", async () => {
        const rows = (await kit.chatwoot().listChatwootSyncJobs({ kind: "private_note", subject: customerId })).filter(
          (r) => (r.payload as { change?: string } | null)?.change
        )
        return rows.length && rows.every((r) => r.status === "done") ? rows : undefined
      })

    it("a canceled order gets one private note in the open conversation; a re-delivered event adds none", async () => {
      const { customer, order } = await customerWithOrder("cancel@example.com", true, false)
      await cancelOrderWorkflow(container).run({ input: { order_id: order.id } })
      const [note] = await until("the cancel note", () => {
        const found = notes(order.id, "canceled")
        return found.length ? found : undefined
      })
      expect(note.content).toContain(`Order #${order.display_id} was canceled`)
      expect(note.content).toContain(`/app/orders/${order.id}`)
      expect(note.message_type).toBe("outgoing")
      await noteRowsDone(customer.id)
      await orderChangeNote({ event: { name: "order.canceled", data: { id: order.id } }, container } as never)
      await kit.idle()
      expect(notes(order.id, "canceled")).toHaveLength(1)
    })

    it("a refund is noted with its amount", async () => {
      const { order } = await customerWithOrder("refunded@example.com")
      const payments = container.resolve(Modules.PAYMENT)
      const [collection] = await payments.createPaymentCollections([{ currency_code: "eur", amount: 20 }])
      await container.resolve(ContainerRegistrationKeys.LINK).create({
        [Modules.ORDER]: { order_id: order.id },
        [Modules.PAYMENT]: { payment_collection_id: collection.id },
      })
      const session = await payments.createPaymentSession(collection.id, { provider_id: "pp_system_default", currency_code: "eur", amount: 20, data: {} })
      const payment = await payments.authorizePaymentSession(session.id, {})
      await payments.capturePayment({ payment_id: payment.id, amount: 20 })
      await payments.refundPayment({ payment_id: payment.id, amount: 7.5 })
      await orderChangeNote({ event: { name: "payment.refunded", data: { id: payment.id } }, container } as never)
      const [note] = await until("the refund note", () => {
        const found = notes(order.id, "refunded")
        return found.length ? found : undefined
      })
      expect(note.content).toContain(`Order #${order.display_id}: refund of €7.50`)
    })

    it("a shipment is noted with its tracking", async () => {
      const { order } = await customerWithOrder("shipped@example.com")
      const fulfillments = container.resolve(Modules.FULFILLMENT)
      const fulfillment = await fulfillments.createFulfillment({
        location_id: "sloc_test",
        provider_id: "manual_manual",
        delivery_address: { first_name: "Ada", address_1: "Main St 1", city: "Berlin", country_code: "de", postal_code: "10115" },
        items: [{ title: "Tea", sku: "TEA", quantity: 2, barcode: "", line_item_id: "item_1" }],
        labels: [{ tracking_number: "DHL-123", tracking_url: "https://track.example/DHL-123", label_url: "https://label.example/1" }],
        order: {},
      } as never)
      await container.resolve(ContainerRegistrationKeys.LINK).create({
        [Modules.ORDER]: { order_id: order.id },
        [Modules.FULFILLMENT]: { fulfillment_id: fulfillment.id },
      })
      await orderChangeNote({ event: { name: "shipment.created", data: { id: fulfillment.id } }, container } as never)
      const [note] = await until("the shipment note", () => {
        const found = notes(order.id, "shipped")
        return found.length ? found : undefined
      })
      expect(note.content).toContain(`Order #${order.display_id} shipped`)
      expect(note.content).toContain("2 × Tea")
      expect(note.content).toContain("Tracking: DHL-123 — https://track.example/DHL-123")
    })

    it("without an open conversation no note is posted", async () => {
      const { customer, order } = await customerWithOrder("no-chat@example.com", false, false)
      await cancelOrderWorkflow(container).run({ input: { order_id: order.id } })
      const rows = await noteRowsDone(customer.id)
      expect(rows[0].last_error).toBe("skipped: no open conversation")
      expect([...sandbox().state.messages.values()].filter((m) => m.private)).toHaveLength(0)
    })
  },
})
