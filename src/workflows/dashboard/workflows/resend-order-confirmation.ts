import { emitEventStep } from "@medusajs/medusa/core-flows"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"

export const resendChatwootOrderConfirmationWorkflowId = "chatwoot-resend-order-confirmation"

/**
 * Resends an order's confirmation from the dashboard app. Medusa 2.21.2 has no
 * "resend" flow of its own: order confirmations are sent by subscribers of
 * `order.placed` (Medusa's documented recipe), so the event is emitted again,
 * marked `resend: true` for subscribers that must not repeat other work.
 */
export const resendChatwootOrderConfirmationWorkflow = createWorkflow(
  resendChatwootOrderConfirmationWorkflowId,
  (input: { order_id: string }) => {
    const data = transform({ input }, ({ input }) => ({ id: input.order_id, resend: true, source: "chatwoot-dashboard-app" }))
    emitEventStep({ eventName: OrderWorkflowEvents.PLACED, data })
    return new WorkflowResponse(input)
  }
)
