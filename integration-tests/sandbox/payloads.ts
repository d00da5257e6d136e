/**
 * Realistic Chatwoot 4.15 account-webhook payloads for tests that need one
 * without driving the sandbox. Every builder returns a fresh object; `overrides` are deep-merged
 * (arrays are replaced, not merged).
 */
import type {
  ChangedAttributes,
  ContactEventName,
  ContactWebhookData,
  ContactWebhookPayload,
  ConversationEventName,
  ConversationWebhookData,
  ConversationWebhookPayload,
  MessageEventName,
  MessageJson,
  MessageWebhookPayload,
  TypingEventName,
  TypingWebhookPayload,
  WebhookPayload,
  WebwidgetTriggeredPayload,
} from "./json-types"
import { deepMerge, type JsonObject } from "./util"

export type DeepPartial<T> = T extends Array<infer _U>
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> | null }
    : T

const T0 = 1781690400 // 2026-06-17T10:00:00Z

function merge<T>(base: T, overrides: object | undefined): T {
  return overrides ? (deepMerge(base as unknown as JsonObject, overrides as JsonObject) as unknown as T) : base
}

function account() {
  return { id: 1, name: "Acme Store" }
}

export function contactData(overrides?: DeepPartial<ContactWebhookData>): ContactWebhookData {
  return merge<ContactWebhookData>(
    {
      account: account(),
      additional_attributes: {},
      avatar: "",
      custom_attributes: { medusa_customer_id: "cus_01J0000000000000000000000" },
      email: "jane@example.com",
      id: 7,
      identifier: "cus_01J0000000000000000000000",
      name: "Jane Doe",
      phone_number: "+4915112345678",
      thumbnail: "",
      blocked: false,
    },
    overrides
  )
}

function pushMessage(overrides?: DeepPartial<MessageJson>): MessageJson {
  return merge<MessageJson>(
    {
      id: 901,
      content: "Where is my order?",
      account_id: 1,
      inbox_id: 3,
      conversation_id: 42,
      message_type: 0,
      created_at: T0,
      updated_at: T0,
      private: false,
      status: "sent",
      source_id: null,
      content_type: "text",
      content_attributes: {},
      sender_type: "Contact",
      sender_id: 7,
      external_source_ids: {},
      additional_attributes: {},
      processed_message_content: "Where is my order?",
      sentiment: {},
      conversation: {
        assignee_id: null,
        unread_count: 1,
        last_activity_at: T0,
        contact_inbox: { source_id: "0b8c6f3e-5d2a-4f1b-9a7e-2c4d6e8f0a1b" },
      },
      sender: {
        additional_attributes: {},
        custom_attributes: {},
        email: "jane@example.com",
        id: 7,
        identifier: "cus_01J0000000000000000000000",
        name: "Jane Doe",
        phone_number: "+4915112345678",
        thumbnail: "",
        blocked: false,
        type: "contact",
      },
    },
    overrides
  )
}

export function conversationData(overrides?: DeepPartial<ConversationWebhookData>): ConversationWebhookData {
  return merge<ConversationWebhookData>(
    {
      additional_attributes: {
        browser: { browser_name: "Chrome", browser_version: "126.0", device_name: "Unknown", platform_name: "macOS", platform_version: "14.5" },
        referer: "https://shop.example.com/products/shirt",
        initiated_at: { timestamp: "Wed Jun 17 2026 12:00:00 GMT+0200" },
      },
      can_reply: true,
      channel: "Channel::WebWidget",
      contact_inbox: {
        id: 11,
        contact_id: 7,
        inbox_id: 3,
        source_id: "0b8c6f3e-5d2a-4f1b-9a7e-2c4d6e8f0a1b",
        created_at: "2026-06-17T10:00:00.000Z",
        updated_at: "2026-06-17T10:00:00.000Z",
        hmac_verified: true,
        pubsub_token: "pQ4cJ9mJ2sV7xW1yZ3aB5dE8",
      },
      id: 42,
      inbox_id: 3,
      messages: [pushMessage()],
      labels: [],
      meta: {
        sender: {
          additional_attributes: {},
          custom_attributes: {},
          email: "jane@example.com",
          id: 7,
          identifier: "cus_01J0000000000000000000000",
          name: "Jane Doe",
          phone_number: "+4915112345678",
          thumbnail: "",
          blocked: false,
          type: "contact",
        },
        assignee: null,
        assignee_type: null,
        team: null,
        hmac_verified: true,
      },
      status: "open",
      custom_attributes: {},
      snoozed_until: null,
      unread_count: 1,
      first_reply_created_at: null,
      priority: null,
      waiting_since: T0,
      agent_last_seen_at: 0,
      contact_last_seen_at: 0,
      last_activity_at: T0,
      timestamp: T0,
      created_at: T0,
      updated_at: T0 + 0.123,
      account: account(),
    },
    overrides
  )
}

