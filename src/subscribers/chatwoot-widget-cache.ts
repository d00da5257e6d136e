import type { SubscriberConfig } from "@medusajs/framework"
import { invalidateWidgetConfigCache } from "../api/store/chatwoot/widget-config"

/**
 * Storefront widget configs and identity targets are cached in memory; any
 * change to accounts, storefront settings, inboxes or the store (default
 * locale) drops them.
 */
export default async function chatwootWidgetCacheHandler() {
  invalidateWidgetConfigCache()
}

export const config: SubscriberConfig = {
  event: [
    "chatwoot.chatwoot-account.created",
    "chatwoot.chatwoot-account.updated",
    "chatwoot.chatwoot-account.deleted",
    "chatwoot.chatwoot-storefront.created",
    "chatwoot.chatwoot-storefront.updated",
    "chatwoot.chatwoot-storefront.deleted",
    "chatwoot.chatwoot-inbox.created",
    "chatwoot.chatwoot-inbox.updated",
    "chatwoot.chatwoot-inbox.deleted",
    "store.store.updated",
    "store.store-locale.created",
    "store.store-locale.updated",
    "store.store-locale.deleted",
  ],
  context: { subscriberId: "chatwoot-widget-cache" },
}
