/** Domain: conversation create and attribute/status/priority changes (firing conversation webhooks). */
import type { RouteContext } from "../context"
import type { ChangedAttributes } from "../json-types"
import { conversationWebhookData } from "../serializers"
import type { ContactInboxRecord, ConversationPriority, ConversationRecord, ConversationStatus, InboxRecord } from "../types"
import { clone, sameJson, uuid, type JsonObject } from "../util"

export interface ConversationInput {
  status?: ConversationStatus
  assignee_id?: number | null
  team_id?: number | null
  additional_attributes?: JsonObject
  custom_attributes?: JsonObject
  snoozed_until?: number | null
}

export function createConversation(
  ctx: RouteContext,
  inbox: InboxRecord,
  contactInbox: ContactInboxRecord,
  input: ConversationInput
): ConversationRecord {
  const now = ctx.store.now()
  const conversation: ConversationRecord = {
    id: ctx.store.nextId("conversation"),
    display_id: ctx.store.nextDisplayId(inbox.account_id),
    account_id: inbox.account_id,
    inbox_id: inbox.id,
    contact_id: contactInbox.contact_id,
    contact_inbox_id: contactInbox.id,
    uuid: uuid(),
    status: input.status ?? "open",
    priority: null,
    assignee_id: input.assignee_id ?? null,
    team_id: input.team_id ?? null,
    labels: [],
    custom_attributes: input.custom_attributes ?? {},
    additional_attributes: input.additional_attributes ?? {},
    snoozed_until: input.snoozed_until ?? null,
    muted: false,
    first_reply_created_at: null,
    waiting_since: now,
    agent_last_seen_at: null,
    assignee_last_seen_at: null,
    contact_last_seen_at: null,
    last_activity_at: now,
    created_at: now,
    updated_at: now,
  }
  ctx.store.state.conversations.set(conversation.id, conversation)
  ctx.emit(conversation.account_id, "conversation_created", conversationWebhookData(ctx.store, conversation))
  return conversation
}

// attributes whose change fires conversation_updated
const CONVERSATION_UPDATE_FIELDS = [
  "team_id",
  "assignee_id",
  "status",
  "snoozed_until",
  "custom_attributes",
  "labels",
  "waiting_since",
  "first_reply_created_at",
  "priority",
] as const

const toDbValue = (field: string, value: unknown): unknown =>
  (field === "waiting_since" || field === "first_reply_created_at" || field === "snoozed_until") &&
  typeof value === "number"
    ? new Date(value).toISOString()
    : value

/**
 * Mutate a conversation and fire conversation_status_changed (status) and conversation_updated
 * (tracked attributes), in Chatwoot's after_update_commit order.
 */
export function changeConversation(
  ctx: RouteContext,
  conversation: ConversationRecord,
  mutate: (draft: ConversationRecord) => void
): ChangedAttributes {
  const before = clone(conversation)
  mutate(conversation)
  const changed: ChangedAttributes = []
  for (const field of CONVERSATION_UPDATE_FIELDS) {
    if (!sameJson(before[field], conversation[field])) {
      // Chatwoot reports the label list as `label_list`
      const name = field === "labels" ? "label_list" : field
      changed.push({
        [name]: { previous_value: toDbValue(field, before[field]), current_value: toDbValue(field, conversation[field]) },
      })
    }
  }
  if (!sameJson(before, conversation)) {
    conversation.updated_at = ctx.store.now()
  }
  if (before.status !== conversation.status) {
    ctx.emit(conversation.account_id, "conversation_status_changed", {
      ...conversationWebhookData(ctx.store, conversation),
      changed_attributes: null,
    })
  }
  if (changed.length) {
    ctx.emit(conversation.account_id, "conversation_updated", {
      ...conversationWebhookData(ctx.store, conversation),
      changed_attributes: changed,
    })
  }
  return changed
}

export function setStatus(
  ctx: RouteContext,
  conversation: ConversationRecord,
  status: ConversationStatus,
  snoozedUntil: number | null
): void {
  changeConversation(ctx, conversation, (c) => {
    c.status = status
    c.snoozed_until = status === "snoozed" ? snoozedUntil : null
    if (status === "resolved") {
      c.waiting_since = null
    }
  })
}

export function setPriority(ctx: RouteContext, conversation: ConversationRecord, priority: ConversationPriority | null) {
  changeConversation(ctx, conversation, (c) => {
    c.priority = priority
  })
}
