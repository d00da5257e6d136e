import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import {
  ensureAccountRecordStep,
  ensureAccountRecordStepId,
  ensureChatwootAccountStep,
  ensureCustomAttributesStep,
  ensureDashboardAppStep,
  ensureInboxesStep,
  ensurePluginAdminStep,
  ensureWebhookStep,
  loadStorefrontContextStep,
  loadStorefrontContextStepId,
  setAccountStatusStep,
  verifyChatwootLinkStep,
  verifyChatwootLinkStepId,
} from "../steps"
import { markChatwootAccountFailedWorkflow } from "./mark-account-failed"

export type ProvisionChatwootAccountInput = {
  sales_channel_id: string
  /** `provisioned` (Platform API, default) or `linked` (existing account + admin token). */
  mode?: "provisioned" | "linked"
  /** Link mode. */
  chatwoot_account_id?: number
  /** Link mode: the administrator token, encrypted with the module's encryptSecret. */
  access_token_encrypted?: string
  /** Attach the sales channel to this plugin account (shared account). */
  account_id?: string
}

export const provisionChatwootAccountWorkflowId = "chatwoot-provision-account"

/**
 * Gives a storefront (sales channel) its Chatwoot desk: the account (created
 * or linked), the plugin's administrator, a website inbox per storefront, the
 * API inbox, the custom attribute definitions, the signed webhook and the
 * dashboard app. Every step is idempotent and stores what it obtained at
 * once, so running the workflow again resumes a failed run and repairs
 * whatever was deleted in Chatwoot.
 */
export const provisionChatwootAccountWorkflow = createWorkflow(
  provisionChatwootAccountWorkflowId,
  (input: ProvisionChatwootAccountInput) => {
    const storefront = loadStorefrontContextStep({ sales_channel_id: input.sales_channel_id })

    when({ input }, ({ input }) => input.mode === "linked").then(() => {
      verifyChatwootLinkStep(
        transform({ input }, ({ input }) => {
          if (!input.chatwoot_account_id || !input.access_token_encrypted) {
            throw new MedusaError(
              MedusaError.Types.INVALID_DATA,
              "Linking needs chatwoot_account_id and api_access_token"
            )
          }
          return { chatwoot_account_id: input.chatwoot_account_id, access_token_encrypted: input.access_token_encrypted }
        })
      )
    })

    const record = ensureAccountRecordStep(
      transform({ input, storefront }, ({ input, storefront }) => ({
        storefront,
        mode: input.mode ?? "provisioned",
        chatwoot_account_id: input.chatwoot_account_id,
        access_token_encrypted: input.access_token_encrypted,
        account_id: input.account_id,
      }))
    )
    const ids = transform({ record }, ({ record }) => ({ account_id: record.account_id }))

    ensureChatwootAccountStep(ids)
    ensurePluginAdminStep(ids)
    const inboxes = ensureInboxesStep(ids)
    ensureCustomAttributesStep(ids)
    const webhook = ensureWebhookStep(ids)
    const dashboardApp = ensureDashboardAppStep(ids)
    setAccountStatusStep(transform({ ids }, ({ ids }) => ({ account_id: ids.account_id, status: "active" as const })))

    return new WorkflowResponse({
      account_id: ids.account_id,
      created: record.created,
      inboxes,
      webhook,
      dashboard_app: dashboardApp,
    })
  }
)

/** Steps that fail before anything is stored: the caller's input was wrong. */
const BEFORE_RECORD_STEPS = [loadStorefrontContextStepId, verifyChatwootLinkStepId, ensureAccountRecordStepId]

/**
 * Runs the provision workflow; when it fails after the account row exists,
 * the row is marked `failed` with the reason (so the admin sees it and can
 * retry), and the error is thrown to the caller.
 */
export async function provisionChatwootAccount(container: MedusaContainer, input: ProvisionChatwootAccountInput) {
  // One provisioning at a time per sales channel and account, across processes
  // when a shared locking provider is configured: two runs racing could both
  // see "no Chatwoot account yet" and create two.
  const locking = container.resolve(Modules.LOCKING)
  const keys = [`chatwoot:provision:${input.sales_channel_id}`, ...(input.account_id ? [`chatwoot:provision:${input.account_id}`] : [])]
  const { result, errors } = await locking.execute(keys, () =>
    provisionChatwootAccountWorkflow(container).run({ input, throwOnError: false }),
    { timeout: 120 }
  )
  if (!errors?.length) {
    return result
  }
  const { action, error } = errors[0] as { action?: string; error: Error & { type?: string } }
  if (!BEFORE_RECORD_STEPS.includes(action ?? "")) {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const [storefront] = await chatwoot.listChatwootStorefronts({ sales_channel_id: input.sales_channel_id })
    if (storefront) {
      await markChatwootAccountFailedWorkflow(container).run({
        input: { account_id: storefront.account_id, last_error: error.message },
      })
    }
  }
  throw error instanceof MedusaError
    ? error
    : new MedusaError((error.type as MedusaError["type"]) ?? MedusaError.Types.UNEXPECTED_STATE, error.message)
}
