import type { MedusaContainer } from "@medusajs/framework/types"
import { reconcileChatwootContacts } from "../sync/reconcile"

/**
 * Every 15 minutes: re-syncs contacts whose Medusa data changed since their
 * last sync (changes no event reported) and recreates or drops contacts
 * deleted in Chatwoot. See reconcileChatwootContacts.
 */
export default async function chatwootSyncReconcile(container: MedusaContainer) {
  await reconcileChatwootContacts(container)
}

export const config = {
  name: "chatwoot-sync-reconcile",
  schedule: { cron: "*/15 * * * *", concurrency: "forbid" as const },
}
