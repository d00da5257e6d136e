// Workflows of medusa-plugin-chatwoot, importable as
// `import { … } from "medusa-plugin-chatwoot/workflows"`.
export * from "./provision-chatwoot-account"
export * from "./mark-chatwoot-account-failed"
export * from "./chatwoot-account-lifecycle"
export * from "./chatwoot-account-settings"
export * from "./chatwoot-sync"
export { drainChatwootSyncQueue, kickChatwootSync } from "./sync/drain"
export * from "./dashboard-order-actions"
