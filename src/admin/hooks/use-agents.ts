import { useMutation, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { AdminAddChatwootAgents, AdminAddChatwootAgentsResponse } from "../lib/types"
import { chatwootKeys } from "./query-keys"

/** Adds one person as agent or administrator to one or more accounts. */
export function useAddChatwootAgents() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminAddChatwootAgents) =>
      sdk.client.fetch<AdminAddChatwootAgentsResponse>("/admin/chatwoot/agents", { method: "POST", body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: chatwootKeys.all }),
  })
}

/** Removes an agent from an account. */
export function useRemoveChatwootAgent() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ accountId, agentId }: { accountId: string; agentId: string }) =>
      sdk.client.fetch<{ id: string; deleted: true }>(`/admin/chatwoot/accounts/${accountId}/agents/${agentId}`, {
        method: "DELETE",
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: chatwootKeys.all }),
  })
}
