import { randomUUID } from "node:crypto"
import fs from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../src/modules/chatwoot"
import type ChatwootModuleService from "../src/modules/chatwoot/service"
import { syncChatwootCustomerWorkflow } from "../src/workflows/sync/workflows"
import { drainChatwootSyncQueue } from "../src/sync/drain"

/**
 * Data of `npm run bench:dashboard` (run with `medusa exec` after the demo
 * seed): a customer of the default storefront with BENCH_ORDERS orders
 * (default 500), their contact (through the plugin's own sync) and an open
 * conversation in Chatwoot. Orders are created in bulk through the order
 * module (createOrders, 50 per call): hundreds of createOrderWorkflow runs
 * would take minutes and add nothing the dashboard reads.
 */
export default async function seedDashboardBench({ container }: ExecArgs) {
  const count = Number(process.env.BENCH_ORDERS || 500)
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [store] = await container.resolve(Modules.STORE).listStores()
  const channelId = store.default_sales_channel_id!
  const [storefront] = await chatwoot.listChatwootStorefronts({ sales_channel_id: channelId })
  const account = await chatwoot.retrieveChatwootAccount(storefront.account_id)
  const { data: regions } = await query.graph({ entity: "region", fields: ["id"], filters: { currency_code: "eur" } })

  const [customer] = await container.resolve(Modules.CUSTOMER).createCustomers([
    { email: `bench-${Date.now()}@example.com`, first_name: "Bench", last_name: "Customer", has_account: true },
  ])
  const orders = container.resolve(Modules.ORDER)
  for (let done = 0; done < count; done += 50) {
    const batch = Array.from({ length: Math.min(50, count - done) }, (_, i) => ({
      region_id: regions[0]?.id,
      customer_id: customer.id,
      email: customer.email,
      sales_channel_id: channelId,
      currency_code: "eur",
      status: "pending" as const,
      items: [
        { title: "Linen Shirt", variant_title: "M", quantity: 1 + ((done + i) % 3), unit_price: 49 },
        { title: "Wool Sweater", variant_title: "L", quantity: 1, unit_price: 89 },
      ],
    }))
    await orders.createOrders(batch as never)
  }

  // the contact, through the plugin's own sync (as in production)
  await syncChatwootCustomerWorkflow(container).run({ input: { customer_id: customer.id, include_default_channel: true } })
  await drainChatwootSyncQueue(container, { budgetMs: 30_000 })
  const [contact] = await chatwoot.listChatwootContacts({ account_id: account.id, customer_id: customer.id })
  if (!contact?.chatwoot_contact_id) throw new Error("the bench customer's contact was not synced")

  const api = chatwoot.accountApi(account)
  const [inbox] = await chatwoot.listChatwootInboxes({ account_id: account.id, kind: "website", sales_channel_id: channelId })
  const remote = await api.contacts.get(contact.chatwoot_contact_id)
  const contactInbox = (remote.contact_inboxes ?? []).find((ci) => ci.inbox?.id === inbox.chatwoot_inbox_id) ?? remote.contact_inboxes?.[0]
  if (!contactInbox) throw new Error("the bench contact has no contact inbox")
  // as from the customer's HMAC-verified widget session: only that links it to them (identity-trust.ts)
  const conversation = await api.conversations.create({
    source_id: randomUUID(),
    inbox_id: contactInbox.inbox?.id ?? inbox.chatwoot_inbox_id!,
    contact_id: contact.chatwoot_contact_id,
    hmac_verified: true,
  })
  // the conversation mirror as the webhook receiver keeps it (it may already have it)
  const [mirrored] = await chatwoot.listChatwootConversations({ account_id: account.id, chatwoot_conversation_id: conversation.id })
  if (!mirrored) {
    await chatwoot.createChatwootConversations({
      account_id: account.id,
      sales_channel_id: channelId,
      chatwoot_conversation_id: conversation.id,
      chatwoot_inbox_id: inbox.chatwoot_inbox_id,
      chatwoot_contact_id: contact.chatwoot_contact_id,
      customer_id: customer.id,
      identity_source: "hmac",
      email: customer.email,
      status: "open",
    })
  }

  fs.writeFileSync(
    process.env.BENCH_INFO_FILE!,
    JSON.stringify({
      orders: count,
      customer_id: customer.id,
      contact_id: contact.chatwoot_contact_id,
      conversation_id: conversation.id,
      secret: chatwoot.decryptSecret("dashboard_app_secret", account.dashboard_app_secret_encrypted!),
    })
  )
}
