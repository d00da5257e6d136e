/** Serializers: contacts (view JSON, raw record, webhook data). */
import type { ContactInboxJson, ContactJson, ContactWebhookData } from "../json-types"
import type { Store } from "../store"
import { type ContactRecord } from "../types"
import { iso, seconds } from "../util"
import { contactInboxJson } from "./inboxes"

/** `api/v1/models/_contact.json.jbuilder` */
export function contactJson(store: Store, contact: ContactRecord, withContactInboxes = true): ContactJson {
  const json: ContactJson = {
    additional_attributes: contact.additional_attributes,
    availability_status: "offline",
    email: contact.email,
    id: contact.id,
    name: contact.name,
    phone_number: contact.phone_number,
    blocked: contact.blocked,
    identifier: contact.identifier,
    thumbnail: contact.avatar_url,
    custom_attributes: contact.custom_attributes,
    created_at: seconds(contact.created_at),
  }
  if (contact.last_activity_at !== null) {
    json.last_activity_at = seconds(contact.last_activity_at)
  }
  if (withContactInboxes) {
    json.contact_inboxes = store
      .contactInboxesOf(contact.id)
      .map((ci) => contactInboxJson(store, ci))
      .filter((ci): ci is ContactInboxJson => ci !== undefined)
  }
  return json
}

/** The raw contact record (`as_json`): Public API PATCH, messages meta.contact. */
export function rawContactJson(contact: ContactRecord): Record<string, unknown> {
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    phone_number: contact.phone_number,
    account_id: contact.account_id,
    created_at: iso(contact.created_at),
    updated_at: iso(contact.updated_at),
    additional_attributes: contact.additional_attributes,
    identifier: contact.identifier,
    custom_attributes: contact.custom_attributes,
    last_activity_at: contact.last_activity_at === null ? null : iso(contact.last_activity_at),
    contact_type: "visitor",
    middle_name: "",
    last_name: "",
    location: "",
    country_code: "",
    blocked: contact.blocked,
    company_id: null,
    label_list: contact.labels,
  }
}

export function contactWebhookData(store: Store, contact: ContactRecord): ContactWebhookData {
  const account = store.state.accounts.get(contact.account_id)
  return {
    account: { id: contact.account_id, name: account?.name ?? "" },
    additional_attributes: contact.additional_attributes,
    avatar: contact.avatar_url,
    custom_attributes: contact.custom_attributes,
    email: contact.email,
    id: contact.id,
    identifier: contact.identifier,
    name: contact.name,
    phone_number: contact.phone_number,
    thumbnail: contact.avatar_url,
    blocked: contact.blocked,
  }
}
