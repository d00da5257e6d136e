/**
 * Record → JSON presenters mirroring Chatwoot's jbuilder views (v4.15.1). Nullable columns stay
 * null where Chatwoot renders null; keys Chatwoot renders conditionally are omitted the same way.
 */

export { platformAccountJson, userJson, accountUserJson, agentJson, teamJson } from "./serializers/users"
export { workingHoursJson, webWidgetScript, inboxJson, rawInboxJson, slimInboxJson, contactInboxJson } from "./serializers/inboxes"
export { contactJson, rawContactJson, contactWebhookData } from "./serializers/contacts"
export { senderPushJson, unreadCount, messageJson } from "./serializers/messages"
export { conversationJson, contactInboxRawJson, conversationWebhookData, messageWebhookPayload } from "./serializers/conversations"
export { webhookJson, dashboardAppJson, customAttributeDefinitionJson, labelJson } from "./serializers/account-config"
