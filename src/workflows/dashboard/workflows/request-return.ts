import {
  beginReturnOrderWorkflow,
  confirmReturnRequestWorkflow,
  requestItemReturnWorkflow,
} from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"

export const requestChatwootReturnWorkflowId = "chatwoot-request-return"

export type RequestChatwootReturnInput = {
  order_id: string
  items: { id: string; quantity: number }[]
  description?: string
  internal_note?: string
}

/**
 * Creates a return request through Medusa's return workflows: begin the
 * return, request the items, confirm the request (the return is then
 * `requested`, waiting for the goods). A failure rolls the earlier ones back.
 */
export const requestChatwootReturnWorkflow = createWorkflow(
  requestChatwootReturnWorkflowId,
  (input: RequestChatwootReturnInput) => {
    const beginInput = transform({ input }, ({ input }) => ({
      order_id: input.order_id,
      description: input.description,
      internal_note: input.internal_note,
    }))
    const change = beginReturnOrderWorkflow.runAsStep({ input: beginInput })
    const requestInput = transform({ change, input }, ({ change, input }) => ({
      return_id: change.return_id as string,
      items: input.items,
    }))
    requestItemReturnWorkflow.runAsStep({ input: requestInput })
    const confirmInput = transform({ change }, ({ change }) => ({ return_id: change.return_id as string }))
    confirmReturnRequestWorkflow.runAsStep({ input: confirmInput })
    return new WorkflowResponse(transform({ change }, ({ change }) => ({ return_id: change.return_id as string })))
  }
)
