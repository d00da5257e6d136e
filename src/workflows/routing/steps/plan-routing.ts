import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import { resolveRoutingRules, routingPlan, type RoutingPlan } from "../../../modules/chatwoot/routing-rules"
import { businessHoursStatus, resolveWidgetSettings } from "../../../modules/chatwoot/widget-settings"
import { loadContactFields } from "../../../sync/contact-data"
import { trustedCustomerId } from "../../../modules/chatwoot/identity-trust"

export type RouteConversationInput = {
  account_id: string
  chatwoot_conversation_id: number
  /** created: a new conversation (routed once); tier: the customer's tier may have changed. */
  reason: "created" | "tier"
}

export type PlannedRouting = {
  skipped: string | null
  account_id: string
  chatwoot_conversation_id: number
  mirror_id: string | null
  tier: string | null
  /** Routing is off, but the customer's tier is still recorded on the mirror (the Conversations page filters by it). */
  tier_only: boolean
  plan: RoutingPlan | null
  current: RoutingPlan | null
}

/** Order statuses that still need the shop's attention. */
const OPEN_ORDER_STATUSES = ["pending", "requires_action"]

async function hasOpenOrder(container: MedusaContainer, customerId: string, salesChannelIds: string[]) {
  if (!salesChannelIds.length) return false
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { customer_id: customerId, sales_channel_id: salesChannelIds, status: OPEN_ORDER_STATUSES },
    pagination: { take: 1 },
  })
  return data.length > 0
}

export const planChatwootRoutingStepId = "chatwoot-plan-routing"

/**
 * Works out how a conversation should be routed under its storefront's
 * rules: the customer's tier (computed from Medusa orders, never taken from
 * Chatwoot), open orders, the conversation's language and whether it started
 * within business hours, against the conversation's current state in
 * Chatwoot. Writes nothing.
 */
export const planChatwootRoutingStep = createStep(
  planChatwootRoutingStepId,
  async (input: RouteConversationInput, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const out: PlannedRouting = {
      skipped: null,
      account_id: input.account_id,
      chatwoot_conversation_id: input.chatwoot_conversation_id,
      mirror_id: null,
      tier: null,
      tier_only: false,
      plan: null,
      current: null,
    }
    const skip = (why: string) => new StepResponse({ ...out, skipped: why })
    const [account] = await chatwoot.listChatwootAccounts({ id: input.account_id }, { relations: ["storefronts"] })
    if (!account || account.status !== "active") return skip("account not active")
    const [mirror] = await chatwoot.listChatwootConversations({
      account_id: account.id,
      chatwoot_conversation_id: input.chatwoot_conversation_id,
    })
    if (!mirror) return skip("conversation not mirrored")
    out.mirror_id = mirror.id
    if (input.reason === "created" && mirror.routed_at) return skip("already routed")
    if (input.reason === "tier" && !mirror.routed_at) return skip("never routed")

    const storefront =
      account.storefronts.find((s) => s.sales_channel_id === mirror.sales_channel_id) ?? account.storefronts[0]
    const rules = resolveRoutingRules(storefront?.routing_rules)
    if (!storefront) return skip("routing off")

    const options = chatwoot.getPublicOptions()
    const channelIds = account.storefronts.map((s) => s.sales_channel_id)
    let tier: string | null = null
    // only a verified customer's tier and orders count (identity-trust.ts)
    const customerId = trustedCustomerId(mirror)
    if (customerId) {
      const fields = await loadContactFields(
        container,
        customerId,
        { sales_channel_ids: channelIds, interaction_sales_channel_id: storefront.sales_channel_id },
        { tiers: options.tiers, public_url: options.public_url }
      )
      tier = (fields?.custom_attributes?.medusa_tier as string | undefined) ?? null
    }
    out.tier = tier
    if (!rules.enabled) {
      return new StepResponse({ ...out, skipped: "routing off", tier_only: tier !== mirror.routed_tier })
    }
    const openOrder = customerId ? await hasOpenOrder(container, customerId, channelIds) : false
    if (input.reason === "tier" && tier === mirror.routed_tier) return skip("tier unchanged")

    const conversation = await chatwoot.accountApi(account).conversations.get(input.chatwoot_conversation_id)
    const additional = (conversation.additional_attributes ?? {}) as Record<string, unknown>
    const language = (additional.conversation_language ?? additional.browser_language ?? null) as string | null
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: channels } = await query.graph({
      entity: "sales_channel",
      fields: ["id", "name"],
      filters: { id: storefront.sales_channel_id },
    })
    const startedAt = conversation.created_at ? new Date(conversation.created_at * 1000) : new Date()
    const hours = resolveWidgetSettings(storefront.widget_settings).business_hours
    const current: RoutingPlan = {
      priority: conversation.priority && conversation.priority !== "none" ? (conversation.priority as RoutingPlan["priority"]) : null,
      team_id: conversation.meta?.team?.id ?? null,
      labels: [...(conversation.labels ?? [])].sort(),
    }
    out.current = current
    out.plan = routingPlan(rules, {
      tier,
      all_tiers: options.tiers.map((t) => t.name),
      storefront_name: (channels[0] as { name?: string } | undefined)?.name ?? null,
      has_open_order: openOrder,
      language: typeof language === "string" ? language : null,
      open_now: businessHoursStatus(hours, startedAt).open_now,
      current,
    })
    return new StepResponse(out)
  }
)
