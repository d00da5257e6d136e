import { agentActionsSchema, type AgentActions } from "./widget-settings"

export type { AgentActions }
export { AGENT_ACTION_BY_ROUTE, type AgentActionRoute } from "../../lib/agent-actions"

/** The order actions a storefront allows from the dashboard app (all off unless the admin turned them on). */
export function resolveAgentActions(storedWidgetSettings: unknown): AgentActions {
  const stored = (storedWidgetSettings as { agent_actions?: unknown } | null)?.agent_actions
  const parsed = agentActionsSchema.safeParse(stored ?? {})
  return parsed.success ? parsed.data : agentActionsSchema.parse({})
}
