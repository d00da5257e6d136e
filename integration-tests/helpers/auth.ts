import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"

/** Headers of an admin request authenticated with a fresh secret API key. */
export async function adminHeaders(container: MedusaContainer) {
  const { result } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "test admin", type: "secret", created_by: "test" }] },
  })
  const token = (result[0] as { token: string }).token
  return { authorization: `Basic ${Buffer.from(`${token}:`).toString("base64")}` }
}

/** A new sales channel with its own publishable key: one storefront. */
export async function createStorefront(container: MedusaContainer, name: string) {
  const { result: channels } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name }] },
  })
  const { result: keys } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: `${name} key`, type: "publishable", created_by: "test" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: keys[0].id, add: [channels[0].id] },
  })
  return {
    salesChannelId: channels[0].id,
    publishableKey: (keys[0] as { token: string }).token,
    headers: { "x-publishable-api-key": (keys[0] as { token: string }).token },
  }
}

export { Modules }
