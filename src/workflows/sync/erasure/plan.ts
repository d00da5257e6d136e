import type { EnqueueSyncJobInput } from "../../../modules/chatwoot/sync-queue"
import type { ErasureSubjects } from "./subjects"

/** Who is erased and in which accounts. */
export type ErasurePlan = ErasureSubjects & {
  account_ids: string[]
  /**
   * Per account, the Chatwoot contacts of mirrored conversations about the subjects. They may hold
   * none of their ids or e-mails (an anonymous contact-form post keeps the typed e-mail on the
   * conversation only), and the mirror rows are purged before the per-account jobs run.
   */
  mirrored_contact_ids: Record<string, number[]>
}

/** One contact_erase row per account; its payload (ids, e-mails) is dropped when it completes. */
export function erasureJobs(plan: ErasurePlan, erasureId: string, customerId: string): EnqueueSyncJobInput[] {
  return plan.account_ids.map((account_id) => ({
    account_id,
    kind: "contact_erase" as const,
    subject: customerId,
    coalesce_key: `${account_id}:contact_erase:${erasureId}`,
    payload: {
      erasure_id: erasureId,
      customer_ids: plan.customer_ids,
      emails: plan.emails,
      chatwoot_contact_ids: plan.mirrored_contact_ids[account_id] ?? [],
    },
  }))
}
