import type { JsonValue } from "./json"

// Custom attribute definitions, teams, account webhooks and dashboard apps.

export type CustomAttributeModel = "conversation_attribute" | "contact_attribute"
export type CustomAttributeDisplayType =
  | "text"
  | "number"
  | "currency"
  | "percent"
  | "link"
  | "date"
  | "list"
  | "checkbox"

export type CustomAttributeDefinitionInput = {
  attribute_display_name: string
  /** letters, digits, `_ . -`; unique per account and model */
  attribute_key: string
  attribute_display_type: CustomAttributeDisplayType
  attribute_model: CustomAttributeModel
  attribute_description?: string
  attribute_values?: string[]
  regex_pattern?: string
  regex_cue?: string
}

export type CustomAttributeDefinition = {
  id: number
  attribute_display_name: string
  attribute_key: string
  attribute_display_type: CustomAttributeDisplayType | number
  attribute_model: CustomAttributeModel | number
  attribute_description?: string | null
  attribute_values?: string[]
  default_value?: JsonValue
  regex_pattern?: string | null
  regex_cue?: string | null
}

export type TeamInput = { name: string; allow_auto_assign?: boolean }

export type Team = {
  id: number
  name: string
  description?: string | null
  allow_auto_assign?: boolean
  account_id?: number
}

export type WebhookEvent =
  | "conversation_created"
  | "conversation_status_changed"
  | "conversation_updated"
  | "message_created"
  | "message_updated"
  | "contact_created"
  | "contact_updated"
  | "webwidget_triggered"
  | "conversation_typing_on"
  | "conversation_typing_off"

export type WebhookInput = {
  url: string
  name?: string
  subscriptions: WebhookEvent[]
}

export type Webhook = {
  id: number
  url: string
  name?: string | null
  account_id?: number
  subscriptions: string[]
  /** HMAC key of X-Chatwoot-Signature (Chatwoot ≥ 4.12); store encrypted */
  secret?: string
}

export type DashboardAppInput = {
  title: string
  content: Array<{ type: "frame"; url: string }>
}

export type DashboardApp = {
  id: number
  title: string
  content: Array<{ type: string; url: string }>
  created_at?: string
}
