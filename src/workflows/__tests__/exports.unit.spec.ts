import * as workflows from "../index"

/** The names `medusa-plugin-chatwoot/workflows` exported before the workflows were filed by domain. */
const PUBLIC_NAMES = [
  "addChatwootAgentsWorkflow",
  "cancelChatwootBackfillWorkflow",
  "deleteChatwootAccountWorkflow",
  "disableChatwootStorefrontWorkflow",
  "dismissChatwootContactChangeStep",
  "dismissChatwootContactChangeWorkflow",
  "drainChatwootSyncQueue",
  "ensureChatwootEmailInboxWorkflow",
  "eraseChatwootCustomerMirrorWorkflow",
  "eraseChatwootCustomerWorkflow",
  "kickChatwootSync",
  "markChatwootAccountFailedWorkflow",
  "postChatwootPrivateNoteWorkflow",
  "processChatwootWebhookWorkflow",
  "provisionChatwootAccount",
  "provisionChatwootAccountWorkflow",
  "provisionChatwootAccountWorkflowId",
  "queueChatwootOrderChangeNoteWorkflow",
  "queueChatwootOrderNoteWorkflow",
  "removeChatwootAgentWorkflow",
  "requestChatwootReturnWorkflow",
  "resendChatwootOrderConfirmationWorkflow",
  "resumeChatwootAccountWorkflow",
  "rotateChatwootDashboardAppSecretWorkflow",
  "routeChatwootConversationWorkflow",
  "startChatwootBackfillWorkflow",
  "suspendChatwootAccountWorkflow",
  "syncChatwootAccountNamesWorkflow",
  "syncChatwootCustomerWorkflow",
  "updateChatwootAccountWorkflow",
  "updateChatwootRoutingRulesWorkflow",
  "updateChatwootStorefrontSettingsWorkflow",
  "updateChatwootWebhookAuthWorkflow",
]

describe("medusa-plugin-chatwoot/workflows", () => {
  it("exports exactly the public names", () => {
    expect(Object.keys(workflows).sort()).toEqual(PUBLIC_NAMES)
  })

  it("exports defined values", () => {
    for (const name of PUBLIC_NAMES) expect(workflows[name as keyof typeof workflows]).toBeDefined()
  })
})
