import {
  beginReturnOrderWorkflow,
  confirmReturnRequestWorkflow,
  emitEventStep,
  requestItemReturnWorkflow,
} from "@medusajs/medusa/core-flows"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { postPrivateNoteStep, type PostPrivateNoteInput } from "../steps/post-private-note"
import { rotateDashboardAppSecretStep } from "../../account/steps/rotate-dashboard-app-secret"

/**
 * Resends an order's confirmation from the dashboard app. Medusa 2.21.2 has no
 * "resend" flow of its own: order confirmations are sent by subscribers of
 * `order.placed` (Medusa's documented recipe), so the event is emitted again,
 * marked `resend: true` for subscribers that must not repeat other work.
 */
export const resendChatwootOrderConfirmationWorkflow = createWorkflow(
  "chatwoot-resend-order-confirmation",
  (input: { order_id: string }) => {
    const data = transform({ input }, ({ input }) => ({ id: input.order_id, resend: true, source: "chatwoot-dashboard-app" }))
    emitEventStep({ eventName: OrderWorkflowEvents.PLACED, data })
    return new WorkflowResponse(input)
  }
)

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
  "chatwoot-request-return",
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

/** Records what an agent did in the conversation, as a private note. */
export const postChatwootPrivateNoteWorkflow = createWorkflow(
  "chatwoot-post-private-note",
  (input: PostPrivateNoteInput) => new WorkflowResponse(postPrivateNoteStep(input))
)

/**
 * Rotates an account's dashboard-app secret (admin action): Chatwoot gets the
 * new app URL and the old secret stops working at once.
 */
export const rotateChatwootDashboardAppSecretWorkflow = createWorkflow(
  "chatwoot-rotate-dashboard-app-secret",
  (input: { account_id: string }) => new WorkflowResponse(rotateDashboardAppSecretStep(input))
)
