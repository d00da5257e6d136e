import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import type { EnqueueSyncJobInput } from "../../../modules/chatwoot/sync-queue"
import { guestsToAbsorb } from "../../../sync/guests"

export type ResolveSyncTargetsInput = {
  /** The customer whose contact changes (or found through the order / cart). */
  customer_id?: string | null
  order_id?: string | null
  cart_id?: string | null
  /** Also the account of the store's default sales channel, for registered customers. */
  include_default_channel?: boolean
}

/** Account serving a sales channel, if its chat is on and the account is usable. */
export async function accountOfChannel(chatwoot: ChatwootModuleService, salesChannelId: string | null | undefined) {
  if (!salesChannelId) return null
  const [storefront] = await chatwoot.listChatwootStorefronts(
    { sales_channel_id: salesChannelId },
    { relations: ["account"] }
  )
  const status = storefront?.account?.status
  if (!storefront?.enabled || !(status === "active" || status === "provisioning")) return null
  return storefront.account.id
}

async function firstRow<T>(container: MedusaContainer, entity: string, fields: string[], id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity, fields, filters: { id } })
  return (data[0] ?? null) as T | null
}

export const resolveChatwootSyncTargetsStepId = "chatwoot-resolve-sync-targets"

/**
 * Which accounts a customer change goes to: every account where
 * the contact already exists, the account of the sales channel the change
 * happened in (cart or order), and — for registered customers — the default
 * sales channel's account. Returns the contact_upsert rows to queue.
 */
export const resolveChatwootSyncTargetsStep = createStep(
  resolveChatwootSyncTargetsStepId,
  async (input: ResolveSyncTargetsInput, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    let customerId = input.customer_id ?? null
    let salesChannelId: string | null = null
    if (input.order_id) {
      const order = await firstRow<{ customer_id: string | null; sales_channel_id: string | null }>(
        container, "order", ["id", "customer_id", "sales_channel_id"], input.order_id)
      customerId = order?.customer_id ?? customerId
      salesChannelId = order?.sales_channel_id ?? null
    } else if (input.cart_id) {
      const cart = await firstRow<{ customer_id: string | null; sales_channel_id: string | null }>(
        container, "cart", ["id", "customer_id", "sales_channel_id"], input.cart_id)
      customerId = cart?.customer_id ?? customerId
      salesChannelId = cart?.sales_channel_id ?? null
    }
    if (!customerId) return new StepResponse([] as EnqueueSyncJobInput[])

    const accounts = new Set<string>()
    const existing = await chatwoot.listChatwootContacts({ customer_id: customerId }, { select: ["account_id"] })
    existing.forEach((c) => accounts.add(c.account_id))
    const interaction = await accountOfChannel(chatwoot, salesChannelId)
    if (interaction) accounts.add(interaction)

    // guests (same e-mail, no account) whose contacts this registered customer's contact absorbs
    let guestsByAccount = new Map<string, string[]>()
    if (input.include_default_channel) {
      guestsByAccount = await guestsToAbsorb(container, chatwoot, customerId)
      guestsByAccount.forEach((_, accountId) => accounts.add(accountId))
      const customer = await firstRow<{ has_account: boolean }>(container, "customer", ["id", "has_account"], customerId)
      if (customer?.has_account) {
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const { data: stores } = await query.graph({ entity: "store", fields: ["id", "default_sales_channel_id"] })
        const defaultAccount = await accountOfChannel(chatwoot, stores[0]?.default_sales_channel_id)
        if (defaultAccount) accounts.add(defaultAccount)
      }
    }

    const jobs: EnqueueSyncJobInput[] = [...accounts].map((account_id) => {
      const guests = guestsByAccount.get(account_id)
      return {
        account_id,
        kind: guests ? ("contact_merge" as const) : ("contact_upsert" as const),
        subject: customerId!,
        // a merge folds into the customer's pending upsert (same key): one row, one flow per contact
        coalesce_key: `${account_id}:contact_upsert:${customerId}`,
        payload: {
          ...(account_id === interaction && salesChannelId ? { sales_channel_id: salesChannelId } : {}),
          ...(guests ? { guest_customer_ids: guests } : {}),
        },
      }
    })
    return new StepResponse(jobs)
  }
)

export const resolveChatwootOrderNoteTargetsStepId = "chatwoot-resolve-order-note-targets"

/**
 * A placed order's private note: one private_note row in the
 * order's storefront account, keyed by the order so it never folds into
 * another order's note and a re-delivered event cannot queue a second one
 * while the first is pending (the handler checks what was already sent).
 */
export const resolveChatwootOrderNoteTargetsStep = createStep(
  resolveChatwootOrderNoteTargetsStepId,
  async (input: { order_id: string }, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const order = await firstRow<{ customer_id: string | null; sales_channel_id: string | null }>(
      container, "order", ["id", "customer_id", "sales_channel_id"], input.order_id)
    const accountId = await accountOfChannel(chatwoot, order?.sales_channel_id)
    if (!order?.customer_id || !accountId) return new StepResponse([] as EnqueueSyncJobInput[])
    const jobs: EnqueueSyncJobInput[] = [
      {
        account_id: accountId,
        kind: "private_note",
        subject: order.customer_id,
        coalesce_key: `${accountId}:private_note:${input.order_id}`,
        payload: { order_id: input.order_id },
      },
    ]
    return new StepResponse(jobs)
  }
)
