import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { AdminChatwootAccountList } from "../lib/types"
import { chatwootKeys } from "./query-keys"

type AccountsQuery = { sales_channel_id?: string }

/**
 * The Chatwoot accounts the plugin manages (with storefronts, inboxes and
 * agents). Polls while an account is still provisioning.
 */
export function useChatwootAccounts(query: AccountsQuery = {}) {
  const params = { limit: 100, ...query }
  return useQuery({
    queryKey: chatwootKeys.accountList(params),
    queryFn: () => sdk.client.fetch<AdminChatwootAccountList>("/admin/chatwoot/accounts", { query: params }),
    refetchInterval: (q) =>
      q.state.data?.accounts.some((a) => a.status === "provisioning") ? 3000 : false,
  })
}
