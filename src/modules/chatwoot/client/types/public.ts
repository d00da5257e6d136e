import type { ConversationStatus } from "./conversations"
import type { WorkingHours } from "./inboxes"
import type { JsonObject } from "./json"

// Public (client) API of an API inbox: the contact-form fallback.

export type PublicContactInput = {
  identifier?: string
  /** HMAC-SHA256(API inbox hmac_token, identifier), hex */
  identifier_hash?: string
  email?: string
  name?: string
  phone_number?: string
  custom_attributes?: JsonObject
  /** the contact_inbox source id; the same one again finds the same contact_inbox */
  source_id?: string
}

export type PublicContact = {
  id: number
  /** the contact identifier of every later Public API call */
  source_id: string
  pubsub_token?: string
  name?: string | null
  email?: string | null
  phone_number?: string | null
}

export type PublicConversation = {
  id: number
  uuid?: string
  inbox_id?: number
  status?: ConversationStatus
  messages?: PublicMessage[]
  contact?: { id: number; name?: string | null; email?: string | null }
}

export type PublicMessageInput = { content: string; echo_id?: string }

export type PublicMessage = {
  id: number
  content?: string | null
  message_type: number | string
  content_type?: string | null
  created_at?: number | string
  conversation_id?: number
}

export type PublicInbox = {
  identifier: string
  name?: string
  timezone?: string
  working_hours_enabled?: boolean
  working_hours?: WorkingHours[]
  identity_validation_enabled?: boolean
}
