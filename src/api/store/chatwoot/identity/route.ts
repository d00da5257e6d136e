import { createHmac } from "node:crypto"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../../../../modules/chatwoot"
import type ChatwootModuleService from "../../../../modules/chatwoot/service"
import { kickChatwootSync } from "../../../../sync/wake"
import { getIdentityTarget } from "../widget-config"
import { fullName } from "../../../../lib/customer-name"

/** (account, customer) pairs whose contact is known to exist or be queued, in this process. */
const ensured = new Set<string>()
const MAX_ENSURED = 50_000

/**
 * A widget identity request makes the customer a contact of that storefront's
 * account: when the plugin has no contact row there yet, a
 * contact upsert goes into the durable sync queue. Runs once per account and
 * customer per process, off the response path.
 */
async function ensureContact(container: MedusaContainer, accountId: string, customerId: string, salesChannelId: string | null) {
  const key = `${accountId}:${customerId}`
  if (ensured.has(key)) return
  if (ensured.size >= MAX_ENSURED) ensured.clear()
  ensured.add(key)
  try {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const [contact] = await chatwoot.listChatwootContacts(
      { account_id: accountId, customer_id: customerId },
      { select: ["id"], take: 1 }
    )
    if (contact) return
    await chatwoot.enqueueSyncJobs([
      {
        account_id: accountId,
        kind: "contact_upsert",
        subject: customerId,
        payload: salesChannelId ? { sales_channel_id: salesChannelId } : {},
      },
    ])
    kickChatwootSync(container)
  } catch (error) {
    ensured.delete(key)
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Chatwoot: could not queue the contact of customer ${customerId}: ${(error as Error).message}`)
  }
}

/** Chatwoot identity check: hex(HMAC-SHA256(website inbox hmac_token, identifier)). */
export function identifierHash(hmacToken: string, identifier: string) {
  return createHmac("sha256", hmacToken).update(identifier, "utf8").digest("hex")
}

/**
 * GET /store/chatwoot/identity — the logged-in customer's verified chat
 * identity for the publishable key's storefront (the widget's `setUser` with
 * Chatwoot's HMAC `identifier_hash`). Guests get 401 and chat anonymously. The HMAC token never leaves.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.setHeader("Cache-Control", "no-store")
  const customerId = req.auth_context?.actor_type === "customer" ? req.auth_context.actor_id : undefined
  if (!customerId) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Log in as a customer to get a chat identity")
  }
  const salesChannelIds = (req as { publishable_key_context?: { sales_channel_ids?: string[] } }).publishable_key_context
    ?.sales_channel_ids ?? []
  const target = await getIdentityTarget(req.scope, salesChannelIds)
  if (!target) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "Chat is not available for this storefront")
  }
  // the customer module directly (one indexed select; no cross-module join needed)
  const [customer] = await req.scope
    .resolve(Modules.CUSTOMER)
    .listCustomers({ id: customerId }, { select: ["id", "email", "first_name", "last_name", "phone"], take: 1 })
  if (!customer) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Log in as a customer to get a chat identity")
  }
  void ensureContact(req.scope, target.account_id, customer.id, target.sales_channel_id)
  const name = fullName(customer)
  res.json({
    identity: {
      identifier: customer.id,
      identifier_hash: identifierHash(target.hmac_token, customer.id),
      email: customer.email,
      name: name || customer.email,
      ...(customer.phone ? { phone_number: customer.phone } : {}),
    },
  })
}
