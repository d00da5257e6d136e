// Workflows of medusa-plugin-chatwoot, importable as
// `import { … } from "medusa-plugin-chatwoot/workflows"`.
// The names are listed one by one: this is the package's public surface
// (src/workflows/__tests__/exports.unit.spec.ts holds it fixed).
export {
  addChatwootAgentsWorkflow,
  deleteChatwootAccountWorkflow,
  disableChatwootStorefrontWorkflow,
  ensureChatwootEmailInboxWorkflow,
  markChatwootAccountFailedWorkflow,
  provisionChatwootAccount,
  provisionChatwootAccountWorkflow,
  provisionChatwootAccountWorkflowId,
  removeChatwootAgentWorkflow,
  resumeChatwootAccountWorkflow,
  rotateChatwootDashboardAppSecretWorkflow,
  suspendChatwootAccountWorkflow,
  syncChatwootAccountNamesWorkflow,
  updateChatwootAccountWorkflow,
  updateChatwootStorefrontSettingsWorkflow,
  type ProvisionChatwootAccountInput,
} from "./account/workflows"
export {
  cancelChatwootBackfillWorkflow,
  eraseChatwootCustomerMirrorWorkflow,
  eraseChatwootCustomerWorkflow,
  queueChatwootOrderChangeNoteWorkflow,
  queueChatwootOrderNoteWorkflow,
  startChatwootBackfillWorkflow,
  syncChatwootCustomerWorkflow,
} from "./sync/workflows"
export { drainChatwootSyncQueue } from "../sync/drain"
export { kickChatwootSync } from "../sync/wake"
export { dismissChatwootContactChangeStep } from "./webhooks/steps"
export {
  dismissChatwootContactChangeWorkflow,
  processChatwootWebhookWorkflow,
  updateChatwootWebhookAuthWorkflow,
} from "./webhooks/workflows"
export { routeChatwootConversationWorkflow, updateChatwootRoutingRulesWorkflow } from "./routing/workflows"
export {
  postChatwootPrivateNoteWorkflow,
  requestChatwootReturnWorkflow,
  resendChatwootOrderConfirmationWorkflow,
  type RequestChatwootReturnInput,
} from "./dashboard/workflows"
