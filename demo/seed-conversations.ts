import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../src/modules/chatwoot"
import type ChatwootModuleService from "../src/modules/chatwoot/service"
import { syncChatwootCustomerWorkflow } from "../src/workflows/chatwoot-sync"
import { drainChatwootSyncQueue } from "../src/workflows/sync/drain"
import { tierFor } from "../src/workflows/sync/contact-data"

const MESSAGES = [
  "Hi! Where is my order? It has been a week.",
  "Can I still change the size of the sweater I ordered?",
  "Do you ship to Austria?",
]

/**
 * Demo conversations (sandbox only): each demo customer's contact is synced
 * and writes in about their latest order in its storefront, so the agent
 * views have something to show — the Conversations page, the customer and
 * order widgets, and the dashboard app. The plugin's conversation mirror is
 * filled as the webhook receiver would fill it.
 */
export default async function seedDemoConversations({ container }: ExecArgs) {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const tiers = chatwoot.getPublicOptions().tiers
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "customer_id", "email", "sales_channel_id", "created_at", "total"],
  })
  // each order makes its customer a contact of its storefront's account
  for (const order of orders as { id: string; customer_id: string }[]) {
    await syncChatwootCustomerWorkflow(container).run({
      input: { customer_id: order.customer_id, order_id: order.id, include_default_channel: true },
    })
  }
  await drainChatwootSyncQueue(container, { budgetMs: 30_000 })

  let n = 0
  for (const order of orders as { id: string; customer_id: string; email: string; sales_channel_id: string; total: number }[]) {
    const [storefront] = await chatwoot.listChatwootStorefronts({ sales_channel_id: order.sales_channel_id })
    if (!storefront) continue
    const account = await chatwoot.retrieveChatwootAccount(storefront.account_id)
    const [contact] = await chatwoot.listChatwootContacts({ account_id: account.id, customer_id: order.customer_id })
    if (!contact?.chatwoot_contact_id || account.status !== "active") continue
    const [inbox] = await chatwoot.listChatwootInboxes({ account_id: account.id, kind: "website", sales_channel_id: order.sales_channel_id })
    if (!inbox?.chatwoot_inbox_id) continue
    const api = chatwoot.accountApi(account)
    const remote = await api.contacts.get(contact.chatwoot_contact_id)
    const contactInbox = (remote.contact_inboxes ?? []).find((ci) => ci.inbox?.id === inbox.chatwoot_inbox_id) ?? remote.contact_inboxes?.[0]
    if (!contactInbox) continue
    const conversation = await api.conversations.create({
      source_id: contactInbox.source_id,
      inbox_id: contactInbox.inbox?.id ?? inbox.chatwoot_inbox_id,
      contact_id: contact.chatwoot_contact_id,
      custom_attributes: { medusa_order_id: order.id },
    })
    const text = MESSAGES[n++ % MESSAGES.length]
    await api.messages.create(conversation.id, { content: text, message_type: "incoming" }).catch(() => undefined)
    const [known] = await chatwoot.listChatwootConversations({ account_id: account.id, chatwoot_conversation_id: conversation.id })
    if (!known) {
      await chatwoot.createChatwootConversations({
        account_id: account.id,
        sales_channel_id: order.sales_channel_id,
        chatwoot_conversation_id: conversation.id,
        chatwoot_inbox_id: inbox.chatwoot_inbox_id,
        chatwoot_contact_id: contact.chatwoot_contact_id,
        customer_id: order.customer_id,
        email: order.email,
        order_id: order.id,
        status: n === 3 ? "pending" : "open",
        routed_tier: tierFor(Number(order.total) || 0, tiers),
        last_message: text,
        last_customer_message_at: new Date(),
        chatwoot_created_at: new Date(),
        chatwoot_updated_at: new Date(),
        unread_count: 1,
      })
    }
  }
  logger.info(`Seeded ${n} demo conversations.`)
}
