import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import { guestCustomerIds } from "../../../modules/chatwoot/identity-trust"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import type { PlannerCustomer, PlannerOrder, WebhookLookups } from "./types"

const ORDER_FIELDS = ["id", "display_id", "customer_id", "email", "sales_channel_id"]

/** The planner's reads, answered from Medusa (query.graph) and the Chatwoot module. */
export function containerLookups(container: MedusaContainer): WebhookLookups {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  return {
    async inboxSalesChannel(accountId, chatwootInboxId) {
      const [inbox] = await chatwoot.listChatwootInboxes(
        { account_id: accountId, chatwoot_inbox_id: chatwootInboxId },
        { select: ["sales_channel_id"] }
      )
      return inbox?.sales_channel_id ?? null
    },
    async recordedOwner(accountId, chatwootConversationId) {
      const [recorded] = await chatwoot.listChatwootConversations(
        { account_id: accountId, chatwoot_conversation_id: chatwootConversationId },
        { take: 1, select: ["customer_id", "identity_source"] }
      )
      return recorded ? { customer_id: recorded.customer_id ?? null, identity_source: recorded.identity_source ?? null } : null
    },
    async customerExists(id) {
      const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { id } })
      return Boolean(data[0])
    },
    async customer(id) {
      const { data } = await query.graph({
        entity: "customer",
        fields: ["id", "email", "first_name", "last_name", "phone"],
        filters: { id },
      })
      return (data[0] as PlannerCustomer | undefined) ?? null
    },
    async orders(filters) {
      const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters })
      return data as PlannerOrder[]
    },
    guestCustomerIds: (email) => guestCustomerIds(query, email),
  }
}
