import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import { ChatwootApiError, type AccountApi, type Inbox } from "../../../modules/chatwoot/client"
import { API_INBOX_NAME } from "../../../modules/chatwoot/provisioning"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import { resolveWidgetSettings, toWebWidgetChannel } from "../../../modules/chatwoot/widget-settings"

const isWebWidget = (inbox: Inbox) => inbox.channel_type === "Channel::WebWidget"
const isApi = (inbox: Inbox) => inbox.channel_type === "Channel::Api"

async function getIfExists(api: AccountApi, inboxId: number | null): Promise<Inbox | null> {
  if (!inboxId) return null
  try {
    return await api.inboxes.get(inboxId)
  } catch (error) {
    if (error instanceof ChatwootApiError && error.status === 404) return null
    throw error
  }
}

export const ensureInboxesStepId = "chatwoot-ensure-inboxes"

/**
 * One website inbox per storefront of the account (HMAC enforced) and one API
 * inbox for the contact-form fallback. Inboxes already known are checked,
 * inboxes that exist in Chatwoot under the plugin's names are adopted, and
 * only the missing ones are created. Tokens are stored encrypted.
 */
export const ensureInboxesStep = createStep(
  ensureInboxesStepId,
  async (input: { account_id: string }, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const account = await chatwoot.retrieveChatwootAccount(input.account_id, {
      relations: ["storefronts", "inboxes"],
    })
    const api = chatwoot.accountApi(account)
    const publicUrl = chatwoot.getPublicOptions().public_url
    let remoteInboxes: Inbox[] | null = null
    const listRemote = async () => (remoteInboxes ??= await api.inboxes.list())

    const { data: channels } = await query.graph({
      entity: "sales_channel",
      fields: ["id", "name"],
      filters: { id: account.storefronts.map((s) => s.sales_channel_id) },
    })
    const channelName = new Map(channels.map((c) => [c.id, c.name as string]))

    const claimed = new Set(account.inboxes.map((i) => i.chatwoot_inbox_id).filter(Boolean))
    const result: { kind: string; chatwoot_inbox_id: number; adopted: boolean; created: boolean }[] = []

    const save = async (
      kind: "website" | "api",
      salesChannelId: string | null,
      inbox: Inbox,
      how: "known" | "adopted" | "created"
    ) => {
      if (kind === "website" && !inbox.hmac_token) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Chatwoot did not return the HMAC token of inbox ${inbox.id}: the stored token must belong to an administrator`
        )
      }
      const data = {
        chatwoot_inbox_id: inbox.id,
        website_token: inbox.website_token ?? null,
        inbox_identifier: inbox.inbox_identifier ?? null,
        hmac_token_encrypted: inbox.hmac_token ? chatwoot.encryptSecret("hmac_token", inbox.hmac_token) : null,
      }
      const existing = account.inboxes.find((i) => i.kind === kind && (i.sales_channel_id ?? null) === salesChannelId)
      if (existing) {
        await chatwoot.updateChatwootInboxes({ id: existing.id, ...data })
      } else {
        await chatwoot.createChatwootInboxes({ kind, sales_channel_id: salesChannelId, account_id: account.id, ...data })
      }
      claimed.add(inbox.id)
      result.push({ kind, chatwoot_inbox_id: inbox.id, adopted: how === "adopted", created: how === "created" })
    }

    for (const storefront of account.storefronts.filter((s) => s.enabled)) {
      const name = channelName.get(storefront.sales_channel_id) ?? storefront.sales_channel_id
      const known = account.inboxes.find((i) => i.kind === "website" && i.sales_channel_id === storefront.sales_channel_id)
      const current = await getIfExists(api, known?.chatwoot_inbox_id ?? null)
      if (current) {
        await save("website", storefront.sales_channel_id, current, "known")
        continue
      }
      const widgets = (await listRemote()).filter((i) => isWebWidget(i) && !claimed.has(i.id))
      // Adopt the storefront's inbox by name; a linked account with a single
      // website inbox and a single storefront adopts that inbox.
      const adopt =
        widgets.find((i) => i.name === name) ??
        (account.mode === "linked" && account.storefronts.length === 1 && widgets.length === 1 ? widgets[0] : undefined)
      if (adopt) {
        const full = await api.inboxes.get(adopt.id)
        await save("website", storefront.sales_channel_id, full, "adopted")
        continue
      }
      const settings = resolveWidgetSettings(storefront.widget_settings)
      const created = await api.inboxes.create({
        name,
        timezone: settings.business_hours.timezone,
        channel: { type: "web_widget", ...toWebWidgetChannel(settings, publicUrl) },
      })
      await save("website", storefront.sales_channel_id, created, "created")
    }

    const knownApi = account.inboxes.find((i) => i.kind === "api")
    const currentApi = await getIfExists(api, knownApi?.chatwoot_inbox_id ?? null)
    if (currentApi) {
      await save("api", null, currentApi, "known")
    } else {
      const adopt = (await listRemote()).find((i) => isApi(i) && i.name === API_INBOX_NAME)
      if (adopt) {
        await save("api", null, await api.inboxes.get(adopt.id), "adopted")
      } else {
        const created = await api.inboxes.create({ name: API_INBOX_NAME, channel: { type: "api" } })
        await save("api", null, created, "created")
      }
    }
    return new StepResponse(result)
  }
)
