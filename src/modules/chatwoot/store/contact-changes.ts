import { generateEntityId } from "@medusajs/framework/utils"
import { rowsOf, type EntityManager } from "./manager"

export type ContactChangeInput = {
  account_id: string
  customer_id: string
  chatwoot_contact_id: number
  changes: Record<string, unknown>
}

/**
 * Keeps one pending review row per contact with the latest differences
 * between the Chatwoot contact and the Medusa customer.
 */
export async function upsertContactChange(manager: EntityManager, input: ContactChangeInput): Promise<{ id: string; inserted: boolean }> {
  const [row] = await rowsOf<{ id: string; inserted: boolean }>(
    manager,
    `insert into chatwoot_contact_change (id, account_id, customer_id, chatwoot_contact_id, changes, status, created_at, updated_at)
     values (?, ?, ?, ?, ?::jsonb, 'pending', now(), now())
     on conflict (account_id, chatwoot_contact_id) where status = 'pending' and deleted_at is null
     do update set changes = chatwoot_contact_change.changes || excluded.changes,
                   customer_id = excluded.customer_id, updated_at = now()
     returning id, (xmax = 0) as inserted`,
    [generateEntityId(undefined, "cwchg"), input.account_id, input.customer_id, input.chatwoot_contact_id, JSON.stringify(input.changes)]
  )
  return { id: row.id, inserted: Boolean(row.inserted) }
}
