import { createHash, randomBytes } from "node:crypto"
import type { CustomAttributeDefinitionInput, WebhookEvent } from "./client"

/**
 * What the plugin creates in every Chatwoot account it manages, and the
 * naming rules it uses to find (adopt) those objects again.
 */

/** Custom attributes the sync fills in (keys are prefixed to avoid clashes). */
export const CUSTOM_ATTRIBUTE_DEFINITIONS: CustomAttributeDefinitionInput[] = [
  contact("medusa_orders_count", "Orders", "number", "Number of orders placed in this shop"),
  contact("medusa_lifetime_value", "Lifetime value", "number", "Total of all orders, in the customer's main currency"),
  contact("medusa_currency", "Currency", "text", "Currency of the lifetime value"),
  contact("medusa_last_order_id", "Last order", "text", "Display id of the most recent order"),
  contact("medusa_last_order_date", "Last order date", "date", "When the most recent order was placed"),
  contact("medusa_last_order_status", "Last order status", "text", "Status of the most recent order"),
  contact("medusa_tier", "Tier", "text", "Customer tier by lifetime value"),
  contact("medusa_customer_since", "Customer since", "date", "When the customer was created in Medusa"),
  contact("medusa_storefront", "Storefront", "text", "Sales channel the customer last interacted with"),
  contact("medusa_cart_value", "Cart value", "number", "Total of the open cart"),
  contact("medusa_cart_items", "Cart items", "number", "Number of items in the open cart"),
  contact("medusa_admin_link", "Medusa admin", "link", "The customer in the Medusa admin"),
  {
    attribute_key: "medusa_order_id",
    attribute_display_name: "Order",
    attribute_display_type: "text",
    attribute_model: "conversation_attribute",
    attribute_description: "Medusa order this conversation is about",
  },
]

function contact(
  key: string,
  name: string,
  type: CustomAttributeDefinitionInput["attribute_display_type"],
  description: string
): CustomAttributeDefinitionInput {
  return {
    attribute_key: key,
    attribute_display_name: name,
    attribute_display_type: type,
    attribute_model: "contact_attribute",
    attribute_description: description,
  }
}

/** Events the account webhook subscribes to. */
export const WEBHOOK_SUBSCRIPTIONS: WebhookEvent[] = [
  "conversation_created",
  "conversation_status_changed",
  "conversation_updated",
  "message_created",
  "message_updated",
  "contact_created",
  "contact_updated",
  "webwidget_triggered",
]

export const WEBHOOK_NAME = "Medusa"
export const DASHBOARD_APP_TITLE = "Medusa orders"
export const API_INBOX_NAME = "Contact form (Medusa)"

/** Chatwoot locales that keep their region; every other locale is the bare language. */
const REGIONAL_LOCALES = new Set(["pt_BR", "zh_CN", "zh_TW", "en_GB", "es_MX", "fr_CA"])

/** Medusa/BCP-47 locale ("de-DE", "pt-BR") → Chatwoot locale ("de", "pt_BR"). */
export function toChatwootLocale(locale: string | null | undefined): string {
  if (!locale) return "en"
  const [language, region] = locale.replace("_", "-").split("-")
  const candidate = region ? `${language.toLowerCase()}_${region.toUpperCase()}` : language.toLowerCase()
  return REGIONAL_LOCALES.has(candidate) ? candidate : language.toLowerCase()
}

/** Default account name: "<store> – <sales channel>" (just one when they are equal). */
export function accountName(storeName: string | null | undefined, channelName: string): string {
  const store = (storeName ?? "").trim()
  if (!store || store === channelName) return channelName
  return `${store} – ${channelName}`
}

/**
 * The Chatwoot user the plugin acts as in accounts it creates: one per Medusa
 * installation (Platform `POST /users` is idempotent by e-mail, so it is
 * reused across accounts).
 */
export function pluginAdminIdentity(publicUrl: string) {
  const hash = createHash("sha256").update(publicUrl).digest("hex").slice(0, 12)
  return { name: "Medusa", email: `medusa-plugin+${hash}@noreply.invalid` }
}

/** A random password that satisfies Chatwoot's policy (upper, lower, digit, special). */
export function randomPassword(): string {
  return `Aa1!${randomBytes(24).toString("base64url")}`
}
