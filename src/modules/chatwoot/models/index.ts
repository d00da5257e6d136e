export { default as ChatwootAccount } from "./chatwoot-account"
export { default as ChatwootInbox } from "./chatwoot-inbox"
export { default as ChatwootStorefront } from "./chatwoot-storefront"
export { default as ChatwootAgent } from "./chatwoot-agent"
