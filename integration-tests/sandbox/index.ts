/**
 * Chatwoot v4.15.1 sandbox: a stateful in-process fake of the Platform, Application and Public
 * APIs plus signed account webhooks, fault injection and a request log. See README.md beside it.
 */
export { startSandbox } from "./server"
export { signWebhookBody } from "./webhooks"
export { SDK_JS, SDK_PATH } from "./widget-sdk"
export {
  buildContactPayload,
  buildConversationPayload,
  buildMessagePayload,
  buildTypingPayload,
  buildWebhookPayload,
  buildWebwidgetTriggeredPayload,
  contactData,
  conversationData,
  type BuildableEvent,
  type DeepPartial,
} from "./payloads"
export type {
  AccountRecord,
  AccountUserRecord,
  ApiChannelRecord,
  ChannelRecord,
  ContactInboxRecord,
  ContactRecord,
  ConversationRecord,
  CustomAttributeDefinitionRecord,
  DashboardAppRecord,
  EmailChannelRecord,
  FaultControls,
  FaultKind,
  FaultState,
  InboxRecord,
  LabelRecord,
  MessageRecord,
  RateLimitFault,
  RequestLogEntry,
  Sandbox,
  SandboxOptions,
  SandboxState,
  SdkCallRecord,
  SendWebhookOptions,
  ServerErrorFault,
  TimeoutFault,
  FaultMatch,
  TeamRecord,
  UserRecord,
  WebhookDeliveryLogEntry,
  WebhookDeliveryResult,
  WebhookRecord,
  WebWidgetChannelRecord,
  WorkingHourRecord,
} from "./types"
export type {
  ChangedAttributes,
  ContactWebhookData,
  ContactWebhookPayload,
  ConversationWebhookData,
  ConversationWebhookPayload,
  MessageWebhookPayload,
  TypingWebhookPayload,
  WebhookPayload,
  WebwidgetTriggeredPayload,
} from "./json-types"
