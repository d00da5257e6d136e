import type { Contact } from "./contacts"
import type { JsonObject } from "./json"

// Conversations (addressed by display id) and their messages.

export type ConversationStatus = "open" | "resolved" | "pending" | "snoozed"
export type ConversationPriority = "urgent" | "high" | "medium" | "low" | "none"

export type ConversationListQuery = {
  status?: ConversationStatus | "all"
  assignee_type?: "me" | "unassigned" | "all" | "assigned"
  inbox_id?: number
  team_id?: number
  q?: string
  page?: number
}

/** POST /api/v1/accounts/{account_id}/conversations (`source_id` is required by the spec). */
export type ConversationCreateInput = {
  /** source id of the contact's contact_inbox (from contact create, or contact.contact_inboxes) */
  source_id: string
  inbox_id?: number
  contact_id?: number
  /** With inbox_id + contact_id: marks a contact inbox it creates as HMAC-verified (ConversationsController; not in swagger.json) */
  hmac_verified?: boolean
  status?: "open" | "resolved" | "pending"
  assignee_id?: number
  team_id?: number
  additional_attributes?: JsonObject
  custom_attributes?: JsonObject
  message?: { content: string }
}

export type ConversationMeta = {
  sender?: Contact
  assignee?: { id: number; name?: string; email?: string } | null
  assignee_type?: string | null
  team?: { id: number; name: string } | null
  hmac_verified?: boolean
  channel?: string
}

export type Conversation = {
  /** the display id: what conversation URLs use */
  id: number
  account_id?: number
  inbox_id?: number
  uuid?: string
  status?: ConversationStatus
  priority?: ConversationPriority | null
  labels?: string[]
  custom_attributes?: JsonObject
  additional_attributes?: JsonObject
  meta?: ConversationMeta
  messages?: Message[]
  created_at?: number
  last_activity_at?: number
  unread_count?: number
}

export type ConversationList = {
  meta: { mine_count?: number; assigned_count?: number; unassigned_count?: number; all_count?: number }
  payload: Conversation[]
}

export type ToggleStatusInput = {
  status: ConversationStatus
  /** unix seconds, with status snoozed */
  snoozed_until?: number
}

export type ToggleStatusResult = {
  success?: boolean
  conversation_id?: number
  current_status?: ConversationStatus
  snoozed_until?: number | null
}

export type AssignmentInput = { assignee_id: number } | { team_id: number }

/** The assigned agent or team, or null when unassigned. */
export type Assignee = { id: number; name?: string; email?: string } | null

export type MessageContentType = "text" | "input_email" | "cards" | "input_select" | "form" | "article"

export type MessageCreateInput = {
  content: string
  /** incoming only in API inboxes */
  message_type?: "outgoing" | "incoming"
  /** true: a private note, visible to agents only */
  private?: boolean
  content_type?: MessageContentType
  content_attributes?: JsonObject
  /** our own id, stored (not unique) so a re-send can be detected */
  source_id?: string
  campaign_id?: number
}

export type Message = {
  id: number
  content?: string | null
  /** 0 incoming, 1 outgoing, 2 activity, 3 template */
  message_type: number | string
  content_type?: string | null
  content_attributes?: JsonObject
  private?: boolean
  source_id?: string | null
  conversation_id?: number
  created_at?: number
  sender?: { id: number; name?: string; type?: string } | null
}

export type MessageListQuery = { before?: number; after?: number }

export type MessageList = { meta?: JsonObject; payload: Message[] }
