import { createWorkflow, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { removeAgentStep, revokeDashboardAppSecretStep, rotateDashboardAppSecretStep } from "../steps"

export const removeChatwootAgentWorkflowId = "chatwoot-remove-agent"

/**
 * Removes an agent from an account, then replaces the account's dashboard-app
 * secret: the one secret is shared by the account's agents (it is in the app
 * URL every agent's browser loads), so a removed agent must not keep a
 * working copy. An active account's app URL is rotated in Chatwoot; on an
 * account that is not active the secret is revoked (rotate after resuming).
 */
export const removeChatwootAgentWorkflow = createWorkflow(
  removeChatwootAgentWorkflowId,
  (input: { account_id: string; agent_id: string }) => {
    const removed = removeAgentStep(input)
    const accountInput = { account_id: input.account_id }
    when("rotate-dashboard-secret-after-removal", { removed }, ({ removed }) => removed.removed && removed.account_active).then(() => {
      rotateDashboardAppSecretStep(accountInput)
    })
    when("revoke-dashboard-secret-after-removal", { removed }, ({ removed }) => removed.removed && !removed.account_active).then(() => {
      revokeDashboardAppSecretStep(accountInput)
    })
    return new WorkflowResponse(removed)
  }
)
