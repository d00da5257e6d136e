import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import type { EnqueueSyncJobInput } from "../../../modules/chatwoot/sync-queue"
import { resolveErasureSubjects, type ErasureSubjects } from "../erasure/subjects"

export type ErasurePlan = ErasureSubjects & { account_ids: string[] }

/** Who is erased (customer ids, e-mails) and in which accounts: every account the plugin manages. */
export const resolveChatwootErasureStep = createStep(
  "chatwoot-resolve-erasure",
  async (input: { customer_id: string }, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const subjects = await resolveErasureSubjects(container, input.customer_id)
    const accounts = await chatwoot.listChatwootAccounts({}, { select: ["id", "chatwoot_account_id"] })
    const known = await chatwoot.listChatwootContacts({ customer_id: subjects.customer_ids }, { select: ["account_id"] })
    const account_ids = [
      ...new Set([...accounts.filter((a) => a.chatwoot_account_id).map((a) => a.id), ...known.map((c) => c.account_id)]),
    ]
    return new StepResponse<ErasurePlan>({ ...subjects, account_ids })
  }
)

/**
 * Writes the erase's tombstone and audit entry before anything is deleted:
 * from now on no change queued before it creates a contact for these
 * subjects. Only keyed hashes are stored. Compensation removes it (the erase
 * did not get queued and is asked for again).
 */
export const recordChatwootErasureStep = createStep(
  "chatwoot-record-erasure",
  async (plan: ErasurePlan, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const erasure = await chatwoot.createChatwootErasures({
      // json columns typed as objects by the DML; they hold arrays (checked with `@>`)
      subject_hashes: plan.customer_ids.map((id) => chatwoot.erasureHash(id)) as unknown as Record<string, unknown>,
      email_hashes: plan.emails.map((e) => chatwoot.erasureHash(e)) as unknown as Record<string, unknown>,
      erased_at: new Date(),
      account_ids: plan.account_ids as unknown as Record<string, unknown>,
      counts: {},
      completed_at: plan.account_ids.length ? null : new Date(),
    })
    return new StepResponse({ id: erasure.id }, erasure.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<ChatwootModuleService>(CHATWOOT_MODULE).deleteChatwootErasures(id)
  }
)

/**
 * Removes the plugin's rows about the subjects at once (contacts, mirror,
 * contact changes, queued and failed rows with their text). No
 * compensation: an erase is final.
 */
export const purgeChatwootErasedRowsStep = createStep(
  "chatwoot-purge-erased-rows",
  async (plan: ErasurePlan, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const counts = await chatwoot.purgeErasedSubjects({ customer_ids: plan.customer_ids, emails: plan.emails })
    return new StepResponse(counts)
  }
)

/** One contact_erase row per account; its payload (ids, e-mails) is dropped when it completes. */
export function erasureJobs(plan: ErasurePlan, erasureId: string, customerId: string): EnqueueSyncJobInput[] {
  return plan.account_ids.map((account_id) => ({
    account_id,
    kind: "contact_erase" as const,
    subject: customerId,
    coalesce_key: `${account_id}:contact_erase:${erasureId}`,
    payload: { erasure_id: erasureId, customer_ids: plan.customer_ids, emails: plan.emails },
  }))
}
