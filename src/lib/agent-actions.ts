/**
 * The order actions agents may run from the Medusa dashboard app inside
 * Chatwoot, and their default. Dependency-free: the server (settings schema,
 * dashboard app) and the admin UI both import it.
 */
export const AGENT_ACTION_KEYS = ["cancel_order", "resend_confirmation", "create_return"] as const

export type AgentActionKey = (typeof AGENT_ACTION_KEYS)[number]

/** Which order actions a storefront allows from the dashboard app. */
export type AgentActions = Record<AgentActionKey, boolean>

/** The default: every action is off until the admin turns it on. */
export const NO_AGENT_ACTIONS: Readonly<AgentActions> = {
  cancel_order: false,
  resend_confirmation: false,
  create_return: false,
}

/** The dashboard app's action routes (`/chatwoot/dashboard-app/orders/:id/<route>`) and the setting each needs. */
export const AGENT_ACTION_BY_ROUTE = {
  cancel: "cancel_order",
  "resend-confirmation": "resend_confirmation",
  return: "create_return",
} as const satisfies Record<string, AgentActionKey>

export type AgentActionRoute = keyof typeof AGENT_ACTION_BY_ROUTE
