import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { pointChatwootWebhookStep, setChatwootWebhookAuthStep } from "../steps"

export const updateChatwootWebhookAuthWorkflowId = "chatwoot-update-webhook-auth"

/**
 * Turns the URL token on (Chatwoot < 4.12, unsigned webhooks) or off for an
 * account and points its Chatwoot webhook at the matching URL.
 */
export const updateChatwootWebhookAuthWorkflow = createWorkflow(
  updateChatwootWebhookAuthWorkflowId,
  (input: { account_id: string; mode: "signature" | "url_token" }) => {
    const target = setChatwootWebhookAuthStep(input)
    const point = transform({ target, input }, ({ target, input }) => ({
      account_id: input.account_id,
      webhook_id: target.webhook_id,
      url: target.url,
    }))
    const pointed = pointChatwootWebhookStep(point)
    return new WorkflowResponse(transform({ input, pointed }, ({ input, pointed }) => ({ mode: input.mode, webhook_updated: pointed })))
  }
)
