import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { AGENT_ACTION_BY_ROUTE, type AgentActionRoute } from "../../../../../../../modules/chatwoot/agent-actions"
import {
  postChatwootPrivateNoteWorkflow,
  requestChatwootReturnWorkflow,
  resendChatwootOrderConfirmationWorkflow,
} from "../../../../../../../workflows/dashboard/workflows"
import { authenticateDashboardApp, resolveDashboardSubject } from "../../../../helpers"
import { returnableQuantity, type DashboardOrderRecord } from "../../../../views/orders"
import type { DashboardAppOrderActionType } from "../../../../validators"
import { takeOrderResend, withinDashboardAccountLimit } from "../../../../limits"
import { auditNoteContent } from "../../../../audit-note"
import { tooManyRequests } from "../../../../../../rate-limits"

const DONE: Record<AgentActionRoute, string> = {
  cancel: "canceled",
  "resend-confirmation": "resent the confirmation of",
  return: "created a return request for",
}

/**
 * POST /chatwoot/dashboard-app/api/orders/:id/:action (cancel,
 * resend-confirmation, return) — an order action from the dashboard app.
 * The conversation's identity must be verified (identity-trust.ts; else
 * 403), the order must belong to that customer in one of the account's
 * storefronts (else 404) and the action must be switched on for the order's
 * storefront (else 403). Runs Medusa's own workflows, then
 * records a private note naming the agent in the conversation.
 */
export const POST = async (req: MedusaRequest<DashboardAppOrderActionType>, res: MedusaResponse) => {
  const action = req.params.action as AgentActionRoute
  if (!Object.prototype.hasOwnProperty.call(AGENT_ACTION_BY_ROUTE, action)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Unknown order action ${req.params.action}`)
  }
  const scope = await authenticateDashboardApp(req)
  if (!(await withinDashboardAccountLimit(res, scope.account.id, "action"))) return
  const body = req.validatedBody
  const subject = await resolveDashboardSubject(req.scope, scope, body)
  if (!subject.verified) {
    // identity-trust.ts: nobody proved to be this customer; a typed e-mail never authorises an order action
    throw new MedusaError(
      MedusaError.Types.FORBIDDEN,
      "This conversation's identity is not verified: order actions need an HMAC-verified chat or a logged-in customer's contact form"
    )
  }

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "status",
      "customer_id",
      "email",
      "sales_channel_id",
      "items.id",
      "items.detail.fulfilled_quantity",
      "items.detail.returned_quantity",
      "items.detail.return_requested_quantity",
    ],
    filters: { id: req.params.id },
  })
  const order = data[0] as
    | (Pick<DashboardOrderRecord, "id" | "display_id" | "status" | "items" | "sales_channel_id"> & {
        customer_id?: string | null
        email?: string | null
      })
    | undefined
  const storefront = order && scope.storefronts.find((s) => s.sales_channel_id === order.sales_channel_id)
  const owned =
    order &&
    (subject.customer_id
      ? order.customer_id === subject.customer_id
      : String(order.email ?? "").toLowerCase() === subject.email)
  if (!order || !storefront || !owned) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "No such order of this contact in this storefront")
  }
  const setting = AGENT_ACTION_BY_ROUTE[action]
  if (!storefront.actions[setting]) {
    throw new MedusaError(
      MedusaError.Types.FORBIDDEN,
      `"${setting}" is switched off for ${storefront.name}: an admin can allow it in Settings → Chatwoot`
    )
  }

  let extra = ""
  if (action === "cancel") {
    await cancelOrderWorkflow(req.scope).run({ input: { order_id: order.id } })
  } else if (action === "resend-confirmation") {
    // once per order and interval: every resend re-emits order.placed (and mails the customer)
    const retryAfterMs = await takeOrderResend(req.scope, order.id)
    if (retryAfterMs !== null) {
      return tooManyRequests(res, retryAfterMs, `The confirmation of order #${order.display_id} was resent recently. Please try again later.`)
    }
    await resendChatwootOrderConfirmationWorkflow(req.scope).run({ input: { order_id: order.id } })
  } else {
    const items =
      body.items ??
      (order.items ?? [])
        .filter((i): i is NonNullable<typeof i> => !!i)
        .map((i) => ({ id: i.id, quantity: returnableQuantity(i) }))
        .filter((i) => i.quantity > 0)
    if (!items.length) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order #${order.display_id} has no fulfilled items left to return`)
    }
    const { result } = await requestChatwootReturnWorkflow(req.scope).run({
      input: { order_id: order.id, items, description: body.reason, internal_note: "Requested from Chatwoot" },
    })
    extra = ` (return ${result.return_id})`
  }

  const content = auditNoteContent(body.agent, `${DONE[action]} order #${order.display_id}${extra}`, body.reason)
  let notePosted = true
  try {
    await postChatwootPrivateNoteWorkflow(req.scope).run({
      input: {
        account_id: scope.account.id,
        conversation_id: subject.conversation_id,
        content,
        source_id: `medusa-dashboard-${action}-${order.id}-${Date.now()}`,
      },
    })
  } catch (error) {
    // the order action happened; a missing note must not make the agent repeat it
    notePosted = false
    req.scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`chatwoot: could not record the ${action} of order ${order.id} as a private note: ${(error as Error).message}`)
  }
  res.json({
    order_id: order.id,
    action,
    note_posted: notePosted,
    message: `Order #${order.display_id}: ${DONE[action].replace(/ of$| for$/, "")}${notePosted ? "" : " (the note could not be posted)"}`,
  })
}
