import { contactName } from "../../../lib/customer-name"
import { toE164 } from "../../../lib/phone"
import { contactDifferences, contactFacts, tierMayHaveChanged } from "../mirror-data"
import { existingCustomer } from "./links"
import { emptyPlan, type PlanContext, type PreparedWebhook } from "./types"

/**
 * `contact_updated`: what an agent changed on a Medusa customer's contact is
 * kept for review (name, e-mail, phone against Medusa's values); a changed
 * tier attribute routes the customer's open conversations again.
 */
export async function planContactUpdated({ input, account, lookups }: PlanContext): Promise<PreparedWebhook> {
  const out = emptyPlan(input.delivery_id)
  const payload = input.payload
  const facts = contactFacts(payload)
  const customerId = await existingCustomer(lookups, facts?.identifier ?? null)
  if (!facts || !customerId) return { ...out, skipped: "not a Medusa customer" }
  const c = await lookups.customer(customerId)
  const email = c?.email ?? null
  // the name the contact sync sends
  const name = contactName({ ...c, email, id: customerId })
  const diff = contactDifferences(facts, {
    name,
    email: email?.toLowerCase() ?? null,
    phone_number: toE164(c?.phone ?? null) ?? c?.phone ?? null,
  })
  if (Object.keys(diff).length) {
    out.contact_change = { account_id: account.id, customer_id: customerId, chatwoot_contact_id: facts.chatwoot_contact_id, changes: diff }
  }
  if (tierMayHaveChanged(payload)) out.reroute_customer_id = customerId
  return out
}
