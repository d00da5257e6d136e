import { timingSafeEqual } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import { ChatwootApiError } from "../../../modules/chatwoot/client"
import ChatwootModuleService from "../../../modules/chatwoot/service"
import { resolveAgentActions, type AgentActions } from "../../../modules/chatwoot/agent-actions"
import {
  chatwootMarksVerified,
  guestCustomerIds,
  identityVerdict,
  trustedCustomerId,
  UNVERIFIED_REASON,
  type IdentitySource,
} from "../../../modules/chatwoot/identity-trust"
import { CONTACT_FORM_EMAIL_ATTRIBUTE } from "../../../workflows/webhooks/mirror-data"

/** Header carrying the per-account dashboard-app secret (from the app URL's fragment). */
export const DASHBOARD_SECRET_HEADER = "x-dashboard-app-secret"

type AccountRow = Awaited<ReturnType<ChatwootModuleService["retrieveChatwootAccount"]>>

/** The account a request's secret opens, with the storefronts it serves. */
export type DashboardScope = {
  account: AccountRow
  storefronts: { sales_channel_id: string; name: string; actions: AgentActions }[]
}

/**
 * Who the app is looking at: a verified customer, or an unverified subject
 * known by e-mail only (identity-trust.ts).
 */
export type DashboardSubject = {
  chatwoot_contact_id: number
  conversation_id: number
  /** Only for a verified subject. */
  customer_id: string | null
  email: string | null
  name: string | null
  verified: boolean
  verification: IdentitySource | null
  /** Why the subject is not verified (shown to the agent). */
  unverified_reason: string | null
  /** Unverified subject: the guest customer records (has_account false) of its e-mail, whose orders it may see. */
  guest_customer_ids: string[]
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
 * the secret's account only: first from the plugin's own rows (the
 * conversation mirror), otherwise by asking Chatwoot with the account's
 * token. The conversation must belong to the contact. Ids of another account
 * are not found (404), whatever the context claimed.
 *
 * Whether the subject is a customer follows the one trust rule
 * (identity-trust.ts): the mirror's verified link, or Chatwoot's HMAC mark on
 * the conversation's contact inbox. A contact Chatwoot merely attached the
 * conversation to (a typed e-mail, a pre-chat form) is an unverified subject:
 * known by e-mail only, matched against guest orders only, no order actions.
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

  const [mirrored] = await chatwoot.listChatwootConversations(
    { account_id: accountId, chatwoot_conversation_id: ids.conversation_id },
    { take: 1, select: ["id", "chatwoot_contact_id", "sales_channel_id", "chatwoot_inbox_id", "customer_id", "identity_source", "email"] }
  )
  let salesChannelId: string | null = null
  let inboxId: number | null = null
  let conversation: Awaited<ReturnType<ReturnType<typeof remote>["conversations"]["get"]>> | null = null
  if (mirrored && mirrored.chatwoot_contact_id) {
    if (mirrored.chatwoot_contact_id !== ids.contact_id) throw notFound()
    salesChannelId = mirrored.sales_channel_id ?? null
    inboxId = mirrored.chatwoot_inbox_id ?? null
  } else {
    conversation = await inAccount(() => remote().conversations.get(ids.conversation_id))
    if (conversation.meta?.sender?.id !== ids.contact_id) throw notFound()
    inboxId = conversation.inbox_id ?? null
  }
  if (!salesChannelId && inboxId) {
    const [inbox] = await chatwoot.listChatwootInboxes({ account_id: accountId, chatwoot_inbox_id: inboxId }, { take: 1 })
    salesChannelId = inbox?.sales_channel_id ?? null
  }

  const base = { chatwoot_contact_id: ids.contact_id, conversation_id: ids.conversation_id, sales_channel_id: salesChannelId }
  // the usual case: the mirror already holds a verified link
  const linked = trustedCustomerId(mirrored)
  if (linked) {
    const verdict = identityVerdict({ recorded_source: mirrored!.identity_source })
    return { ...base, customer_id: linked, email: mirrored!.email ?? null, name: null, verified: true, verification: verdict.source, unverified_reason: null, guest_customer_ids: [] }
  }
  // otherwise Chatwoot's own mark decides (a session may have been verified since the last webhook)
  conversation ??= await inAccount(() => remote().conversations.get(ids.conversation_id))
  const contact = await inAccount(() => remote().contacts.get(ids.contact_id))
  const verdict = identityVerdict({ hmac_verified: chatwootMarksVerified(conversation) })
  if (verdict.verified && contact.identifier && (await customerExists(container, contact.identifier))) {
    return {
      ...base,
      customer_id: contact.identifier,
      email: contact.email ?? null,
      name: contact.name ?? null,
      verified: true,
      verification: verdict.source,
      unverified_reason: null,
      guest_customer_ids: [],
    }
  }
  const typed = conversation.custom_attributes?.[CONTACT_FORM_EMAIL_ATTRIBUTE]
  const email = contact.email ?? mirrored?.email ?? (typeof typed === "string" ? typed : null)
  if (!email) throw notFound()
  return {
    ...base,
    customer_id: null,
    email: email.trim().toLowerCase(),
    guest_customer_ids: await guestCustomerIds(container.resolve(ContainerRegistrationKeys.QUERY), email),
    name: contact.name ?? null,
    verified: false,
    verification: null,
    unverified_reason: verdict.verified
      ? "The session is HMAC-verified, but its identifier is not a customer of this shop"
      : UNVERIFIED_REASON,
  }
}

async function customerExists(container: MedusaContainer, customerId: string) {
  if (!customerId.startsWith("cus_")) return false
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: customerId } })
  return data.length > 0
}
