import type { ChatwootHttp, ChatwootRequest } from "../http"
import type {
  JsonObject,
  PublicContact,
  PublicContactInput,
  PublicConversation,
  PublicInbox,
  PublicMessage,
  PublicMessageInput,
} from "../types"

const INBOX = "/public/api/v1/inboxes/{inbox_identifier}"
const CONTACT = `${INBOX}/contacts/{contact_identifier}`
const CONVERSATION = `${CONTACT}/conversations/{conversation_id}`

type Call = <T>(req: Omit<ChatwootRequest, "kind" | "token">) => Promise<T>

/**
 * Public (client) API of one API inbox: no token, identified by the inbox's
 * `inbox_identifier` and the contact's `source_id`. Used by the contact form.
 * Its creates are not idempotent: a lost answer is never re-sent blindly.
 */
export class PublicApi {
  readonly contacts: PublicContacts
  readonly conversations: PublicConversations
  readonly messages: PublicMessages
  private readonly call: Call

  constructor(http: ChatwootHttp, readonly inboxIdentifier: string) {
    this.call = <T>(req: Omit<ChatwootRequest, "kind" | "token">) =>
      http.request<T>({ ...req, params: { inbox_identifier: inboxIdentifier, ...req.params }, kind: "public" })
    this.contacts = new PublicContacts(this.call)
    this.conversations = new PublicConversations(this.call)
    this.messages = new PublicMessages(this.call)
  }

  /** The inbox's public details (name, timezone, working hours). */
  get(): Promise<PublicInbox> {
    return this.call({ method: "GET", path: INBOX })
  }
}

export class PublicContacts {
  constructor(private readonly call: Call) {}

  /** Creates a contact; keep its `source_id` for the calls below. */
  create(input: PublicContactInput): Promise<PublicContact> {
    return this.call({ method: "POST", path: `${INBOX}/contacts`, body: input, idempotent: false })
  }

  get(contactIdentifier: string): Promise<PublicContact> {
    return this.call({ method: "GET", path: CONTACT, params: { contact_identifier: contactIdentifier } })
  }
}

export class PublicConversations {
  constructor(private readonly call: Call) {}

  create(contactIdentifier: string, input: { custom_attributes?: JsonObject } = {}): Promise<PublicConversation> {
    return this.call({
      method: "POST",
      path: `${CONTACT}/conversations`,
      params: { contact_identifier: contactIdentifier },
      body: input,
      idempotent: false,
    })
  }

  list(contactIdentifier: string): Promise<PublicConversation[]> {
    return this.call({
      method: "GET",
      path: `${CONTACT}/conversations`,
      params: { contact_identifier: contactIdentifier },
    })
  }
}

export class PublicMessages {
  constructor(private readonly call: Call) {}

  /** Posts an incoming message as the contact. */
  create(contactIdentifier: string, conversationId: number, input: PublicMessageInput): Promise<PublicMessage> {
    return this.call({
      method: "POST",
      path: `${CONVERSATION}/messages`,
      params: { contact_identifier: contactIdentifier, conversation_id: conversationId },
      body: input,
      idempotent: false,
    })
  }

  /** Public messages of the conversation (no private notes). */
  list(contactIdentifier: string, conversationId: number): Promise<PublicMessage[]> {
    return this.call({
      method: "GET",
      path: `${CONVERSATION}/messages`,
      params: { contact_identifier: contactIdentifier, conversation_id: conversationId },
    })
  }
}
