import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** Whom an erase covers: customer ids (the customer and their guest records) and every e-mail they used. */
export type ErasureSubjects = { customer_ids: string[]; emails: string[] }

const norm = (email: unknown) => (typeof email === "string" && email.trim() ? email.trim().toLowerCase() : null)

/**
 * The customer (also when already deleted), the e-mails on the customer and
 * on their orders and carts, and the guest customer records (`has_account:
 * false`) with any of those e-mails, with their orders' e-mails too.
 */
export async function resolveErasureSubjects(container: MedusaContainer, customerId: string): Promise<ErasureSubjects> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const ids = new Set<string>([customerId])
  const emails = new Set<string>()
  const raw = new Set<string>()
  const add = (email: unknown) => {
    const n = norm(email)
    if (!n) return
    emails.add(n)
    raw.add(n)
    if (typeof email === "string") raw.add(email.trim())
  }
  const collect = async (customerIds: string[]) => {
    const { data: customers } = await query.graph({
      entity: "customer",
      fields: ["id", "email"],
      filters: { id: customerIds },
      withDeleted: true,
    })
    customers.forEach((c: { email?: string | null }) => add(c.email))
    for (const entity of ["order", "cart"] as const) {
      const { data } = await query.graph({ entity, fields: ["id", "email"], filters: { customer_id: customerIds } })
      data.forEach((r: { email?: string | null }) => add(r.email))
    }
  }
  await collect([customerId])
  if (raw.size) {
    const { data: guests } = await query.graph({
      entity: "customer",
      fields: ["id"],
      filters: { email: [...raw], has_account: false },
      withDeleted: true,
    })
    const newIds = (guests as { id: string }[]).map((g) => g.id).filter((id) => !ids.has(id))
    newIds.forEach((id) => ids.add(id))
    if (newIds.length) await collect(newIds)
  }
  return { customer_ids: [...ids], emails: [...emails] }
}
