import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import { ChatwootApiError, type AccountRole } from "../../../modules/chatwoot/client"
import { randomPassword } from "../../../modules/chatwoot/provisioning"
import type ChatwootModuleService from "../../../modules/chatwoot/service"

export type AddAgentsInput = {
  account_ids: string[]
  name: string
  email: string
  role: AccountRole
  /** The Medusa admin user this Chatwoot user belongs to (for "Open in Chatwoot"). */
  medusa_user_id?: string
}

type Added = { account_id: string; agent_row_id: string; chatwoot_account_id: number; chatwoot_user_id: number; mode: string; fresh: boolean }

export const addAgentsStepId = "chatwoot-add-agents"

/**
 * Adds a person to one or many accounts as agent or administrator: through the
 * Platform API (user + account membership, no e-mail needed) where the plugin
 * has a platform token, otherwise through the account's agents endpoint
 * (Chatwoot e-mails an invitation). Existing memberships get the new role.
 * Compensation removes the memberships this step added.
 */
export const addAgentsStep = createStep(
  addAgentsStepId,
  async (input: AddAgentsInput, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const client = chatwoot.getClient()
    const accounts = await chatwoot.listChatwootAccounts({ id: input.account_ids }, { relations: ["agents"] })
    const missing = input.account_ids.filter((id) => !accounts.some((a) => a.id === id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Chatwoot accounts not found: ${missing.join(", ")}`)
    }
    const email = input.email.trim().toLowerCase()
    const added: Added[] = []
    const rows = []
    for (const account of accounts) {
      if (account.status !== "active" || !account.chatwoot_account_id) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Chatwoot account ${account.name} is ${account.status}, not active`)
      }
      let chatwootUserId: number
      if (account.mode === "provisioned" && client.hasPlatformToken) {
        const user = await client.platform.users.create({ name: input.name, email, password: randomPassword() })
        await client.platform.accountUsers.create(account.chatwoot_account_id, { user_id: user.id, role: input.role })
        chatwootUserId = user.id
      } else {
        const api = chatwoot.accountApi(account)
        try {
          chatwootUserId = (await api.agents.create({ name: input.name, email, role: input.role })).id
        } catch (error) {
          if (!(error instanceof ChatwootApiError && error.status === 422)) throw error
          const existing = (await api.agents.list()).find((a) => a.email.toLowerCase() === email)
          if (!existing) throw error
          await api.agents.update(existing.id, { role: input.role })
          chatwootUserId = existing.id
        }
      }
      const known = account.agents.find((a) => a.chatwoot_user_id === chatwootUserId)
      const row = known
        ? await chatwoot.updateChatwootAgents({
            id: known.id,
            role: input.role,
            name: input.name,
            ...(input.medusa_user_id ? { medusa_user_id: input.medusa_user_id } : {}),
          })
        : await chatwoot.createChatwootAgents({
            account_id: account.id,
            chatwoot_user_id: chatwootUserId,
            email,
            name: input.name,
            role: input.role,
            medusa_user_id: input.medusa_user_id ?? null,
          })
      rows.push(row)
      added.push({
        account_id: account.id,
        agent_row_id: row.id,
        chatwoot_account_id: account.chatwoot_account_id,
        chatwoot_user_id: chatwootUserId,
        mode: account.mode,
        fresh: !known,
      })
    }
    return new StepResponse(rows, added.filter((a) => a.fresh))
  },
  async (added, { container }) => {
    if (!added?.length) return
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    for (const a of added) {
      await removeMembership(chatwoot, a.account_id, a.chatwoot_user_id)
      await chatwoot.deleteChatwootAgents([a.agent_row_id])
    }
  }
)

/** Takes a user out of an account (the Chatwoot user itself stays: it may serve other accounts). */
export async function removeMembership(chatwoot: ChatwootModuleService, accountId: string, chatwootUserId: number) {
  const account = await chatwoot.retrieveChatwootAccount(accountId)
  const client = chatwoot.getClient()
  try {
    if (account.mode === "provisioned" && client.hasPlatformToken) {
      await client.platform.accountUsers.delete(account.chatwoot_account_id!, chatwootUserId)
    } else {
      await chatwoot.accountApi(account).agents.delete(chatwootUserId)
    }
  } catch (error) {
    if (!(error instanceof ChatwootApiError && error.status === 404)) throw error
  }
}
