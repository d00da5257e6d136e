import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

export type RoutingPriority = "urgent" | "high" | "medium" | "low"

/** Routing rules as the server stores them (teams with their Chatwoot ids). */
export type RoutingRules = {
  enabled: boolean
  priority_by_tier: Record<string, RoutingPriority>
  storefront_team: { name: string; id: number } | null
  storefront_team_tiers: string[]
  language_teams: { language: string; team: { name: string; id: number } }[]
  label_storefront: boolean
  storefront_label: string | null
  label_tier: boolean
  label_open_order: boolean
  label_after_hours: boolean
}

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
