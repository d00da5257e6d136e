import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteChatwootCustomerMirrorStep } from "../steps"

export const eraseChatwootCustomerMirrorWorkflowId = "chatwoot-erase-customer-mirror"

/** A deleted customer's conversation mirror and contact-review rows go too (GDPR). */
export const eraseChatwootCustomerMirrorWorkflow = createWorkflow(
  eraseChatwootCustomerMirrorWorkflowId,
  (input: { customer_id: string }) => new WorkflowResponse(deleteChatwootCustomerMirrorStep(input))
)
