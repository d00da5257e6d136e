import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import { removeMembership } from "./add-agents"

export const removeAgentStepId = "chatwoot-remove-agent"

/**
 * Removes an agent from an account (in Chatwoot and in the plugin). No
 * compensation (the membership is gone in Chatwoot); the workflow's later
 * steps only replace the dashboard-app secret. Says whether the account is
 * active (its app URL can then be rotated).
 */
export const removeAgentStep = createStep(
  removeAgentStepId,
  async (input: { account_id: string; agent_id: string }, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const [agent] = await chatwoot.listChatwootAgents({ id: input.agent_id, account_id: input.account_id })
    if (!agent) return new StepResponse({ removed: false, account_active: false })
    await removeMembership(chatwoot, input.account_id, agent.chatwoot_user_id)
    await chatwoot.deleteChatwootAgents([agent.id])
    const account = await chatwoot.retrieveChatwootAccount(input.account_id, { select: ["id", "status"] })
    return new StepResponse({ removed: true, account_active: account.status === "active" })
  }
)
