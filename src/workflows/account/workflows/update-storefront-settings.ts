import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { WidgetSettingsInput } from "../../../modules/chatwoot/widget-settings"
import { pushWebsiteInboxSettingsStep, saveStorefrontSettingsStep } from "../steps"

export const updateChatwootStorefrontSettingsWorkflowId = "chatwoot-update-storefront-settings"

/**
 * Saves a storefront's chat settings and pushes them to its website inbox
 * (colour, texts, HMAC enforcement, business hours). If Chatwoot refuses,
 * the stored settings are rolled back.
 */
export const updateChatwootStorefrontSettingsWorkflow = createWorkflow(
  updateChatwootStorefrontSettingsWorkflowId,
  (input: { sales_channel_id: string; settings: Partial<WidgetSettingsInput> }) => {
    const saved = saveStorefrontSettingsStep(input)
    pushWebsiteInboxSettingsStep(saved)
    return new WorkflowResponse(saved)
  }
)
