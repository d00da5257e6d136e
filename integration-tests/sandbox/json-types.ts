/**
 * JSON shapes Chatwoot v4.15.1 answers with (jbuilder views) and sends in webhooks
 * (`app/models/*#webhook_data`, `push_event_data`). Field order follows the Rails views where it
 * matters for readability only.
 */

export { type Json, type JsonMap, type PlatformAccountJson, type UserAccountJson, type UserJson, type AccountUserJson, type AgentJson, type WorkingHourJson, type InboxJson, type SlimInboxJson, type ContactInboxJson, type ContactJson, type SenderPushJson, type MessageJson, type ConversationMetaJson, type ConversationJson, type TeamJson, type LabelJson, type WebhookJson, type DashboardAppJson, type CustomAttributeDefinitionJson } from "./json-types/views"
export { type AccountRefJson, type ContactWebhookData, type ChangedAttributes, type ContactInboxRawJson, type ConversationWebhookData, type ConversationEventName, type MessageEventName, type ContactEventName, type TypingEventName, type ConversationWebhookPayload, type MessageSenderWebhookData, type MessageWebhookPayload, type ContactWebhookPayload, type WebwidgetTriggeredPayload, type TypingWebhookPayload, type WebhookPayload } from "./json-types/webhooks"
