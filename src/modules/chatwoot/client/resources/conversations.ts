import type {
  Assignee,
  AssignmentInput,
  Conversation,
  ConversationCreateInput,
  ConversationList,
  ConversationListQuery,
  ConversationPriority,
  JsonObject,
  Message,
  MessageCreateInput,
  MessageList,
  MessageListQuery,
  ToggleStatusInput,
  ToggleStatusResult,
} from "../types"
import { ACCOUNT_PATH, accountRequest, unwrapPayload, type AccountScope } from "./shared"

const CONVERSATIONS = `${ACCOUNT_PATH}/conversations`
/** Conversation URLs take the per-account display id (conversation JSON `id`). */
const CONVERSATION = `${CONVERSATIONS}/{conversation_id}`

export class ConversationsApi {
  constructor(private readonly scope: AccountScope) {}

  /** One page (25) of conversations; default status open. */
  async list(query: ConversationListQuery = {}): Promise<ConversationList> {
    const body = await accountRequest<{ data?: ConversationList } & Partial<ConversationList>>(this.scope, {
      method: "GET",
      path: CONVERSATIONS,
      query,
    })
    const data = body?.data ?? body
    return { meta: data?.meta ?? {}, payload: data?.payload ?? [] }
  }

  get(conversationId: number): Promise<Conversation> {
    return accountRequest(this.scope, { method: "GET", path: CONVERSATION, params: { conversation_id: conversationId } })
  }

  /** Starts a conversation. Not idempotent: each call opens a new one. */
  create(input: ConversationCreateInput): Promise<Conversation> {
    return accountRequest(this.scope, { method: "POST", path: CONVERSATIONS, body: input, idempotent: false })
  }

  /** Sets the status (open, resolved, pending, snoozed with snoozed_until). */
  async toggleStatus(conversationId: number, input: ToggleStatusInput): Promise<ToggleStatusResult> {
    const body = await accountRequest(this.scope, {
      method: "POST",
      path: `${CONVERSATION}/toggle_status`,
      params: { conversation_id: conversationId },
      body: input,
      idempotent: true,
    })
    return unwrapPayload<ToggleStatusResult>(body) ?? {}
  }

  /** Sets the priority ("none" clears it). */
  async togglePriority(conversationId: number, priority: ConversationPriority): Promise<void> {
    await accountRequest(this.scope, {
      method: "POST",
      path: `${CONVERSATION}/toggle_priority`,
      params: { conversation_id: conversationId },
      body: { priority },
      idempotent: true,
    })
  }

  /** Assigns an agent (`assignee_id`) or a team (`team_id`). */
  async assign(conversationId: number, input: AssignmentInput): Promise<Assignee> {
    const body = await accountRequest<Assignee | undefined>(this.scope, {
      method: "POST",
      path: `${CONVERSATION}/assignments`,
      params: { conversation_id: conversationId },
      body: input,
      idempotent: true,
    })
    return body ?? null
  }

  async getLabels(conversationId: number): Promise<string[]> {
    const body = await accountRequest(this.scope, {
      method: "GET",
      path: `${CONVERSATION}/labels`,
      params: { conversation_id: conversationId },
    })
    return unwrapPayload<string[]>(body) ?? []
  }

  /** Replaces the conversation's labels; returns the new list. */
  async setLabels(conversationId: number, labels: string[]): Promise<string[]> {
    const body = await accountRequest(this.scope, {
      method: "POST",
      path: `${CONVERSATION}/labels`,
      params: { conversation_id: conversationId },
      body: { labels },
      idempotent: true,
    })
    return unwrapPayload<string[]>(body) ?? []
  }

  /** Replaces the conversation's custom attributes (send the merged object). */
  async updateCustomAttributes(conversationId: number, customAttributes: JsonObject): Promise<JsonObject> {
    const body = await accountRequest<{ custom_attributes?: JsonObject } | undefined>(this.scope, {
      method: "POST",
      path: `${CONVERSATION}/custom_attributes`,
      params: { conversation_id: conversationId },
      body: { custom_attributes: customAttributes },
      idempotent: true,
    })
    return body?.custom_attributes ?? customAttributes
  }
}

export class MessagesApi {
  constructor(private readonly scope: AccountScope) {}

  /** Latest 20 messages, or a page `before`/`after` a message id. */
  async list(conversationId: number, query: MessageListQuery = {}): Promise<MessageList> {
    const body = await accountRequest<Partial<MessageList> | undefined>(this.scope, {
      method: "GET",
      path: `${CONVERSATION}/messages`,
      params: { conversation_id: conversationId },
      query,
    })
    return { meta: body?.meta, payload: body?.payload ?? [] }
  }

  /**
   * Posts a message (`private: true` for a note only agents see). Not
   * idempotent: Chatwoot does not dedupe; put your own id in `source_id`.
   */
  create(conversationId: number, input: MessageCreateInput): Promise<Message> {
    return accountRequest(this.scope, {
      method: "POST",
      path: `${CONVERSATION}/messages`,
      params: { conversation_id: conversationId },
      body: input,
      idempotent: false,
    })
  }
}
