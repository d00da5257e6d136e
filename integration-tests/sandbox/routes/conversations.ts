/** Conversations and messages. URLs and JSON ids use the per-account display id. */
import type { RouteContext } from "../context"
import { changeConversation, createConversation, createMessage, setPriority, setStatus } from "../domain"
import { errors, json, type Router } from "../http"
import { agentJson, conversationJson, messageJson, rawContactJson, teamJson } from "../serializers"
import type {
  ContactInboxRecord,
  ConversationPriority,
  ConversationRecord,
  ConversationStatus,
  InboxRecord,
  MessageRecord,
} from "../types"
import { has, int, isObject, obj, str, type JsonObject } from "../util"
import { A, body, scope } from "./shared"

const PER_PAGE = 25
const STATUSES: ConversationStatus[] = ["open", "resolved", "pending", "snoozed"]
const PRIORITIES: ConversationPriority[] = ["urgent", "high", "medium", "low"]

export function conversationByParam(ctx: RouteContext, accountId: number, raw: string): ConversationRecord {
  const displayId = int(raw)
  const conversation = displayId === undefined ? undefined : ctx.store.conversationByDisplayId(accountId, displayId)
  if (!conversation) {
    throw errors.notFound()
  }
  return conversation
}

/** snoozed_until arrives as a unix timestamp (seconds) or an ISO date */
function parseTime(raw: unknown): number | null {
  if (typeof raw === "number") return raw * 1000
  const s = str(raw)
  if (!s) return null
  if (/^\d+$/.test(s)) return Number(s) * 1000
  const t = Date.parse(s)
  return Number.isNaN(t) ? null : t
}

function parseContentAttributes(raw: unknown): JsonObject {
  if (isObject(raw)) return raw
  if (typeof raw === "string" && raw.trim()) {
    try {
      const parsed: unknown = JSON.parse(raw)
      return isObject(parsed) ? parsed : {}
    } catch {
      return {}
    }
  }
  return {}
}

function queryString(ctx: RouteContext, key: string): string | undefined {
  const value = ctx.req.query[key]
  return typeof value === "string" ? value : undefined
}

function queryList(ctx: RouteContext, key: string): string[] {
  const value = ctx.req.query[key] ?? ctx.req.query[`${key}[]`]
  if (value === undefined) return []
  return Array.isArray(value) ? value : value.split(",")
}

