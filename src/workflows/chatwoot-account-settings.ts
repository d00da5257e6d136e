import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { WidgetSettingsInput } from "../modules/chatwoot/widget-settings"
import { addAgentsStep, type AddAgentsInput } from "./steps/add-agents"
import { ensureEmailInboxStep, type EnsureEmailInboxInput } from "./steps/ensure-email-inbox"
import { pushWebsiteInboxSettingsStep } from "./steps/push-website-inbox-settings"
import { removeAgentStep } from "./steps/remove-agent"
import { saveStorefrontSettingsStep } from "./steps/save-storefront-settings"

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

/** Removes an agent from an account. */
export const removeChatwootAgentWorkflow = createWorkflow(
  "chatwoot-remove-agent",
  (input: { account_id: string; agent_id: string }) => new WorkflowResponse(removeAgentStep(input))
)
