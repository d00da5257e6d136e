import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../../../../../modules/chatwoot"
import type ChatwootModuleService from "../../../../../modules/chatwoot/service"
import { chatwootAppUrl } from "../../../../../lib/admin-urls"

/**
 * GET /admin/chatwoot/customers/:id — the customer in Chatwoot: their contact
 * per account (with the storefronts it serves and a link into Chatwoot) and
 * the state of their sync rows. Conversations come from /admin/chatwoot/conversations.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const chatwoot = req.scope.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const customerId = req.params.id
  const contacts = await chatwoot.listChatwootContacts({ customer_id: customerId })
  const accountIds = [...new Set(contacts.map((c) => c.account_id))]
  type StorefrontRow = { account_id: string; sales_channel_id: string }
  const [accounts, storefronts, jobs] = await Promise.all([
    accountIds.length ? chatwoot.listChatwootAccounts({ id: accountIds }, { select: ["id", "name", "chatwoot_account_id", "status"] }) : [],
    accountIds.length
      ? (chatwoot.listChatwootStorefronts({ account_id: accountIds }) as unknown as Promise<StorefrontRow[]>)
      : ([] as StorefrontRow[]),
    chatwoot.listChatwootSyncJobs(
      { subject: customerId },
      { select: ["id", "kind", "status", "last_error", "updated_at", "finished_at"], order: { updated_at: "DESC" }, take: 50 }
    ),
  ])
  const channelIds = [...new Set(storefronts.map((s) => s.sales_channel_id))]
  const { data: channels } = channelIds.length
    ? await query.graph({ entity: "sales_channel", fields: ["id", "name"], filters: { id: channelIds } })
    : { data: [] as { id: string; name: string }[] }
  const channelName = new Map((channels as { id: string; name: string }[]).map((c) => [c.id, c.name]))
  const base = chatwoot.getPublicOptions().chatwoot_url.replace(/\/+$/, "")
  res.json({
    customer_id: customerId,
    contacts: contacts.map((c) => {
      const account = accounts.find((a) => a.id === c.account_id)
      return {
        account_id: c.account_id,
        account_name: account?.name ?? null,
        account_status: account?.status ?? null,
        storefronts: storefronts
          .filter((s) => s.account_id === c.account_id)
          .map((s) => ({ sales_channel_id: s.sales_channel_id, name: channelName.get(s.sales_channel_id) ?? s.sales_channel_id })),
        chatwoot_contact_id: c.chatwoot_contact_id,
        last_synced_at: c.last_synced_at,
        chatwoot_url:
          account?.chatwoot_account_id && c.chatwoot_contact_id
            ? chatwootAppUrl(base, account.chatwoot_account_id, `contacts/${c.chatwoot_contact_id}`)
            : null,
      }
    }),
    sync: {
      pending: jobs.filter((j) => j.status === "pending" || j.status === "processing").length,
      failed: jobs.filter((j) => j.status === "failed").map((j) => ({ id: j.id, kind: j.kind, last_error: j.last_error })),
      last_done_at: jobs.find((j) => j.status === "done")?.finished_at ?? null,
    },
  })
}
