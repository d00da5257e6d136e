/**
 * Links to pages of the Medusa admin and of the Chatwoot app, built in server
 * code (order notes, contact attributes, the dashboard app, admin routes).
 * Dependency-free.
 */

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, "")

/** A Medusa admin page, e.g. `medusaAdminUrl(publicUrl, "orders/order_1")` → `<publicUrl>/app/orders/order_1`. */
export function medusaAdminUrl(publicUrl: string, path: string): string {
  return `${withoutTrailingSlash(publicUrl)}/app/${path}`
}

/** A page of one account in the Chatwoot app, e.g. `conversations/12` or `contacts/7`. */
export function chatwootAppUrl(chatwootUrl: string, chatwootAccountId: number, path: string): string {
  return `${withoutTrailingSlash(chatwootUrl)}/app/accounts/${chatwootAccountId}/${path}`
}
