import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type ChatwootModuleService from "../modules/chatwoot/service"

/**
 * Guests whose contacts a registered customer's contact absorbs: guest
 * customers (no login) other than the customer, with the customer's e-mail,
 * that have a contact (in `account_id` when given, else in any account).
 * Returned per account. Nothing for a guest or a customer without e-mail.
 */
export async function guestsToAbsorb(
  container: MedusaContainer,
  chatwoot: ChatwootModuleService,
  customerId: string,
  accountId?: string
): Promise<Map<string, string[]>> {
  const byAccount = new Map<string, string[]>()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "email", "has_account"], filters: { id: customerId } })
  const customer = data[0] as { email?: string | null; has_account?: boolean } | undefined
  if (!customer?.has_account || !customer.email) return byAccount
  const sameEmail = await chatwoot.listChatwootContacts(
    { ...(accountId ? { account_id: accountId } : {}), email: customer.email.trim().toLowerCase() },
    { select: ["account_id", "customer_id"] }
  )
  const others = [...new Set(sameEmail.map((c) => c.customer_id).filter((id): id is string => !!id && id !== customerId))]
  if (!others.length) return byAccount
  const { data: guests } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: others, has_account: false } })
  const guestIds = new Set((guests as { id: string }[]).map((g) => g.id))
  for (const contact of sameEmail) {
    if (!contact.customer_id || !guestIds.has(contact.customer_id)) continue
    const list = byAccount.get(contact.account_id) ?? []
    if (!list.includes(contact.customer_id)) list.push(contact.customer_id)
    byAccount.set(contact.account_id, list)
  }
  return byAccount
}
