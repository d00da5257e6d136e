import { agentActionsSchema, type AgentActions } from "./widget-settings"

export type { AgentActions }

/** The order actions a storefront allows from the dashboard app (all off unless the admin turned them on). */
export function resolveAgentActions(storedWidgetSettings: unknown): AgentActions {
  const stored = (storedWidgetSettings as { agent_actions?: unknown } | null)?.agent_actions
  const parsed = agentActionsSchema.safeParse(stored ?? {})
  return parsed.success ? parsed.data : agentActionsSchema.parse({})
}

export const AGENT_ACTION_BY_ROUTE = {
  cancel: "cancel_order",
  "resend-confirmation": "resend_confirmation",
  return: "create_return",
} as const satisfies Record<string, keyof AgentActions>

export type AgentActionRoute = keyof typeof AGENT_ACTION_BY_ROUTE
