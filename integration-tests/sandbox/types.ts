/**
 * Public types of the Chatwoot v4.15.1 sandbox (an in-process fake used by tests and the demo).
 *
 * The `Sandbox`, `SandboxOptions`, `RequestLogEntry` and `FaultControls` shapes are a contract with
 * the client tests; keep them stable. Record types describe the sandbox's internal state (what a
 * Chatwoot database row would hold), not the JSON Chatwoot answers with — see `serializers.ts`.
 */

export { type SandboxOptions, type FaultKind, type RequestLogEntry, type FaultMatch, type RateLimitFault, type ServerErrorFault, type TimeoutFault, type FaultControls, type FaultState } from "./types/controls"
export { type AccountStatus, type AccountRole, type AccountRecord, type UserRecord, type AccountUserRecord, type WorkingHourRecord, type ReplyTime, type WebWidgetChannelRecord, type ApiChannelRecord, type EmailChannelRecord, type ChannelRecord, CHANNEL_TYPE_NAMES, type InboxRecord, type ContactRecord, type ContactInboxRecord } from "./types/records"
export { type ConversationStatus, type ConversationPriority, type ConversationRecord, type MessageType, MESSAGE_TYPE_CODES, type MessageStatus, type SenderType, type MessageRecord, type WebhookRecord, type DashboardAppRecord, type AttributeModel, type AttributeDisplayType, type CustomAttributeDefinitionRecord, type TeamRecord, type LabelRecord } from "./types/conversation-records"
export { type SandboxState, type WebhookDeliveryResult, type WebhookDeliveryLogEntry, type SendWebhookOptions, type Sandbox, type SdkCallRecord } from "./types/sandbox"
