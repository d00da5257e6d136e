import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../../../../modules/chatwoot"
import type ChatwootModuleService from "../../../../modules/chatwoot/service"
import { IDENTITY_SOURCES, trustedCustomerId } from "../../../../modules/chatwoot/identity-trust"
import type { AdminListChatwootConversationsType } from "./validators"
import { chatwootAppUrl } from "../../../../lib/admin-urls"
import { fullName } from "../../../../lib/customer-name"

/**
 * GET /admin/chatwoot/conversations — conversations of every storefront from
 * the plugin's mirror (newest activity first), filterable by storefront,
 * status, tier, customer and order; each with its link into Chatwoot.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListChatwootConversationsType>, res: MedusaResponse) => {
  const chatwoot = req.scope.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const q = req.validatedQuery as AdminListChatwootConversationsType
  const filters: Record<string, unknown> = {}
  if (q.status !== "all") filters.status = q.status
  if (q.sales_channel_id) filters.sales_channel_id = q.sales_channel_id
  if (q.tier) filters.routed_tier = q.tier
  // only verified links count as the customer's conversations (identity-trust.ts)
  if (q.customer_id) Object.assign(filters, { customer_id: q.customer_id, identity_source: [...IDENTITY_SOURCES] })
  if (q.order_id) filters.order_id = q.order_id
  const [rows, count] = await chatwoot.listAndCountChatwootConversations(filters, {
    take: q.limit,
    skip: q.offset,
    order: { chatwoot_updated_at: "DESC", created_at: "DESC" },
  })

  const accountIds = [...new Set(rows.map((r) => r.account_id))]
  const accounts = accountIds.length
    ? await chatwoot.listChatwootAccounts({ id: accountIds }, { select: ["id", "name", "chatwoot_account_id"] })
    : []
  const accountById = new Map(accounts.map((a) => [a.id, a]))
  const channelIds = [...new Set(rows.map((r) => r.sales_channel_id).filter(Boolean))] as string[]
  const customerIds = [...new Set(rows.map((r) => trustedCustomerId(r)).filter(Boolean))] as string[]
  const [channels, customers] = await Promise.all([
    channelIds.length
      ? query.graph({ entity: "sales_channel", fields: ["id", "name"], filters: { id: channelIds } }).then((r) => r.data)
      : [],
    customerIds.length
      ? query
          .graph({ entity: "customer", fields: ["id", "email", "first_name", "last_name"], filters: { id: customerIds } })
          .then((r) => r.data)
      : [],
  ])
  const channelName = new Map((channels as { id: string; name: string }[]).map((c) => [c.id, c.name]))
  const customerById = new Map((customers as Record<string, any>[]).map((c) => [c.id as string, c]))
  const base = chatwoot.getPublicOptions().chatwoot_url.replace(/\/+$/, "")

  res.json({
    conversations: rows.map((r) => {
      const account = accountById.get(r.account_id)
      const customerId = trustedCustomerId(r)
      const customer = customerId ? customerById.get(customerId) : undefined
      const name = fullName(customer)
      return {
        id: r.id,
        account_id: r.account_id,
        account_name: account?.name ?? null,
        chatwoot_conversation_id: r.chatwoot_conversation_id,
        sales_channel_id: r.sales_channel_id,
        storefront: r.sales_channel_id ? (channelName.get(r.sales_channel_id) ?? r.sales_channel_id) : null,
        status: r.status,
        priority: r.priority,
        tier: r.routed_tier,
        customer_id: customerId,
        /** false: the e-mail is an unverified claim (a guest's, or typed by an anonymous sender) */
        verified: customerId !== null,
        identity_source: customerId ? r.identity_source : null,
        customer_name: name || null,
        email: customer?.email ?? r.email,
        order_id: r.order_id,
        assignee_name: r.assignee_name,
        team_name: r.team_name,
        labels: r.labels ?? [],
        last_message: r.last_message,
        unread_count: r.unread_count,
        last_activity_at: r.chatwoot_updated_at ?? r.updated_at,
        chatwoot_url: account?.chatwoot_account_id
          ? chatwootAppUrl(base, account.chatwoot_account_id, `conversations/${r.chatwoot_conversation_id}`)
          : null,
      }
    }),
    count,
    limit: q.limit,
    offset: q.offset,
    /** the configured tier names, for the tier filter */
    tiers: chatwoot.getPublicOptions().tiers.map((t) => t.name),
  })
}
