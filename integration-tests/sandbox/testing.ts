/**
 * Small helpers for tests that drive the sandbox over raw HTTP (no plugin client involved).
 */
import type { Sandbox } from "./types"

export interface RawReply<T = unknown> {
  status: number
  headers: Headers
  /** parsed JSON, the raw text for non-JSON bodies, undefined when empty */
  body: T
  text: string
}

export type RawApi = <T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<RawReply<T>>

/** fetch bound to the sandbox URL, sending `api_access_token` when a token is given. */
export function rawApi(sandbox: Pick<Sandbox, "url">, token?: string): RawApi {
  return async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const h: Record<string, string> = { ...headers }
    if (token !== undefined) h.api_access_token = token
    if (body !== undefined) h["content-type"] = "application/json"
    const res = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    let parsed: unknown = undefined
    if (text) {
      try {
        parsed = JSON.parse(text)
      } catch {
        parsed = text
      }
    }
    return { status: res.status, headers: res.headers, body: parsed as T, text }
  }
}

export interface ProvisionedAccount {
  accountId: number
  userId: number
  /** administrator's api_access_token */
  adminToken: string
  /** an agent's api_access_token */
  agentToken: string
  agentId: number
  websiteInboxId: number
  websiteToken: string
  hmacToken: string
  apiInboxId: number
  inboxIdentifier: string
}

/**
 * The plugin's provisioning recipe through the Platform and Application
 * APIs: account, administrator, agent, website inbox (hmac_mandatory) and API inbox.
 */
export async function provisionAccount(sandbox: Sandbox, name = "Storefront"): Promise<ProvisionedAccount> {
  const platform = rawApi(sandbox, sandbox.platformToken)
  const expectOk = <T>(reply: RawReply<T>, what: string): T => {
    if (reply.status !== 200) throw new Error(`${what}: ${reply.status} ${reply.text}`)
    return reply.body
  }
  const account = expectOk(await platform<{ id: number }>("POST", "/platform/api/v1/accounts", { name }), "create account")
  const suffix = `${account.id}-${Math.random().toString(36).slice(2, 8)}`
  const admin = expectOk(
    await platform<{ id: number; access_token: string }>("POST", "/platform/api/v1/users", {
      name: "Admin",
      email: `admin-${suffix}@example.com`,
      password: "Passw0rd!x",
    }),
    "create admin"
  )
  expectOk(await platform("POST", `/platform/api/v1/accounts/${account.id}/account_users`, { user_id: admin.id, role: "administrator" }), "add admin")
  const agent = expectOk(
    await platform<{ id: number; access_token: string }>("POST", "/platform/api/v1/users", {
      name: "Agent",
      email: `agent-${suffix}@example.com`,
      password: "Passw0rd!x",
    }),
    "create agent"
  )
  expectOk(await platform("POST", `/platform/api/v1/accounts/${account.id}/account_users`, { user_id: agent.id, role: "agent" }), "add agent")
  const api = rawApi(sandbox, admin.access_token)
  const website = expectOk(
    await api<{ id: number; website_token: string; hmac_token: string }>("POST", `/api/v1/accounts/${account.id}/inboxes`, {
      name: `${name} chat`,
      channel: { type: "web_widget", website_url: "https://shop.example.com", hmac_mandatory: true },
    }),
    "create website inbox"
  )
  const apiInbox = expectOk(
    await api<{ id: number; inbox_identifier: string }>("POST", `/api/v1/accounts/${account.id}/inboxes`, {
      name: `${name} contact form`,
      channel: { type: "api" },
    }),
    "create api inbox"
  )
  return {
    accountId: account.id,
    userId: admin.id,
    adminToken: admin.access_token,
    agentToken: agent.access_token,
    agentId: agent.id,
    websiteInboxId: website.id,
    websiteToken: website.website_token,
    hmacToken: website.hmac_token,
    apiInboxId: apiInbox.id,
    inboxIdentifier: apiInbox.inbox_identifier,
  }
}
