import { useMutation, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { chatwootKeys } from "./query-keys"

export type AdminChatwootCustomerEraseResponse = { customer_id: string; queued: number }

/** Fetches the customer's GDPR export and saves it as a JSON file. */
export function useExportChatwootCustomer(customerId: string) {
  return useMutation({
    mutationFn: async () => {
      const data = await sdk.client.fetch<Record<string, unknown>>(
        `/admin/chatwoot/customers/${encodeURIComponent(customerId)}/export`
      )
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" })
      const url = URL.createObjectURL(blob)
      const link = document.createElement("a")
      link.href = url
      link.download = `chatwoot-${customerId}.json`
      document.body.appendChild(link)
      link.click()
      link.remove()
      URL.revokeObjectURL(url)
      return data
    },
  })
}

/** Queues the erase of the customer's contact in every Chatwoot account. */
export function useEraseChatwootCustomer(customerId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<AdminChatwootCustomerEraseResponse>(
        `/admin/chatwoot/customers/${encodeURIComponent(customerId)}/erase`,
        { method: "POST" }
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: chatwootKeys.all }),
  })
}
