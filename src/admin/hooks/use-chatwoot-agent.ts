import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type {
  AdminChatwootConversationsResponse,
  AdminChatwootCustomerResponse,
  AdminChatwootHealthResponse,
  ConversationsQuery,
} from "../lib/agent-types"
import { chatwootKeys } from "./query-keys"

const toQueryString = (query: Record<string, unknown>) => {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ""
}

/** Health of every account (refreshed every 30 s while shown). */
export function useChatwootHealth() {
  return useQuery({
    queryKey: [...chatwootKeys.all, "health"],
    queryFn: () => sdk.client.fetch<AdminChatwootHealthResponse>("/admin/chatwoot/health"),
    refetchInterval: 30_000,
  })
}

/** Conversations from the plugin's mirror, across storefronts. */
export function useChatwootConversations(query: ConversationsQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...chatwootKeys.all, "conversations", query],
    queryFn: () =>
      sdk.client.fetch<AdminChatwootConversationsResponse>(`/admin/chatwoot/conversations${toQueryString(query)}`),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  })
}

/** A customer's contacts per account and sync state. */
export function useChatwootCustomer(customerId: string) {
  return useQuery({
    queryKey: [...chatwootKeys.all, "customers", customerId],
    queryFn: () =>
      sdk.client.fetch<AdminChatwootCustomerResponse>(`/admin/chatwoot/customers/${encodeURIComponent(customerId)}`),
  })
}

/** "Sync now" for one customer. */
export function useSyncChatwootCustomer(customerId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ queued: number }>(`/admin/chatwoot/customers/${encodeURIComponent(customerId)}/sync`, {
        method: "POST",
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: chatwootKeys.all }),
  })
}

/** Puts failed sync rows (all, or the given ones) back in the queue. */
export function useReplayChatwootSync() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (ids?: string[]) =>
      sdk.client.fetch<{ replayed: string[]; superseded: string[] }>("/admin/chatwoot/sync/replay", {
        method: "POST",
        body: ids ? { ids } : {},
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: chatwootKeys.all }),
  })
}

/** Gives an account's dashboard app a new secret (the old link stops working). */
export function useRotateDashboardAppSecret() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (accountId: string) =>
      sdk.client.fetch<{ rotated: boolean }>(`/admin/chatwoot/accounts/${encodeURIComponent(accountId)}/dashboard-app/rotate`, {
        method: "POST",
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: chatwootKeys.all }),
  })
}
