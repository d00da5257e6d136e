import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setStorefrontEnabledStep, updateAccountRecordStep, updateRemoteAccountStep } from "../steps"

export const disableChatwootStorefrontWorkflowId = "chatwoot-disable-storefront"

/**
 * A sales channel was deleted: its chat is switched off, and the account is
 * suspended when no storefront uses it any more. Customer data is never
 * deleted here: deleting an account is an explicit admin action.
 */
export const disableChatwootStorefrontWorkflow = createWorkflow(
  disableChatwootStorefrontWorkflowId,
  (input: { sales_channel_id: string }) => {
    const result = setStorefrontEnabledStep(
      transform({ input }, ({ input }) => ({ sales_channel_id: input.sales_channel_id, enabled: false }))
    )
    when({ result }, ({ result }) => Boolean(result.account_id) && !result.account_has_enabled_storefronts).then(() => {
      const suspend = transform({ result }, ({ result }) => ({ account_id: result.account_id!, status: "suspended" as const }))
      updateRemoteAccountStep(suspend).config({ name: "chatwoot-suspend-remote-account" })
      updateAccountRecordStep(suspend).config({ name: "chatwoot-suspend-account-record" })
    })
    return new WorkflowResponse(result)
  }
)
