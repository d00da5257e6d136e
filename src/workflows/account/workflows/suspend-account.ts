import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteAccountRecordsStep } from "../steps/delete-account-records"
import { removeRemoteFootprintStep } from "../steps/remove-remote-footprint"
import { setStorefrontEnabledStep } from "../steps/set-storefront-enabled"
import { syncAccountNamesStep } from "../steps/sync-account-names"
import { updateAccountRecordStep } from "../steps/update-account-record"
import { updateRemoteAccountStep } from "../steps/update-remote-account"

/** Suspends an account: Chatwoot refuses its agents and the widget is switched off. */
export const suspendChatwootAccountWorkflow = createWorkflow(
  "chatwoot-suspend-account",
  (input: { account_id: string }) => {
    updateRemoteAccountStep(transform({ input }, ({ input }) => ({ account_id: input.account_id, status: "suspended" as const })))
    updateAccountRecordStep(transform({ input }, ({ input }) => ({ account_id: input.account_id, status: "suspended" as const })))
    return new WorkflowResponse(input.account_id)
  }
)

/** Resumes a suspended account. */
export const resumeChatwootAccountWorkflow = createWorkflow(
  "chatwoot-resume-account",
  (input: { account_id: string }) => {
    updateRemoteAccountStep(transform({ input }, ({ input }) => ({ account_id: input.account_id, status: "active" as const })))
    updateAccountRecordStep(transform({ input }, ({ input }) => ({ account_id: input.account_id, status: "active" as const })))
    return new WorkflowResponse(input.account_id)
  }
)

/**
 * A sales channel was deleted: its chat is switched off, and the account is
 * suspended when no storefront uses it any more. Customer data is never
 * deleted here: deleting an account is an explicit admin action.
 */
export const disableChatwootStorefrontWorkflow = createWorkflow(
  "chatwoot-disable-storefront",
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

/**
 * Deletes an account from the plugin; in Chatwoot it deletes the account only
 * when the plugin created it (a linked account only loses the plugin's
 * webhook and dashboard app).
 */
export const deleteChatwootAccountWorkflow = createWorkflow(
  "chatwoot-delete-account",
  (input: { account_id: string }) => {
    deleteAccountRecordsStep(input)
    const removed = removeRemoteFootprintStep(input)
    return new WorkflowResponse(removed)
  }
)

/** Renames accounts and website inboxes after the store or a sales channel changed. */
export const syncChatwootAccountNamesWorkflow = createWorkflow(
  "chatwoot-sync-account-names",
  (input: { account_ids?: string[]; sales_channel_id?: string }) => {
    return new WorkflowResponse(syncAccountNamesStep(input))
  }
)

/** Admin edit of an account's name or locale (null: follow the store again). */
export const updateChatwootAccountWorkflow = createWorkflow(
  "chatwoot-update-account",
  (input: { account_id: string; custom_name?: string | null; custom_locale?: string | null }) => {
    updateAccountRecordStep(input)
    const changes = syncAccountNamesStep(transform({ input }, ({ input }) => ({ account_ids: [input.account_id] })))
    return new WorkflowResponse(changes)
  }
)
