import type { EnqueueSyncJobInput } from "../../../modules/chatwoot/sync-queue"
import type { ErasureSubjects } from "./subjects"

/** Who is erased and in which accounts. */
export type ErasurePlan = ErasureSubjects & { account_ids: string[] }

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
