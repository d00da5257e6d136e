/**
 * State transitions shared by the Application API, the Public API and the control endpoints.
 * Each one fires the account webhooks Chatwoot's listeners would (`app/listeners/webhook_listener.rb`).
 */

export { type ContactInput, contactInput, contactProblems, createContact, updateContact, commitContact, deleteContact, mergeContacts } from "./domain/contacts"
export { type ConversationInput, createConversation, changeConversation, setStatus, setPriority } from "./domain/conversations"
export { type MessageInput, createMessage, createOutgoingMessage } from "./domain/messages"
