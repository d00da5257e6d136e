import type { AccountRole } from "../types"
import { ACCOUNT_PATH, accountRequest, type AccountScope } from "./shared"

const AGENTS = `${ACCOUNT_PATH}/agents`

export type AgentInput = {
  name: string
  email: string
  role: AccountRole
  availability?: "online" | "busy" | "offline"
  auto_offline?: boolean
}

export type Agent = {
  id: number
  account_id?: number
  name: string
  email: string
  role: AccountRole
  available_name?: string
  availability_status?: "online" | "busy" | "offline"
  confirmed?: boolean
}

/**
 * Agents of an account (Application API, administrator token): how agents are
 * added where there is no platform token (e.g. Chatwoot Cloud). Chatwoot
 * sends the new agent an invitation e-mail.
 */
export class AgentsApi {
  constructor(private readonly scope: AccountScope) {}

  list(): Promise<Agent[]> {
    return accountRequest(this.scope, { method: "GET", path: AGENTS })
  }

  /** Adds an agent; 422 when the e-mail already belongs to an agent of the account. */
  create(input: AgentInput): Promise<Agent> {
    return accountRequest(this.scope, { method: "POST", path: AGENTS, body: input })
  }

  /** Changes an agent's role (required by the API) and availability. */
  update(
    agentId: number,
    input: Pick<AgentInput, "role"> & Partial<Pick<AgentInput, "availability" | "auto_offline">>
  ): Promise<Agent> {
    return accountRequest(this.scope, { method: "PATCH", path: `${AGENTS}/{id}`, params: { id: agentId }, body: input })
  }

  async delete(agentId: number): Promise<void> {
    await accountRequest(this.scope, { method: "DELETE", path: `${AGENTS}/{id}`, params: { id: agentId } })
  }
}
