import type { JsonObject } from "./json"

// Contacts, search/filter pages and the input of `contacts.upsert`.

export type ContactFields = {
  name?: string
  email?: string
  /** E.164, e.g. +4915112345678 */
  phone_number?: string
  /** the Medusa customer id: stable and unique per account */
  identifier?: string
  blocked?: boolean
  avatar_url?: string
  additional_attributes?: JsonObject
  custom_attributes?: JsonObject
}

/** POST /api/v1/accounts/{account_id}/contacts (`inbox_id` is required by the spec). */
export type ContactCreateInput = ContactFields & {
  inbox_id: number
}

/** PUT /api/v1/accounts/{account_id}/contacts/{id}: custom/additional attributes are merged. */
export type ContactUpdateInput = ContactFields

export type ContactInboxRef = {
  source_id: string
  inbox?: { id: number; name?: string; channel_type?: string }
}

export type Contact = {
  id: number
  name?: string | null
  email?: string | null
  phone_number?: string | null
  identifier?: string | null
  blocked?: boolean
  thumbnail?: string | null
  availability_status?: string
  additional_attributes?: JsonObject
  custom_attributes?: JsonObject
  created_at?: number
  last_activity_at?: number | null
  contact_inboxes?: ContactInboxRef[]
}

export type ContactCreateResult = {
  contact: Contact
  contact_inbox?: ContactInboxRef
}

export type ContactSort =
  | "name"
  | "email"
  | "phone_number"
  | "last_activity_at"
  | "-name"
  | "-email"
  | "-phone_number"
  | "-last_activity_at"

export type PageMeta = { count?: number; current_page?: number | string; has_more?: boolean }

export type ContactPage = { meta: PageMeta; payload: Contact[] }

export type FilterOperator = "equal_to" | "not_equal_to" | "contains" | "does_not_contain"

export type FilterCondition = {
  attribute_key: string
  filter_operator: FilterOperator
  values: string[]
  /** joins this condition to the next one; omitted on the last */
  query_operator?: "AND" | "OR"
}

/** Input of `contacts.upsert` (find by identifier, else by e-mail; update or create). */
export type ContactUpsertInput = ContactFields & {
  /** inbox the contact is created in when it does not exist yet */
  inbox_id: number
}

export type ContactUpsertResult = {
  contact: Contact
  /** created: new contact; updated: found by identifier (or e-mail) and updated */
  action: "created" | "updated"
}
