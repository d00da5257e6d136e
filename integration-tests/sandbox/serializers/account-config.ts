/** Serializers: webhooks, dashboard apps, custom attribute definitions and labels. */
import type { CustomAttributeDefinitionJson, DashboardAppJson, LabelJson, WebhookJson } from "../json-types"
import type { Store } from "../store"
import { type CustomAttributeDefinitionRecord, type DashboardAppRecord, type LabelRecord, type WebhookRecord } from "../types"
import { iso } from "../util"

export function webhookJson(store: Store, webhook: WebhookRecord): WebhookJson {
  const json: WebhookJson = {
    id: webhook.id,
    name: webhook.name,
    url: webhook.url,
    account_id: webhook.account_id,
    subscriptions: webhook.subscriptions,
    secret: webhook.secret,
  }
  const inbox = webhook.inbox_id === null ? undefined : store.state.inboxes.get(webhook.inbox_id)
  if (inbox) {
    json.inbox = { id: inbox.id, name: inbox.name }
  }
  return json
}

export function dashboardAppJson(app: DashboardAppRecord): DashboardAppJson {
  return { id: app.id, title: app.title, content: app.content, created_at: iso(app.created_at) }
}

export function customAttributeDefinitionJson(def: CustomAttributeDefinitionRecord): CustomAttributeDefinitionJson {
  return {
    id: def.id,
    attribute_display_name: def.attribute_display_name,
    attribute_display_type: def.attribute_display_type,
    attribute_description: def.attribute_description,
    attribute_key: def.attribute_key,
    regex_pattern: def.regex_pattern,
    regex_cue: def.regex_cue,
    attribute_values: def.attribute_values,
    attribute_model: def.attribute_model,
    default_value: def.default_value,
    created_at: iso(def.created_at),
    updated_at: iso(def.updated_at),
  }
}

export function labelJson(label: LabelRecord): LabelJson {
  return {
    id: label.id,
    title: label.title,
    description: label.description,
    color: label.color,
    show_on_sidebar: label.show_on_sidebar,
  }
}
