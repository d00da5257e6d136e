import { timingSafeEqual } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import { ChatwootApiError } from "../../../modules/chatwoot/client"
import ChatwootModuleService from "../../../modules/chatwoot/service"
import { resolveAgentActions, type AgentActions } from "../../../modules/chatwoot/agent-actions"

/** Header carrying the per-account dashboard-app secret (from the app URL's fragment). */
export const DASHBOARD_SECRET_HEADER = "x-dashboard-app-secret"

type AccountRow = Awaited<ReturnType<ChatwootModuleService["retrieveChatwootAccount"]>>

/** The account a request's secret opens, with the storefronts it serves. */
export type DashboardScope = {
  account: AccountRow
  storefronts: { sales_channel_id: string; name: string; actions: AgentActions }[]
}

/** Who the app is looking at: a registered customer, or a guest known by e-mail only. */
export type DashboardSubject = {
  chatwoot_contact_id: number
  conversation_id: number
  customer_id: string | null
  email: string | null
  name: string | null
  /** Sales channel of the conversation's inbox, when known. */
  sales_channel_id: string | null
}

const unauthorized = () =>
  new MedusaError(MedusaError.Types.UNAUTHORIZED, "Missing or invalid dashboard app secret")
const notFound = () =>
  new MedusaError(MedusaError.Types.NOT_FOUND, "No such contact or conversation in this storefront's Chatwoot account")

/**
 * Finds the account whose dashboard-app secret the request carries. The
 * lookup goes by the secret's SHA-256 (never the secret itself), and the
 * stored hash is compared again in constant time. 401 when unknown.
 */
export async function authenticateDashboardApp(req: MedusaRequest): Promise<DashboardScope> {
  const raw = req.headers[DASHBOARD_SECRET_HEADER]
  const secret = typeof raw === "string" ? raw.trim() : ""
  if (!secret || secret.length > 256) throw unauthorized()
  const chatwoot = req.scope.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const hash = ChatwootModuleService.hashDashboardAppSecret(secret)
  const [account] = await chatwoot.listChatwootAccounts({ dashboard_app_secret_hash: hash }, { take: 1, relations: ["storefronts"] })
  const stored = Buffer.from(account?.dashboard_app_secret_hash ?? "0".repeat(64), "hex")
  const given = Buffer.from(hash, "hex")
  if (!account || stored.length !== given.length || !timingSafeEqual(stored, given)) throw unauthorized()
  if (account.status !== "active") {
    throw new MedusaError(MedusaError.Types.FORBIDDEN, `This storefront's Chatwoot account is ${account.status}`)
  }
  const rows = account.storefronts ?? []
  const names = await salesChannelNames(req.scope, rows.map((r) => r.sales_channel_id))
  return {
    account,
    storefronts: rows.map((r) => ({
      sales_channel_id: r.sales_channel_id,
      name: names[r.sales_channel_id] ?? r.sales_channel_id,
      actions: resolveAgentActions(r.widget_settings),
    })),
  }
}

async function salesChannelNames(container: MedusaContainer, ids: string[]) {
  if (!ids.length) return {} as Record<string, string>
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "sales_channel", fields: ["id", "name"], filters: { id: ids } })
  return Object.fromEntries((data as { id: string; name: string }[]).map((c) => [c.id, c.name]))
}

/** A Chatwoot 404 (the id is not in this account) as our 404; anything else as it is. */
async function inAccount<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    if (error instanceof ChatwootApiError && error.status === 404) throw notFound()
    throw error
  }
}

/**
 * Resolves the Chatwoot contact and conversation of an app request inside
 * the secret's account only: first from the plugin's own rows (contacts it
 * synced, the conversation mirror), otherwise by asking Chatwoot with the
 * account's token. The conversation must belong to the contact. Ids of
 * another account are not found (404), whatever the context claimed.
 */
export async function resolveDashboardSubject(
  container: MedusaContainer,
  scope: DashboardScope,
  ids: { contact_id: number; conversation_id: number }
): Promise<DashboardSubject> {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const accountId = scope.account.id
  let api: ReturnType<ChatwootModuleService["accountApi"]> | null = null
  const remote = () => (api ??= chatwoot.accountApi(scope.account))

  let salesChannelId: string | null = null
  // both of the plugin's own rows at once: the usual case needs nothing else
  const [[mirrored], [known]] = await Promise.all([
    chatwoot.listChatwootConversations(
      { account_id: accountId, chatwoot_conversation_id: ids.conversation_id },
      { take: 1, select: ["id", "chatwoot_contact_id", "sales_channel_id", "chatwoot_inbox_id"] }
    ),
    chatwoot.listChatwootContacts(
      { account_id: accountId, chatwoot_contact_id: ids.contact_id },
      { take: 1, select: ["id", "customer_id", "email"] }
    ),
  ])
  let inboxId: number | null = null
  if (mirrored && mirrored.chatwoot_contact_id) {
    if (mirrored.chatwoot_contact_id !== ids.contact_id) throw notFound()
    salesChannelId = mirrored.sales_channel_id ?? null
    inboxId = mirrored.chatwoot_inbox_id ?? null
  } else {
    const conversation = await inAccount(() => remote().conversations.get(ids.conversation_id))
    if (conversation.meta?.sender?.id !== ids.contact_id) throw notFound()
    inboxId = conversation.inbox_id ?? null
  }
  if (!salesChannelId && inboxId) {
    const [inbox] = await chatwoot.listChatwootInboxes({ account_id: accountId, chatwoot_inbox_id: inboxId }, { take: 1 })
    salesChannelId = inbox?.sales_channel_id ?? null
  }

  const base = { chatwoot_contact_id: ids.contact_id, conversation_id: ids.conversation_id, sales_channel_id: salesChannelId }
  // a contact the plugin synced from a customer is that customer's
  if (known?.customer_id) {
    return { ...base, customer_id: known.customer_id, email: known.email ?? null, name: null }
  }
  const contact = await inAccount(() => remote().contacts.get(ids.contact_id))
  if (contact.identifier && (await customerExists(container, contact.identifier))) {
    return { ...base, customer_id: contact.identifier, email: contact.email ?? null, name: contact.name ?? null }
  }
  if (!contact.email) throw notFound()
  return { ...base, customer_id: null, email: contact.email.toLowerCase(), name: contact.name ?? null }
}

async function customerExists(container: MedusaContainer, customerId: string) {
  if (!customerId.startsWith("cus_")) return false
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: customerId } })
  return data.length > 0
}
