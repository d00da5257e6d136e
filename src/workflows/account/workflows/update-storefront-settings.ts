import { createWorkflow, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { WidgetSettingsInput } from "../../../modules/chatwoot/widget-settings"
import { addAgentsStep, type AddAgentsInput } from "../steps/add-agents"
import { ensureEmailInboxStep, type EnsureEmailInboxInput } from "../steps/ensure-email-inbox"
import { pushWebsiteInboxSettingsStep } from "../steps/push-website-inbox-settings"
import { removeAgentStep } from "../steps/remove-agent"
import { revokeDashboardAppSecretStep } from "../steps/revoke-dashboard-app-secret"
import { rotateDashboardAppSecretStep } from "../steps/rotate-dashboard-app-secret"
import { saveStorefrontSettingsStep } from "../steps/save-storefront-settings"

/**
 * Saves a storefront's chat settings and pushes them to its website inbox
 * (colour, texts, HMAC enforcement, business hours). If Chatwoot refuses,
 * the stored settings are rolled back.
 */
export const updateChatwootStorefrontSettingsWorkflow = createWorkflow(
  "chatwoot-update-storefront-settings",
  (input: { sales_channel_id: string; settings: Partial<WidgetSettingsInput> }) => {
    const saved = saveStorefrontSettingsStep(input)
    pushWebsiteInboxSettingsStep(saved)
    return new WorkflowResponse(saved)
  }
)

/** Adds (or updates) the account's e-mail inbox. */
export const ensureChatwootEmailInboxWorkflow = createWorkflow(
  "chatwoot-ensure-email-inbox",
  (input: EnsureEmailInboxInput) => new WorkflowResponse(ensureEmailInboxStep(input))
)

/** Adds a person as agent or administrator to one or many accounts. */
export const addChatwootAgentsWorkflow = createWorkflow(
  "chatwoot-add-agents",
  (input: AddAgentsInput) => new WorkflowResponse(addAgentsStep(input))
)

/**
 * Removes an agent from an account, then replaces the account's dashboard-app
 * secret: the one secret is shared by the account's agents (it is in the app
 * URL every agent's browser loads), so a removed agent must not keep a
 * working copy. An active account's app URL is rotated in Chatwoot; on an
 * account that is not active the secret is revoked (rotate after resuming).
 */
export const removeChatwootAgentWorkflow = createWorkflow(
  "chatwoot-remove-agent",
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
