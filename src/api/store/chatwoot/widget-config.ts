import { createHash } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import { toChatwootLocale } from "../../../modules/chatwoot/provisioning"
import { businessHoursStatus, resolveWidgetSettings } from "../../../modules/chatwoot/widget-settings"

export type WidgetDisabledReason = "not_provisioned" | "suspended" | "disabled" | "failed"

export type StoreWidgetConfig = {
  enabled: boolean
  reason?: WidgetDisabledReason
  base_url: string | null
  website_token: string | null
  locale: string
  settings: {
    position: "left" | "right"
    type: "standard" | "expanded_bubble"
    launcher_title: string
    widget_color: string
    dark_mode: "light" | "auto" | "dark"
    welcome_title: string
    welcome_tagline: string
  } | null
  business_hours: {
    enabled: boolean
    timezone: string
    open_now: boolean
    next_open_at: string | null
    out_of_office_message: string | null
  } | null
  fallback: { contact_form: boolean }
}

type CacheEntry = { body: string; etag: string; expiresAt: number }

/**
 * How long a computed config is served from memory. Changes made through
 * this process invalidate the cache at once (subscriber on the module's own
 * events); the TTL bounds staleness for changes made by another process and
 * for the business-hours "open now" flag.
 */
export const WIDGET_CACHE_TTL_MS = 30_000
const MAX_ENTRIES = 5_000

const cache = new Map<string, CacheEntry>()
let version = 0

/** Drops every cached widget config (settings, accounts, inboxes or the store changed). */
export function invalidateWidgetConfigCache() {
  version++
  cache.clear()
  identityCache.clear()
}

