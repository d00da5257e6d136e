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

/**
 * Headers of a logged-in admin *user* (bearer JWT, as the dashboard gets it),
 * for routes that act as the person (e.g. "Open in Chatwoot").
 */
export async function adminUserHeaders(container: MedusaContainer, email = "admin.user@example.com") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const jwt = require("jsonwebtoken") as { sign(payload: object, secret: string, opts: object): string }
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const [user] = await userModule.createUsers([{ email, first_name: "Ada", last_name: "Admin" }])
  const identity = await authModule.createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: email }],
    app_metadata: { user_id: user.id },
  })
  const { projectConfig } = container.resolve("configModule") as { projectConfig: { http: { jwtSecret: string } } }
  const token = jwt.sign(
    { actor_id: user.id, actor_type: "user", auth_identity_id: identity.id, app_metadata: { user_id: user.id } },
    projectConfig.http.jwtSecret,
    { expiresIn: "1h" }
  )
  return { user, headers: { authorization: `Bearer ${token}` } }
}
