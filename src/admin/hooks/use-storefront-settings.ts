import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { AdminChatwootStorefrontResponse, WidgetSettingsPatch } from "../lib/types"
import { chatwootKeys } from "./query-keys"

/** A storefront's chat widget settings (defaults filled in by the server). */
export function useStorefrontSettings(salesChannelId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: chatwootKeys.storefront(salesChannelId),
    queryFn: () =>
      sdk.client.fetch<AdminChatwootStorefrontResponse>(`/admin/chatwoot/storefronts/${salesChannelId}`),
    enabled: options.enabled ?? true,
  })
}

/** Saves a partial settings object on top of the stored one. */
export function useUpdateStorefrontSettings(salesChannelId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: WidgetSettingsPatch) =>
      sdk.client.fetch<AdminChatwootStorefrontResponse>(`/admin/chatwoot/storefronts/${salesChannelId}`, {
        method: "POST",
        body,
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(chatwootKeys.storefront(salesChannelId), data)
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: chatwootKeys.all }),
  })
}
