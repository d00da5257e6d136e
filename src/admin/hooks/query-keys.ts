/** react-query keys of the Chatwoot admin UI; mutations invalidate `chatwootKeys.all`. */
export const chatwootKeys = {
  all: ["chatwoot"] as const,
  accounts: () => ["chatwoot", "accounts"] as const,
  accountList: (query: Record<string, unknown>) => ["chatwoot", "accounts", "list", query] as const,
  storefront: (salesChannelId: string) => ["chatwoot", "storefronts", salesChannelId] as const,
  salesChannels: () => ["chatwoot", "sales-channels"] as const,
}
