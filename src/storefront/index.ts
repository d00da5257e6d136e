/**
 * `medusa-plugin-chatwoot/storefront`: mount the Chatwoot widget in a
 * framework storefront (Next.js, Remix, …). Browser-only, no dependencies.
 *
 *   const chat = mountChatwoot({ medusaUrl, publishableKey, getAuthToken: () => token })
 *   // after login: chat.identify()   after logout: chat.logout()
 */
export { mountChatwoot } from "./mount"
export type { MountChatwootOptions, MountedChatwoot, ChatwootStorefrontEvent } from "./mount"
