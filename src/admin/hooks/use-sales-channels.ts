import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { chatwootKeys } from "./query-keys"

/** Every sales channel (storefront) of the shop. */
export function useSalesChannels() {
  return useQuery({
    queryKey: chatwootKeys.salesChannels(),
    queryFn: () =>
      sdk.admin.salesChannel.list({ limit: 100, fields: "id,name,description,is_disabled", order: "created_at" }),
  })
}
