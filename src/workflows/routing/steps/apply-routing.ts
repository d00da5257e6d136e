import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import type { RoutingPlan } from "../../../modules/chatwoot/routing-rules"

type ApplyInput = { account_id: string; chatwoot_conversation_id: number; plan: RoutingPlan | null; current: RoutingPlan | null }

async function apply(container: MedusaContainer, input: ApplyInput, target: RoutingPlan, from: RoutingPlan) {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const [account] = await chatwoot.listChatwootAccounts({ id: input.account_id })
  const api = chatwoot.accountApi(account).conversations
  const id = input.chatwoot_conversation_id
  const changed: string[] = []
  if (target.priority !== from.priority) {
    await api.togglePriority(id, target.priority ?? "none")
    changed.push("priority")
  }
  if (target.team_id !== from.team_id && target.team_id !== null) {
    await api.assign(id, { team_id: target.team_id })
    changed.push("team")
  }
  if (target.labels.join(",") !== from.labels.join(",")) {
    await api.setLabels(id, target.labels)
    changed.push("labels")
  }
  return changed
}

export const applyChatwootRoutingStepId = "chatwoot-apply-routing"

/**
 * Sets the planned priority, team and labels on the conversation in
 * Chatwoot (only what differs). Compensation puts the previous priority and
 * labels back (a team is never unassigned: an agent may have chosen it since).
 */
export const applyChatwootRoutingStep = createStep(
  { name: applyChatwootRoutingStepId, maxRetries: 1 },
  async (input: ApplyInput, { container }) => {
    if (!input.plan || !input.current) return new StepResponse([] as string[], null as ApplyInput | null)
    const changed = await apply(container, input, input.plan, input.current)
    return new StepResponse(changed, changed.length ? input : null)
  },
  async (input, { container }) => {
    if (!input?.plan || !input.current) return
    await apply(container, input, { ...input.current, team_id: null }, input.plan)
  }
)
