import { createHmac } from "node:crypto"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { getIdentityTarget } from "../widget-config"

/** Chatwoot identity check: hex(HMAC-SHA256(website inbox hmac_token, identifier)). */
export function identifierHash(hmacToken: string, identifier: string) {
  return createHmac("sha256", hmacToken).update(identifier, "utf8").digest("hex")
}

/**
 * GET /store/chatwoot/identity — the logged-in customer's verified chat
 * identity for the publishable key's storefront (design §3, chatwoot-api.md
 * §6.5). Guests get 401 and chat anonymously. The HMAC token never leaves.
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
  const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ").trim()
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
