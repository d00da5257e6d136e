/**
 * Request and response shapes of the Chatwoot v4.15.1 calls the plugin makes
 * (see Chatwoot's OpenAPI spec, swagger.json). Only fields the plugin can use are
 * typed; Chatwoot sends more.
 */
export * from "./json"
export * from "./platform"
export * from "./inboxes"
export * from "./contacts"
export * from "./conversations"
export * from "./settings"
export * from "./public"
