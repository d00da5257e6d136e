import { randomUUID } from "node:crypto"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../src/modules/chatwoot"
import type ChatwootModuleService from "../src/modules/chatwoot/service"
import { syncChatwootCustomerWorkflow } from "../src/workflows/sync/workflows"
import { drainChatwootSyncQueue } from "../src/sync/drain"

const MESSAGES = [
  "Hi! Where is my order? It has been a week.",
  "Can I still change the size of the sweater I ordered?",
  "Do you ship to Austria?",
]

/**
 * Demo conversations (sandbox only): each demo customer's contact is synced
 * and writes in about their latest order in its storefront, so the agent
 * views have something to show — the Conversations page, the customer and
 * order widgets, and the dashboard app. Runs while the demo's Medusa is up:
 * the sandbox's signed webhooks reach it and fill the conversation mirror.
 */
export default async function seedDemoConversations({ container }: ExecArgs) {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
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
  // contact changes settle (sync_settle_ms) before they are due: drain until the queue is empty
  const settled = Date.now() + 60_000
  while (Date.now() < settled) {
    await drainChatwootSyncQueue(container, { budgetMs: 10_000 })
    const open = await chatwoot.listChatwootSyncJobs({ status: ["pending", "processing"] }, { select: ["id"], take: 1 })
    if (!open.length) break
    await new Promise((r) => setTimeout(r, 300))
  }

  let n = 0
  const created: { account_id: string; chatwoot_conversation_id: number }[] = []
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
    // as from the customer's HMAC-verified widget session (the storefront's setUser): only that links it to them
    const conversation = await api.conversations.create({
      source_id: randomUUID(),
      inbox_id: contactInbox.inbox?.id ?? inbox.chatwoot_inbox_id,
      contact_id: contact.chatwoot_contact_id,
      hmac_verified: true,
      custom_attributes: { medusa_order_id: order.id },
    })
    const text = MESSAGES[n++ % MESSAGES.length]
    await api.messages.create(conversation.id, { content: text, message_type: "incoming" }).catch(() => undefined)
    if (n === 3) await api.conversations.toggleStatus(conversation.id, { status: "pending" })
    created.push({ account_id: account.id, chatwoot_conversation_id: conversation.id })
  }
  // the running Medusa mirrors them from the sandbox's signed webhooks
  const deadline = Date.now() + 60_000
  let mirrored = 0
  while (Date.now() < deadline) {
    mirrored = 0
    for (const c of created) {
      const [row] = await chatwoot.listChatwootConversations(c, { select: ["id", "last_message"] })
      if (row?.last_message) mirrored++
    }
    if (mirrored === created.length) break
    await new Promise((r) => setTimeout(r, 250))
  }
  if (mirrored < created.length) logger.warn(`Only ${mirrored} of ${created.length} demo conversations were mirrored from webhooks.`)
  logger.info(`Seeded ${n} demo conversations.`)
}
