import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { rotateDashboardAppSecretStep } from "../steps"

export const rotateChatwootDashboardAppSecretWorkflowId = "chatwoot-rotate-dashboard-app-secret"

/**
 * Rotates an account's dashboard-app secret (admin action): Chatwoot gets the
 * new app URL and the old secret stops working at once.
 */
export const rotateChatwootDashboardAppSecretWorkflow = createWorkflow(
  rotateChatwootDashboardAppSecretWorkflowId,
  (input: { account_id: string }) => new WorkflowResponse(rotateDashboardAppSecretStep(input))
)
