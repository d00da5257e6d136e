import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import type { ErasurePlan } from "../erasure/plan"
import { resolveErasureSubjects } from "../erasure/subjects"

export const resolveChatwootErasureStepId = "chatwoot-resolve-erasure"

/** Who is erased (customer ids, e-mails) and in which accounts: every account the plugin manages. */
export const resolveChatwootErasureStep = createStep(
  resolveChatwootErasureStepId,
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