export function registerConversationRoutes(router: Router<RouteContext>): void {
  router.on("GET", `${A}/conversations`, (ctx, params) => {
    const s = scope(ctx, params)
    let list = ctx.store.conversationsOf(s.account.id)
    const inboxId = int(queryString(ctx, "inbox_id"))
    if (inboxId !== undefined) list = list.filter((c) => c.inbox_id === inboxId)
    const teamId = int(queryString(ctx, "team_id"))
    if (teamId !== undefined) list = list.filter((c) => c.team_id === teamId)
    const labels = queryList(ctx, "labels")
    if (labels.length) list = list.filter((c) => labels.every((l) => c.labels.includes(l)))
    const sourceId = queryString(ctx, "source_id")
    if (sourceId) {
      list = list.filter((c) => ctx.store.state.contactInboxes.get(c.contact_inbox_id)?.source_id === sourceId)
    }
    const q = queryString(ctx, "q")?.toLowerCase()
    if (q) {
      list = list.filter((c) => {
        const contact = ctx.store.state.contacts.get(c.contact_id)
        return (
          String(c.display_id) === q ||
          (contact?.name ?? "").toLowerCase().includes(q) ||
          (contact?.email ?? "").includes(q) ||
          ctx.store.messagesOf(c.id).some((m) => (m.content ?? "").toLowerCase().includes(q))
        )
      })
    }
    const status = queryString(ctx, "status") ?? "open"
    if (status !== "all") list = list.filter((c) => c.status === status)
    // meta counts are computed before the assignee filter
    const meta = {
      mine_count: list.filter((c) => c.assignee_id === s.user.id).length,
      assigned_count: list.filter((c) => c.assignee_id !== null).length,
      unassigned_count: list.filter((c) => c.assignee_id === null).length,
      all_count: list.length,
    }
    const assigneeType = queryString(ctx, "assignee_type") ?? "all"
    if (assigneeType === "me") list = list.filter((c) => c.assignee_id === s.user.id)
    else if (assigneeType === "unassigned") list = list.filter((c) => c.assignee_id === null)
    else if (assigneeType === "assigned") list = list.filter((c) => c.assignee_id !== null)
    list.sort((a, b) => b.last_activity_at - a.last_activity_at || b.id - a.id)
    const n = Math.max(1, int(queryString(ctx, "page")) ?? 1)
    const page = list.slice((n - 1) * PER_PAGE, n * PER_PAGE)
    return json(200, { data: { meta, payload: page.map((c) => conversationJson(ctx.store, c)) } })
  })

  /**
   * Create: inbox_id + contact_id (contact_inbox found by source_id or created, with `hmac_verified`), or an
   * existing contact_inbox's source_id. Not idempotent unless the inbox locks to one conversation.
   */
  router.on("POST", `${A}/conversations`, (ctx, params) => {
    const s = scope(ctx, params)
    const input = body(ctx)
    const inboxId = int(input.inbox_id)
    const contactId = int(input.contact_id)
    const sourceId = str(input.source_id) || undefined
    let contactInbox: ContactInboxRecord | undefined
    let inbox: InboxRecord | undefined
    if (inboxId !== undefined && contactId !== undefined) {
      const target = ctx.store.inbox(s.account.id, inboxId)
      inbox = target
      const contact = ctx.store.contact(s.account.id, contactId)
      if (!target || !contact) throw errors.notFound()
      // ContactInboxBuilder: find_or_create_by(contact, inbox, source_id), a new UUID source id when none
      // is given; `hmac_verified` only applies to a contact inbox it creates
      contactInbox = sourceId ? ctx.store.contactInboxBySource(target.id, sourceId) : undefined
      if (contactInbox && contactInbox.contact_id !== contact.id) {
        throw errors.invalid([["source_id", "Source has already been taken"]])
      }
      contactInbox ??= ctx.store.createContactInbox(contact.id, target.id, sourceId, input.hmac_verified === true)
    } else if (sourceId) {
      contactInbox = [...ctx.store.state.contactInboxes.values()].find(
        (ci) => ci.source_id === sourceId && ctx.store.state.inboxes.get(ci.inbox_id)?.account_id === s.account.id
      )
      inbox = contactInbox ? ctx.store.state.inboxes.get(contactInbox.inbox_id) : undefined
      if (!contactInbox || !inbox) throw errors.notFound()
    } else {
      throw errors.paramMissing("source_id")
    }
    if (!inbox || !contactInbox) throw errors.notFound()
    const lockedInbox = contactInbox.id
    if (inbox.lock_to_single_conversation) {
      const existing = ctx.store
        .conversationsOf(s.account.id)
        .filter((c) => c.contact_inbox_id === lockedInbox && c.status !== "resolved")
        .sort((a, b) => b.id - a.id)[0]
      if (existing) return json(200, conversationJson(ctx.store, existing))
    }
    const statusRaw = str(input.status)
    if (statusRaw !== undefined && !STATUSES.includes(statusRaw as ConversationStatus)) {
      throw errors.unprocessable(`'${statusRaw}' is not a valid status`)
    }
    const assigneeId = int(input.assignee_id)
    if (assigneeId !== undefined && !ctx.store.accountUser(s.account.id, assigneeId)) throw errors.notFound()
    const teamId = int(input.team_id)
    if (teamId !== undefined && ctx.store.state.teams.get(teamId)?.account_id !== s.account.id) throw errors.notFound()
    const conversation = createConversation(ctx, inbox, contactInbox, {
      status: statusRaw as ConversationStatus | undefined,
      assignee_id: assigneeId ?? null,
      team_id: teamId ?? null,
      additional_attributes: obj(input.additional_attributes),
      custom_attributes: obj(input.custom_attributes),
      snoozed_until: parseTime(input.snoozed_until),
    })
    const message = obj(input.message)
    if (message && str(message.content)) {
      createMessage(ctx, conversation, {
        content: str(message.content) ?? null,
        message_type: "outgoing",
        sender_type: "User",
        sender_id: s.user.id,
      })
    }
    return json(200, conversationJson(ctx.store, conversation))
  })

  router.on("GET", `${A}/conversations/:conversation_id`, (ctx, params) => {
    const s = scope(ctx, params)
    return json(200, conversationJson(ctx.store, conversationByParam(ctx, s.account.id, params.conversation_id)))
  })

  // PATCH accepts only priority (and sla_policy_id, enterprise)
  router.on("PATCH", `${A}/conversations/:conversation_id`, (ctx, params) => {
    const s = scope(ctx, params)
    const conversation = conversationByParam(ctx, s.account.id, params.conversation_id)
    const input = body(ctx)
    if (has(input, "priority")) setPriority(ctx, conversation, parsePriority(input.priority))
    return json(200, conversationJson(ctx.store, conversation))
  })

  router.on("POST", `${A}/conversations/:conversation_id/toggle_status`, (ctx, params) => {
    const s = scope(ctx, params)
    const conversation = conversationByParam(ctx, s.account.id, params.conversation_id)
    const input = body(ctx)
    const raw = str(input.status)
    let status: ConversationStatus
    if (raw === undefined || raw === "") {
      status = conversation.status === "open" ? "resolved" : "open"
    } else if (STATUSES.includes(raw as ConversationStatus)) {
      status = raw as ConversationStatus
    } else {
      throw errors.unprocessable(`'${raw}' is not a valid status`)
    }
    setStatus(ctx, conversation, status, parseTime(input.snoozed_until))
    return json(200, {
      meta: {},
      payload: {
        success: true,
        conversation_id: conversation.display_id,
        current_status: conversation.status,
        snoozed_until: conversation.snoozed_until === null ? null : Math.floor(conversation.snoozed_until / 1000),
      },
    })
  })

  // 200 with an empty body (`head :ok`)
  router.on("POST", `${A}/conversations/:conversation_id/toggle_priority`, (ctx, params) => {
    const s = scope(ctx, params)
    const conversation = conversationByParam(ctx, s.account.id, params.conversation_id)
    setPriority(ctx, conversation, parsePriority(body(ctx).priority))
    return { status: 200, empty: true }
  })

  router.on("POST", `${A}/conversations/:conversation_id/assignments`, (ctx, params) => {
    const s = scope(ctx, params)
    const conversation = conversationByParam(ctx, s.account.id, params.conversation_id)
    const input = body(ctx)
    if (has(input, "assignee_id")) {
      const userId = int(input.assignee_id)
      const member = userId === undefined ? undefined : ctx.store.accountUser(s.account.id, userId)
      const user = member ? ctx.store.state.users.get(member.user_id) : undefined
      changeConversation(ctx, conversation, (c) => {
        c.assignee_id = user ? user.id : null
      })
      return json(200, user ? agentJson(ctx.store, user, s.account.id) : null)
    }
    if (has(input, "team_id")) {
      const teamId = int(input.team_id)
      const team = teamId === undefined ? undefined : ctx.store.state.teams.get(teamId)
      const valid = team && team.account_id === s.account.id ? team : undefined
      changeConversation(ctx, conversation, (c) => {
        c.team_id = valid ? valid.id : null
      })
      return json(200, valid ? teamJson(valid) : null)
    }
    return json(200, null)
  })

  router.on("GET", `${A}/conversations/:conversation_id/labels`, (ctx, params) => {
    const s = scope(ctx, params)
    return json(200, { payload: conversationByParam(ctx, s.account.id, params.conversation_id).labels })
  })

  // replaces the list; labels need not pre-exist here
  router.on("POST", `${A}/conversations/:conversation_id/labels`, (ctx, params) => {
    const s = scope(ctx, params)
    const conversation = conversationByParam(ctx, s.account.id, params.conversation_id)
    const raw = body(ctx).labels
    if (!Array.isArray(raw)) throw errors.paramMissing("labels")
    const labels = [...new Set(raw.map((l) => String(l).trim()).filter(Boolean))]
    changeConversation(ctx, conversation, (c) => {
      c.labels = labels
    })
    return json(200, { payload: conversation.labels })
  })

  // replaces the hash (send the merged object)
  router.on("POST", `${A}/conversations/:conversation_id/custom_attributes`, (ctx, params) => {
    const s = scope(ctx, params)
    const conversation = conversationByParam(ctx, s.account.id, params.conversation_id)
    const attrs = obj(body(ctx).custom_attributes)
    if (!attrs) throw errors.paramMissing("custom_attributes")
    changeConversation(ctx, conversation, (c) => {
      c.custom_attributes = attrs
    })
    return json(200, { custom_attributes: conversation.custom_attributes })
  })

  // latest 20; ?before= (20 older), ?after= (≤ 100 newer), both (≤ 1000)
  router.on("GET", `${A}/conversations/:conversation_id/messages`, (ctx, params) => {
    const s = scope(ctx, params)
    const conversation = conversationByParam(ctx, s.account.id, params.conversation_id)
    let messages: MessageRecord[] = ctx.store.messagesOf(conversation.id)
    const before = int(queryString(ctx, "before"))
    const after = int(queryString(ctx, "after"))
    if (before !== undefined) messages = messages.filter((m) => m.id < before)
    if (after !== undefined) messages = messages.filter((m) => m.id > after)
    if (before !== undefined && after !== undefined) messages = messages.slice(0, 1000)
    else if (after !== undefined) messages = messages.slice(0, 100)
    else messages = messages.slice(-20)
    const contact = ctx.store.state.contacts.get(conversation.contact_id)
    const assignee = conversation.assignee_id === null ? undefined : ctx.store.state.users.get(conversation.assignee_id)
    return json(200, {
      meta: {
        labels: conversation.labels,
        additional_attributes: conversation.additional_attributes,
        contact: contact ? rawContactJson(contact) : null,
        assignee: assignee ? agentJson(ctx.store, assignee, s.account.id) : null,
        agent_last_seen_at: conversation.agent_last_seen_at === null ? null : new Date(conversation.agent_last_seen_at).toISOString(),
        assignee_last_seen_at:
          conversation.assignee_last_seen_at === null ? null : new Date(conversation.assignee_last_seen_at).toISOString(),
      },
      payload: messages.map((m) => messageJson(ctx.store, m)),
    })
  })

  router.on("POST", `${A}/conversations/:conversation_id/messages`, (ctx, params) => {
    const s = scope(ctx, params)
    const conversation = conversationByParam(ctx, s.account.id, params.conversation_id)
    const input = body(ctx)
    const inbox = ctx.store.state.inboxes.get(conversation.inbox_id)
    const type = str(input.message_type) ?? "outgoing"
    if (type !== "outgoing" && type !== "incoming" && type !== "template") {
      throw errors.unprocessable(`'${type}' is not a valid message_type`)
    }
    if (type === "incoming" && inbox?.channel.type !== "api") {
      throw errors.unprocessable("Incoming messages are only allowed in Api inboxes")
    }
    const content = input.content === undefined || input.content === null ? null : String(input.content)
    if (content === null || content === "") {
      throw errors.invalid([["content", "Content can't be blank"]])
    }
    const isIncoming = type === "incoming"
    const external = parseTime(input.external_created_at)
    const message = createMessage(ctx, conversation, {
      content,
      message_type: type,
      private: input.private === true || input.private === "true",
      content_type: str(input.content_type) ?? "text",
      content_attributes: parseContentAttributes(input.content_attributes),
      source_id: str(input.source_id) ?? null,
      echo_id: str(input.echo_id) ?? null,
      sender_type: isIncoming ? "Contact" : "User",
      sender_id: isIncoming ? conversation.contact_id : s.user.id,
      external_created_at: external ?? undefined,
    })
    return json(200, messageJson(ctx.store, message))
  })
}

function parsePriority(raw: unknown): ConversationPriority | null {
  if (raw === null || raw === undefined || raw === "" || raw === "none") return null
  const value = String(raw) as ConversationPriority
  if (!PRIORITIES.includes(value)) throw errors.unprocessable(`'${String(raw)}' is not a valid priority`)
  return value
}

