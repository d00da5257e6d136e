import { createHash } from "node:crypto"
import { generateEntityId } from "@medusajs/framework/utils"
import { rowsOf, type EntityManager } from "./manager"

/* The delivery ledger (table `chatwoot_webhook_delivery`): de-duplication of accepted deliveries and the health counts. */

export type WebhookDeliveryInput = {
  account_id: string | null
  delivery_key?: string | null
  material_key?: string | null
  event?: string | null
  outcome: "accepted" | "rejected"
  reason?: string | null
  hits?: number
}
export type RecordedWebhookDelivery = { id: string; duplicate: boolean }

/**
 * Records a delivery. An accepted one claims its keys (each unique per
 * account among accepted rows: the delivery id and the signed material):
 * when one was already taken the delivery is recorded as a duplicate instead
 * and `duplicate` is true. One statement, so two simultaneous copies of a
 * delivery cannot both be accepted. A refusal adds `hits` (default 1) to the
 * aggregate row of its account, reason and minute.
 */
export async function recordWebhookDelivery(manager: EntityManager, input: WebhookDeliveryInput): Promise<RecordedWebhookDelivery> {
  const insert = (outcome: string, reason: string | null, materialKey: string | null, conflict: string) =>
    rowsOf<{ id: string }>(
      manager,
      `insert into chatwoot_webhook_delivery (id, account_id, delivery_key, material_key, event, outcome, reason, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, now(), now()) ${conflict} returning id`,
      [
        generateEntityId(undefined, "cwhook"),
        input.account_id,
        input.delivery_key ?? null,
        materialKey,
        input.event ?? null,
        outcome,
        reason,
      ]
    )
  if (input.outcome === "accepted" && (input.delivery_key || input.material_key)) {
    // no conflict target: a conflict on either unique key (delivery id, signed material) is a duplicate
    const rows = await insert("accepted", null, input.material_key ?? null, "on conflict do nothing")
    if (rows.length) return { id: rows[0].id, duplicate: false }
    const dup = await insert("duplicate", "already received", null, "")
    return { id: dup[0].id, duplicate: true }
  }
  if (input.outcome === "rejected") {
    const hits = Math.max(1, Math.floor(input.hits ?? 1))
    const reason = input.reason ?? "unknown"
    const minute = Math.floor(Date.now() / 60_000)
    const id = `cwhook_r${createHash("sha256").update(`${input.account_id ?? ""}|${reason}|${minute}`).digest("hex").slice(0, 26)}`
    const rows = await rowsOf<{ id: string }>(
      manager,
      `insert into chatwoot_webhook_delivery (id, account_id, event, outcome, reason, hits, created_at, updated_at)
       values (?, ?, ?, 'rejected', ?, ?, now(), now())
       on conflict (id) do update set hits = chatwoot_webhook_delivery.hits + excluded.hits, updated_at = now()
       returning id`,
      [id, input.account_id, input.event ?? null, reason, hits]
    )
    return { id: rows[0].id, duplicate: false }
  }
  const rows = await insert(input.outcome, input.reason ?? null, null, "")
  return { id: rows[0].id, duplicate: false }
}

/** Deletes delivery records created before `before` (in batches); returns how many. */
export async function purgeWebhookDeliveries(manager: EntityManager, before: Date): Promise<number> {
  let total = 0
  for (;;) {
    const rows = await rowsOf<{ id: string }>(
      manager,
      `delete from chatwoot_webhook_delivery where id in (
         select id from chatwoot_webhook_delivery where created_at < ? limit 5000) returning id`,
      [before]
    )
    total += rows.length
    if (rows.length < 5000) return total
  }
}
