import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import { ChatwootApiError } from "../../../modules/chatwoot/client"
import { accountName, toChatwootLocale } from "../../../modules/chatwoot/provisioning"
import type ChatwootModuleService from "../../../modules/chatwoot/service"

type Change = {
  account_id: string
  chatwoot_account_id: number | null
  remote: boolean
  name: { from: string; to: string }
  locale: { from: string | null; to: string }
  inboxes: { chatwoot_inbox_id: number; from: string; to: string }[]
}

export const syncAccountNamesStepId = "chatwoot-sync-account-names"

/**
 * Keeps account names and locales in step with the store and sales channels
 * (unless the admin set a custom name or locale) and website inbox names in
 * step with their sales channels. Only accounts the plugin created are
 * renamed in Chatwoot; a linked account keeps the merchant's name there.
 * Compensation renames everything back.
 */
export const syncAccountNamesStep = createStep(
  syncAccountNamesStepId,
  async (input: { account_ids?: string[]; sales_channel_id?: string }, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const client = chatwoot.getClient()

    let accountIds = input.account_ids
    if (input.sales_channel_id) {
      const storefronts = await chatwoot.listChatwootStorefronts({ sales_channel_id: input.sales_channel_id })
      accountIds = storefronts.map((s) => s.account_id)
    }
    const accounts = await chatwoot.listChatwootAccounts(accountIds ? { id: accountIds } : {}, {
      relations: ["storefronts", "inboxes"],
    })
    if (!accounts.length) return new StepResponse([] as Change[], [] as Change[])

    const { data: stores } = await query.graph({ entity: "store", fields: ["name", "supported_locales.locale_code"] })
    const store = stores[0] as { name?: string | null; supported_locales?: { locale_code: string }[] } | undefined
    const channelIds = accounts.flatMap((a) => a.storefronts.map((s) => s.sales_channel_id))
    const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id", "name"], filters: { id: channelIds } })
    const channelName = new Map(channels.map((c) => [c.id as string, c.name as string]))

    const changes: Change[] = []
    for (const account of accounts) {
      if (account.status === "provisioning") continue
      const names = account.storefronts.map((s) => channelName.get(s.sales_channel_id)).filter(Boolean) as string[]
      const derived = names.length === 1 ? accountName(store?.name, names[0]) : (store?.name ?? account.name)
      const name = account.custom_name ?? derived
      const locale = account.custom_locale ?? toChatwootLocale(store?.supported_locales?.[0]?.locale_code)
      const change: Change = {
        account_id: account.id,
        chatwoot_account_id: account.chatwoot_account_id,
        remote: account.mode === "provisioned" && Boolean(account.chatwoot_account_id) && client.hasPlatformToken,
        name: { from: account.name, to: name },
        locale: { from: account.locale, to: locale },
        inboxes: [],
      }
      if (account.access_token_encrypted && account.status === "active") {
        const api = chatwoot.accountApi(account)
        for (const inbox of account.inboxes.filter((i) => i.kind === "website" && i.chatwoot_inbox_id)) {
          const wanted = channelName.get(inbox.sales_channel_id ?? "")
          if (!wanted) continue
          const remote = await api.inboxes.get(inbox.chatwoot_inbox_id!).catch((e) => {
            if (e instanceof ChatwootApiError && e.status === 404) return null
            throw e
          })
          if (remote && remote.name !== wanted) {
            await api.inboxes.update(remote.id, { name: wanted })
            change.inboxes.push({ chatwoot_inbox_id: remote.id, from: remote.name, to: wanted })
          }
        }
      }
      if (change.name.from === change.name.to && change.locale.from === change.locale.to && !change.inboxes.length) {
        continue
      }
      if (change.remote) {
        await client.platform.accounts.update(account.chatwoot_account_id!, { name, locale })
      }
      await chatwoot.updateChatwootAccounts({ id: account.id, name, locale })
      changes.push(change)
    }
    return new StepResponse(changes, changes)
  },
  async (changes, { container }) => {
    if (!changes?.length) return
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    for (const change of changes) {
      const account = await chatwoot.retrieveChatwootAccount(change.account_id)
      if (change.remote) {
        await chatwoot.getClient().platform.accounts.update(change.chatwoot_account_id!, {
          name: change.name.from,
          ...(change.locale.from ? { locale: change.locale.from } : {}),
        })
      }
      for (const inbox of change.inboxes) {
        await chatwoot.accountApi(account).inboxes.update(inbox.chatwoot_inbox_id, { name: inbox.from })
      }
      await chatwoot.updateChatwootAccounts({ id: change.account_id, name: change.name.from, locale: change.locale.from })
    }
  }
)
