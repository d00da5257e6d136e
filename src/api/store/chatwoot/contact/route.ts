import { randomUUID } from "node:crypto"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../../../../modules/chatwoot"
import { ChatwootApiError } from "../../../../modules/chatwoot/client"
import { guestCustomerIds, isGuestOrder } from "../../../../modules/chatwoot/identity-trust"
import type ChatwootModuleService from "../../../../modules/chatwoot/service"
import { claimForSender, deliverContactMessage, type ContactMessageInput } from "../../../../sync/handlers/contact-message"
import { kickChatwootSync } from "../../../../sync/wake"
import { clientKeyOf, consumeAll, refund, storefrontIdsOf, tooManyRequests } from "../../../rate-limits"
import type { StorePostChatwootContactType } from "../validators"
import { firstProvisionedStorefront } from "../widget-config"

type ContactTarget = { account_id: string; sales_channel_id: string; inbox_identifier: string }

/** The account and API inbox taking contact-form messages for the key's first provisioned channel. */
async function getContactTarget(container: MedusaContainer, salesChannelIds: string[]): Promise<ContactTarget | "unavailable" | null> {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const storefront = await firstProvisionedStorefront(chatwoot, salesChannelIds)
  if (!storefront) return null
  if (storefront.account.status !== "active") return "unavailable"
  const [apiInbox] = await chatwoot.listChatwootInboxes(
    { account_id: storefront.account.id, kind: "api" },
    { select: ["id", "inbox_identifier"] }
  )
  if (!apiInbox?.inbox_identifier) return "unavailable"
  return {
    account_id: storefront.account.id,
    sales_channel_id: storefront.sales_channel_id,
    inbox_identifier: apiInbox.inbox_identifier,
  }
}

/**
 * The order id when it is an order of this storefront's sales channel of the
 * logged-in customer, or a guest order (no customer) placed with this e-mail;
 * otherwise undefined, never telling whether the order exists.
 */
async function verifiedOrderId(
  container: MedusaContainer,
  orderId: string | undefined,
  email: string,
  salesChannelId: string,
  customerId: string | undefined
): Promise<string | undefined> {
  if (!orderId) return undefined
  try {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "email", "customer_id", "sales_channel_id"],
      filters: { id: orderId },
    })
    const order = data[0] as { id: string; email?: string | null; customer_id?: string | null; sales_channel_id?: string | null } | undefined
    if (!order || order.sales_channel_id !== salesChannelId) return undefined
    const byEmail =
      Boolean(order.email) &&
      order.email!.trim().toLowerCase() === email &&
      isGuestOrder(order, await guestCustomerIds(query, email))
    const byCustomer = Boolean(customerId) && order.customer_id === customerId
    return byEmail || byCustomer ? order.id : undefined
  } catch {
    return undefined
  }
}

/** The logged-in customer's own e-mail in Medusa (never the one typed in the form). */
async function accountEmail(container: MedusaContainer, customerId: string): Promise<string | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "email"], filters: { id: customerId } })
  const email = (data[0] as { email?: string | null } | undefined)?.email
  return email ? email.trim().toLowerCase() : undefined
}

/**
 * POST /store/chatwoot/contact — the fallback contact form:
 * the message goes to the storefront's API inbox through the Public API as
 * plain text; 201 `{ conversation_id }`. When Chatwoot cannot be reached it is
 * kept in the durable sync queue and delivered later: 202 `{ queued: true }`.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StorePostChatwootContactType>, res: MedusaResponse) => {
  res.setHeader("Cache-Control", "no-store")
  const body = req.validatedBody
  // counted before anything is awaited: parallel posts cannot all pass (per client, e-mail, storefront)
  const limited = await consumeAll([
    ["contact_ip", clientKeyOf(req)],
    ["contact_email", body.email],
    ...storefrontIdsOf(req).map((id): ["contact_storefront", string] => ["contact_storefront", id]),
  ])
  if (!limited.allowed) return tooManyRequests(res, limited.retryAfterMs, "Too many messages. Please try again later.")

  const salesChannelIds = (req as { publishable_key_context?: { sales_channel_ids?: string[] } }).publishable_key_context
    ?.sales_channel_ids ?? []
  const target = await getContactTarget(req.scope, salesChannelIds)
  // nothing was sent: the sender keeps their per-e-mail allowance (the per-client one still bounds retries)
  if (!target || target === "unavailable") await refund("contact_email", body.email)
  if (!target) throw new MedusaError(MedusaError.Types.NOT_FOUND, "The contact form is not available for this storefront")
  if (target === "unavailable") {
    // answered here: Medusa's error handler would swap a CONFLICT's message for an idempotency-key hint
    res.status(409).json({ type: "not_available", message: "The contact form is not available for this storefront right now" })
    return
  }

  const customerId = req.auth_context?.actor_type === "customer" ? req.auth_context.actor_id : undefined
  const customerEmail = customerId ? await accountEmail(req.scope, customerId) : undefined
  // an anonymous sender's typed e-mail proves nothing: it links only guest orders (identity-trust.ts)
  const orderId = await verifiedOrderId(req.scope, body.order_id, body.email, target.sales_channel_id, customerId)
  const input: ContactMessageInput = {
    email: body.email,
    ...(body.name ? { name: body.name } : {}),
    message: body.message,
    ...(orderId ? { medusa_order_id: orderId } : {}),
    sales_channel_id: target.sales_channel_id,
    submitted_at: new Date().toISOString(),
    ...(customerId ? { customer_id: customerId, ...(customerEmail ? { customer_email: customerEmail } : {}) } : {}),
  }
  const chatwoot = req.scope.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  try {
    const result = await deliverContactMessage(chatwoot.getClient().public(target.inbox_identifier), input, {
      retry: false,
      onConversation: claimForSender(chatwoot, target.account_id, input),
    })
    res.status(201).json({ conversation_id: result.conversation_id })
  } catch (error) {
    if (!ChatwootApiError.is(error)) throw error
    // Chatwoot unreachable or failing: the message is kept and sent by the sync queue
    const [job] = await chatwoot.enqueueSyncJobs([
      {
        account_id: target.account_id,
        kind: "contact_message",
        // a logged-in sender's row is about them (a GDPR erase purges it with their other rows)
        subject: customerId ?? body.email,
        payload: input as unknown as Record<string, unknown>,
        coalesce_key: `contact_message:${target.account_id}:${randomUUID()}`,
      },
    ])
    req.scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Chatwoot: contact-form message queued as ${job.id} (${error.status ?? "no response"})`)
    kickChatwootSync(req.scope, 1_000)
    res.status(202).json({ queued: true })
  }
}
