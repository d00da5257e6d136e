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
    const select = ["account_id", "chatwoot_contact_id"]
    const mirrored = [
      ...(await chatwoot.listChatwootConversations({ customer_id: subjects.customer_ids }, { select })),
      ...(subjects.emails.length ? await chatwoot.listChatwootConversations({ email: subjects.emails }, { select }) : []),
    ]
    const mirrored_contact_ids: Record<string, number[]> = {}
    for (const { account_id, chatwoot_contact_id } of mirrored) {
      if (!chatwoot_contact_id) continue
      const ids = (mirrored_contact_ids[account_id] ??= [])
      if (!ids.includes(chatwoot_contact_id)) ids.push(chatwoot_contact_id)
    }
    return new StepResponse<ErasurePlan>({ ...subjects, account_ids, mirrored_contact_ids })
  }
)