/** conversation_created / conversation_updated / conversation_status_changed */
export function buildConversationPayload(
  event: ConversationEventName,
  overrides?: DeepPartial<ConversationWebhookData>,
  changedAttributes?: ChangedAttributes | null
): ConversationWebhookPayload {
  const payload: ConversationWebhookPayload = { ...conversationData(overrides), event }
  if (event === "conversation_updated") {
    payload.changed_attributes = changedAttributes ?? [{ status: { previous_value: "pending", current_value: "open" } }]
  } else if (event === "conversation_status_changed") {
    // the dispatcher's status_change is normally empty after commit
    payload.changed_attributes = changedAttributes ?? null
  }
  return payload
}

/** message_created / message_updated (top level: string message_type, ISO created_at) */
export function buildMessagePayload(
  event: MessageEventName,
  overrides?: DeepPartial<Omit<MessageWebhookPayload, "event">>
): MessageWebhookPayload {
  const base: MessageWebhookPayload = {
    account: account(),
    additional_attributes: {},
    content_attributes: {},
    content_type: "text",
    content: "Where is my order?",
    conversation: conversationData(),
    created_at: "2026-06-17T10:00:00.000Z",
    id: 901,
    inbox: { id: 3, name: "Storefront chat" },
    message_type: "incoming",
    private: false,
    sender: contactData(),
    source_id: null,
    event,
  }
  return { ...merge(base, overrides), event }
}

/** contact_created / contact_updated */
export function buildContactPayload(
  event: ContactEventName,
  overrides?: DeepPartial<ContactWebhookData>,
  changedAttributes?: ChangedAttributes
): ContactWebhookPayload {
  const payload: ContactWebhookPayload = { ...contactData(overrides), event }
  if (event === "contact_updated") {
    payload.changed_attributes = changedAttributes ?? [{ name: { previous_value: "Jane", current_value: "Jane Doe" } }]
  }
  return payload
}

export function buildWebwidgetTriggeredPayload(
  overrides?: DeepPartial<Omit<WebwidgetTriggeredPayload, "event">>
): WebwidgetTriggeredPayload {
  const base: WebwidgetTriggeredPayload = {
    event: "webwidget_triggered",
    id: 11,
    source_id: "0b8c6f3e-5d2a-4f1b-9a7e-2c4d6e8f0a1b",
    contact: contactData(),
    inbox: { id: 3, name: "Storefront chat" },
    account: account(),
    current_conversation: null,
    event_info: {
      initiated_at: { timestamp: "Wed Jun 17 2026 12:00:00 GMT+0200" },
      referer: "https://shop.example.com/",
      widget_language: null,
      browser_language: "de",
      browser: {
        browser_name: "Chrome",
        browser_version: "126.0",
        device_name: "Unknown",
        platform_name: "macOS",
        platform_version: "14.5",
      },
    },
  }
  return { ...merge(base, overrides), event: "webwidget_triggered" }
}

/** conversation_typing_on / conversation_typing_off */
export function buildTypingPayload(
  event: TypingEventName,
  overrides?: DeepPartial<Omit<TypingWebhookPayload, "event">>
): TypingWebhookPayload {
  const base: TypingWebhookPayload = {
    event,
    user: { id: 2, name: "Alex Agent", email: "alex@acme.example", type: "user" },
    conversation: conversationData(),
    is_private: false,
  }
  return { ...merge(base, overrides), event }
}

export type BuildableEvent =
  | ConversationEventName
  | MessageEventName
  | ContactEventName
  | TypingEventName
  | "webwidget_triggered"

/** One entry point for every account-webhook event name. */
export function buildWebhookPayload(event: BuildableEvent, overrides?: object): WebhookPayload {
  switch (event) {
    case "conversation_created":
    case "conversation_updated":
    case "conversation_status_changed":
      return buildConversationPayload(event, overrides as DeepPartial<ConversationWebhookData>)
    case "message_created":
    case "message_updated":
      return buildMessagePayload(event, overrides as DeepPartial<Omit<MessageWebhookPayload, "event">>)
    case "contact_created":
    case "contact_updated":
      return buildContactPayload(event, overrides as DeepPartial<ContactWebhookData>)
    case "conversation_typing_on":
    case "conversation_typing_off":
      return buildTypingPayload(event, overrides as DeepPartial<Omit<TypingWebhookPayload, "event">>)
    case "webwidget_triggered":
      return buildWebwidgetTriggeredPayload(overrides as DeepPartial<Omit<WebwidgetTriggeredPayload, "event">>)
  }
}