export function etagOf(body: string) {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`
}

/** True when an If-None-Match header value matches `etag` (weak comparison, lists and `*`). */
export function etagMatches(header: string | string[] | undefined, etag: string) {
  if (!header) return false
  const value = Array.isArray(header) ? header.join(",") : header
  if (value.trim() === "*") return true
  return value.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)
}

async function storeLocale(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "store", fields: ["id", "supported_locales.locale_code"] })
  const store = data[0] as { supported_locales?: { locale_code: string }[] } | undefined
  return toChatwootLocale(store?.supported_locales?.[0]?.locale_code)
}

function disabled(reason: WidgetDisabledReason, locale: string, contactForm: boolean): StoreWidgetConfig {
  return {
    enabled: false,
    reason,
    base_url: null,
    website_token: null,
    locale,
    settings: null,
    business_hours: null,
    fallback: { contact_form: contactForm },
  }
}

/**
 * The config of the first of `salesChannelIds` that has a Chatwoot account
 * (a publishable key may serve several channels). Never contains a secret:
 * it is built field by field from public values only.
 */
/**
 * The storefront (with its account) of the publishable key's first sales channel that has an
 * account, in the key's order; undefined when none has.
 */
export async function firstProvisionedStorefront(chatwoot: ChatwootModuleService, salesChannelIds: string[]) {
  if (!salesChannelIds.length) return undefined
  const storefronts = await chatwoot.listChatwootStorefronts({ sales_channel_id: salesChannelIds }, { relations: ["account"] })
  return salesChannelIds
    .map((id) => storefronts.find((s) => s.sales_channel_id === id))
    .find((s) => s && s.account)
}

export async function computeWidgetConfig(
  container: MedusaContainer,
  salesChannelIds: string[],
  localeOverride: string | undefined,
  now: Date = new Date()
): Promise<StoreWidgetConfig> {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const storefront = await firstProvisionedStorefront(chatwoot, salesChannelIds)
  if (!storefront) {
    return disabled("not_provisioned", localeOverride ?? (await storeLocale(container)), false)
  }
  const account = storefront.account
  const settings = resolveWidgetSettings(storefront.widget_settings)
  const locale = localeOverride ?? settings.locale ?? account.locale ?? (await storeLocale(container))

  const inboxes = await chatwoot.listChatwootInboxes(
    { account_id: account.id, kind: ["website", "api"] },
    { select: ["id", "kind", "sales_channel_id", "website_token", "inbox_identifier"] }
  )
  const website = inboxes.find((i) => i.kind === "website" && i.sales_channel_id === storefront.sales_channel_id)
  const apiInbox = inboxes.find((i) => i.kind === "api" && i.inbox_identifier)
  const contactForm = account.status === "active" && Boolean(apiInbox)

  if (account.status === "suspended") return disabled("suspended", locale, false)
  if (account.status === "failed") return disabled("failed", locale, false)
  if (account.status !== "active" || !website?.website_token) return disabled("not_provisioned", locale, false)
  if (!storefront.enabled) return disabled("disabled", locale, contactForm)

  const hours = settings.business_hours
  const status = businessHoursStatus(hours, now)
  return {
    enabled: true,
    base_url: chatwoot.getPublicOptions().chatwoot_url.replace(/\/+$/, ""),
    website_token: website.website_token,
    locale,
    settings: {
      position: settings.position,
      type: settings.type,
      launcher_title: settings.launcher_title,
      widget_color: settings.widget_color,
      dark_mode: settings.dark_mode,
      welcome_title: settings.welcome_title,
      welcome_tagline: settings.welcome_tagline,
    },
    business_hours: {
      enabled: hours.enabled,
      timezone: hours.timezone,
      open_now: status.open_now,
      next_open_at: status.next_open_at,
      out_of_office_message: hours.enabled ? hours.out_of_office_message : null,
    },
    fallback: { contact_form: contactForm },
  }
}

/** The serialized `{ widget }` body and its ETag, from the cache when fresh. */
export async function getWidgetResponse(
  container: MedusaContainer,
  salesChannelIds: string[],
  localeOverride: string | undefined
): Promise<{ body: string; etag: string }> {
  const key = `${salesChannelIds.join(",")}|${localeOverride ?? ""}`
  const now = Date.now()
  const hit = cache.get(key)
  if (hit && hit.expiresAt > now) return hit
  const started = version
  const widget = await computeWidgetConfig(container, salesChannelIds, localeOverride, new Date(now))
  const body = JSON.stringify({ widget })
  const entry = { body, etag: etagOf(body), expiresAt: now + WIDGET_CACHE_TTL_MS }
  // a change that landed while computing must not be hidden behind a stale entry
  if (started === version) {
    if (cache.size >= MAX_ENTRIES) cache.clear()
    cache.set(key, entry)
  }
  return entry
}

type IdentityTarget = { account_id: string; sales_channel_id: string; hmac_token: string } | null
const identityCache = new Map<string, { target: IdentityTarget; expiresAt: number }>()

/**
 * The account and the (decrypted) HMAC token of the website inbox serving the
 * first of `salesChannelIds` with an active, enabled chat; null when there is
 * none. Kept in memory like the widget config; never leaves the server.
 */
export async function getIdentityTarget(container: MedusaContainer, salesChannelIds: string[]): Promise<IdentityTarget> {
  const key = salesChannelIds.join(",")
  const now = Date.now()
  const hit = identityCache.get(key)
  if (hit && hit.expiresAt > now) return hit.target
  const started = version
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const storefront = await firstProvisionedStorefront(chatwoot, salesChannelIds)
  let target: IdentityTarget = null
  if (storefront && storefront.enabled && storefront.account.status === "active") {
    const [website] = await chatwoot.listChatwootInboxes({
      account_id: storefront.account.id,
      kind: "website",
      sales_channel_id: storefront.sales_channel_id,
    })
    if (website?.hmac_token_encrypted) {
      target = {
        account_id: storefront.account.id,
        sales_channel_id: storefront.sales_channel_id,
        hmac_token: chatwoot.decryptSecret("hmac_token", website.hmac_token_encrypted),
      }
    }
  }
  if (started === version) {
    if (identityCache.size >= MAX_ENTRIES) identityCache.clear()
    identityCache.set(key, { target, expiresAt: now + WIDGET_CACHE_TTL_MS })
  }
  return target
}
