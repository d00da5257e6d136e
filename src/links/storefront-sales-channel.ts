import { defineLink } from "@medusajs/framework/utils"
import SalesChannelModule from "@medusajs/medusa/sales-channel"
import ChatwootModule from "../modules/chatwoot"

/**
 * Read-only link (no table): a storefront row joins its sales channel on
 * `sales_channel_id`, so `query.graph` can return `sales_channel { name }`.
 */
export default defineLink(
  {
    linkable: ChatwootModule.linkable.chatwootStorefront,
    field: "sales_channel_id",
  },
  SalesChannelModule.linkable.salesChannel,
  { readOnly: true }
)
