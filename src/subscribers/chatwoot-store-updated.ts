import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { syncChatwootAccountNamesWorkflow } from "../workflows/account/workflows"

/**
 * The store's name or locales changed (`store.store.updated` is the only
 * store event Medusa emits): accounts that follow them are updated.
 */
export default async function storeUpdated({ container }: SubscriberArgs<{ id: string }>) {
  await syncChatwootAccountNamesWorkflow(container).run({ input: {} })
}

export const config: SubscriberConfig = {
  event: "store.store.updated",
  context: { subscriberId: "chatwoot-store-updated" },
}
