import { MedusaError } from "@medusajs/framework/utils"
import { ChatwootApiError } from ".."
import { startHarness, tokenHeader, type Harness } from "./helpers/sandbox"

describe("client.platform against the sandbox", () => {
  let h: Harness

  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(async () => {
    await h.close()
  })

  it("creates, reads, lists, updates (rename, locale, suspend) and deletes accounts", async () => {
    const { platform } = h.client
    const created = await platform.accounts.create({ name: "Storefront EU", locale: "de" })
    expect(created).toMatchObject({ id: expect.any(Number), name: "Storefront EU", locale: "de" })

    expect(await platform.accounts.get(created.id)).toMatchObject({ id: created.id, name: "Storefront EU" })
    expect((await platform.accounts.list()).map((a) => a.id)).toContain(created.id)

    const renamed = await platform.accounts.update(created.id, { name: "Storefront Europe", locale: "fr" })
    expect(renamed).toMatchObject({ name: "Storefront Europe", locale: "fr" })
    const suspended = await platform.accounts.update(created.id, { status: "suspended" })
    expect(suspended.status).toBe("suspended")
    expect((await platform.accounts.update(created.id, { status: "active" })).status).toBe("active")

    await expect(platform.accounts.delete(created.id)).resolves.toBeUndefined()
  })

  it("sends the platform token on every Platform API call", async () => {
    h.sandbox.clearLog()
    await h.client.platform.accounts.list()
    const [entry] = h.sandbox.requests
    expect(entry).toMatchObject({ method: "GET", path: "/platform/api/v1/accounts", status: 200 })
    expect(tokenHeader(entry)).toBe(h.sandbox.platformToken)
  })

  it("creates users idempotently by e-mail, reads, updates and deletes them", async () => {
    const { users } = h.client.platform
    const input = { name: "Ada Admin", email: "ada@shop.example", password: "Secr3t!pass" }
    const user = await users.create(input)
    expect(user).toMatchObject({ id: expect.any(Number), email: "ada@shop.example", access_token: expect.any(String) })

    const again = await users.create({ ...input, name: "Someone else" })
    expect(again.id).toBe(user.id)

    expect(await users.get(user.id)).toMatchObject({ id: user.id, name: "Ada Admin" })
    const updated = await users.update(user.id, { display_name: "Ada", custom_attributes: { team: "eu" } })
    expect(updated).toMatchObject({ display_name: "Ada" })

    await expect(users.delete(user.id)).resolves.toBeUndefined()
  })

  it("returns an SSO login link and the user's access token", async () => {
    const { users } = h.client.platform
    const user = await users.create({ name: "Sso User", email: "sso@shop.example", password: "Secr3t!pass" })

    const link = await users.loginLink(user.id)
    expect(link.url).toMatch(/sso_auth_token=/)

    const token = await users.createToken(user.id)
    expect(token).toMatchObject({ access_token: expect.any(String), user: { id: user.id } })
    // the token opens the Application API as that user
    expect((await h.client.profile(token.access_token)).id).toBe(user.id)
  })

  it("adds, lists, re-roles and removes account users", async () => {
    const { platform } = h.client
    const account = await platform.accounts.create({ name: "Members" })
    const user = await platform.users.create({ name: "Agent A", email: "agent-a@shop.example", password: "Secr3t!pass" })

    const membership = await platform.accountUsers.create(account.id, { user_id: user.id, role: "agent" })
    expect(membership).toMatchObject({ account_id: account.id, user_id: user.id, role: "agent" })
    // an upsert: the same call changes the role
    const promoted = await platform.accountUsers.create(account.id, { user_id: user.id, role: "administrator" })
    expect(promoted.role).toBe("administrator")

    const members = await platform.accountUsers.list(account.id)
    expect(members.filter((m) => m.user_id === user.id)).toEqual([
      expect.objectContaining({ role: "administrator" }),
    ])

    await platform.accountUsers.delete(account.id, user.id)
    expect((await platform.accountUsers.list(account.id)).some((m) => m.user_id === user.id)).toBe(false)

    // the user now has the account in its profile only while a member
    const token = await platform.users.createToken(user.id)
    const profile = await h.client.account(account.id, token.access_token).profile()
    expect(profile.accounts.some((a) => a.id === account.id)).toBe(false)
  })

  it("maps a missing or foreign object to a ChatwootApiError", async () => {
    const error = await h.client.platform.accounts.get(987_654).catch((e: unknown) => e)
    expect(ChatwootApiError.is(error)).toBe(true)
    expect((error as ChatwootApiError).status).toBeGreaterThanOrEqual(400)
    expect([MedusaError.Types.NOT_FOUND, MedusaError.Types.NOT_ALLOWED]).toContain((error as ChatwootApiError).type)
  })

  it("maps a wrong platform token (401) to NOT_ALLOWED without retrying or leaking it", async () => {
    const bad = await startHarness({ platformToken: "wrong-platform-token-123456" })
    try {
      const error = (await bad.client.platform.accounts.list().catch((e: unknown) => e)) as ChatwootApiError
      expect(error).toBeInstanceOf(ChatwootApiError)
      expect(error).toMatchObject({
        status: 401,
        type: MedusaError.Types.NOT_ALLOWED,
        chatwootMessage: "Invalid access_token",
        retryable: false,
        attempts: 1,
      })
      expect(bad.sandbox.requests).toHaveLength(1)
      expect(JSON.stringify(error) + error.stack + error.message).not.toContain("wrong-platform-token-123456")
    } finally {
      await bad.close()
    }
  })
})
