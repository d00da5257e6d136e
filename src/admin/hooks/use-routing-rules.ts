import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { StoredRoutingRules } from "../../modules/chatwoot/routing-rules"
import { sdk } from "../lib/sdk"

export type { RoutingPriority } from "../../modules/chatwoot/routing-rules"

/** Routing rules as the server stores them (teams with their Chatwoot ids). */
export type RoutingRules = StoredRoutingRules

/** What the admin sends: teams by name (the plugin finds or creates them in Chatwoot). */
export type RoutingRulesInput = Omit<RoutingRules, "storefront_team" | "language_teams"> & {
  storefront_team: string | null
  language_teams: { language: string; team: string }[]
}

export type AdminRoutingResponse = { routing: { sales_channel_id: string; rules: RoutingRules; tiers: string[] } }

const routingKey = (salesChannelId: string) => ["chatwoot", "storefronts", salesChannelId, "routing"] as const

/** A storefront's routing rules and the configured tier names. */
export function useRoutingRules(salesChannelId: string) {
  return useQuery({
    queryKey: routingKey(salesChannelId),
    queryFn: () => sdk.client.fetch<AdminRoutingResponse>(`/admin/chatwoot/storefronts/${salesChannelId}/routing`),
  })
}

/** Replaces a storefront's routing rules. */
export function useUpdateRoutingRules(salesChannelId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: RoutingRulesInput) =>
      sdk.client.fetch<AdminRoutingResponse>(`/admin/chatwoot/storefronts/${salesChannelId}/routing`, { method: "POST", body }),
    onSuccess: (data) => queryClient.setQueryData(routingKey(salesChannelId), data),
  })
}
