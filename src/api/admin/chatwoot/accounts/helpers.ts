import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ADMIN_ACCOUNT_FIELDS } from "./query-config"

/** An account as admins see it (no secret, even encrypted). */
export async function refetchAccount(container: MedusaContainer, id: string, fields: string[] = ADMIN_ACCOUNT_FIELDS) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "chatwoot_account", fields, filters: { id } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Chatwoot account ${id} was not found`)
  }
  return data[0]
}
