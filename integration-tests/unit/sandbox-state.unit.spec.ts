/**
 * Chatwoot sandbox: state, uniqueness, idempotency facts and token enforcement.
 */
import { startSandbox, type Sandbox } from "../sandbox"
import { provisionAccount, rawApi, type ProvisionedAccount } from "../sandbox/testing"

type ContactCreateReply = { payload: { contact: { id: number; email: string | null; contact_inboxes: Array<{ source_id: string }> }; contact_inbox: { source_id: string | null } } }
type ErrorReply = { message?: string; attributes?: string[]; error?: string; errors?: string[] }

describe("Chatwoot sandbox: state and uniqueness", () => {
  let sandbox: Sandbox
  let shopA: ProvisionedAccount
  let shopB: ProvisionedAccount

  beforeAll(async () => {
    sandbox = await startSandbox({ deliverWebhooks: false })
    shopA = await provisionAccount(sandbox, "Shop A")
    shopB = await provisionAccount(sandbox, "Shop B")
  })

  afterAll(async () => {
    await sandbox.close()
  })

  it("records platform objects in plain maps with increasing ids", () => {
    expect(shopB.accountId).toBeGreaterThan(shopA.accountId)
    expect(sandbox.state.accounts.get(shopA.accountId)).toMatchObject({ name: "Shop A", status: "active" })
    expect(sandbox.state.inboxes.get(shopA.websiteInboxId)?.channel).toMatchObject({
      type: "web_widget",
      hmac_mandatory: true,
      website_token: shopA.websiteToken,
      hmac_token: shopA.hmacToken,
    })
    expect(shopA.websiteToken).toMatch(/^[1-9A-HJ-NP-Za-km-z]{24}$/)
    expect(sandbox.state.platformPermissibles.has(`Account:${shopA.accountId}`)).toBe(true)
    const roles = [...sandbox.state.accountUsers.values()].filter((au) => au.account_id === shopA.accountId).map((au) => au.role)
    expect(roles.sort()).toEqual(["administrator", "agent"])
  })

  it("rejects a duplicate contact e-mail or identifier in the same account with Chatwoot's 422 body", async () => {
    const api = rawApi(sandbox, shopA.adminToken)
    const first = await api<ContactCreateReply>("POST", `/api/v1/accounts/${shopA.accountId}/contacts`, {
      name: "Jane",
      email: "Jane@Example.com",
      identifier: "cus_1",
      inbox_id: shopA.websiteInboxId,
    })
    expect(first.status).toBe(200)
    // e-mail is lower-cased on save; a contact_inbox was created for the inbox
    expect(first.body.payload.contact.email).toBe("jane@example.com")
    expect(first.body.payload.contact_inbox.source_id).toEqual(first.body.payload.contact.contact_inboxes[0].source_id)

    const sameEmail = await api<ErrorReply>("POST", `/api/v1/accounts/${shopA.accountId}/contacts`, { name: "J2", email: "JANE@example.com" })
    expect(sameEmail.status).toBe(422)
    expect(sameEmail.body).toEqual({ message: "Email has already been taken", attributes: ["email"] })

    const sameIdentifier = await api<ErrorReply>("POST", `/api/v1/accounts/${shopA.accountId}/contacts`, { name: "J3", identifier: "cus_1" })
    expect(sameIdentifier.status).toBe(422)
    expect(sameIdentifier.body).toEqual({ message: "Identifier has already been taken", attributes: ["identifier"] })

    const both = await api<ErrorReply>("POST", `/api/v1/accounts/${shopA.accountId}/contacts`, { email: "jane@example.com", identifier: "cus_1" })
    expect(both.body).toEqual({
      message: "Email has already been taken, Identifier has already been taken",
      attributes: ["email", "identifier"],
    })
    expect([...sandbox.state.contacts.values()].filter((c) => c.account_id === shopA.accountId)).toHaveLength(1)
  })

  it("allows the same e-mail and identifier in another account", async () => {
    const api = rawApi(sandbox, shopB.adminToken)
    const reply = await api<ContactCreateReply>("POST", `/api/v1/accounts/${shopB.accountId}/contacts`, {
      name: "Jane",
      email: "jane@example.com",
      identifier: "cus_1",
    })
    expect(reply.status).toBe(200)
    expect(reply.body.payload.contact_inbox).toEqual({ inbox: null, source_id: null })
  })

  it("validates phone numbers (E.164) and checks uniqueness on update too", async () => {
    const api = rawApi(sandbox, shopA.adminToken)
    const bad = await api<ErrorReply>("POST", `/api/v1/accounts/${shopA.accountId}/contacts`, { name: "P", phone_number: "0151 123" })
    expect(bad.status).toBe(422)
    expect(bad.body.attributes).toEqual(["phone_number"])
    const other = await api<ContactCreateReply>("POST", `/api/v1/accounts/${shopA.accountId}/contacts`, { name: "Other", email: "other@example.com" })
    const clash = await api<ErrorReply>("PUT", `/api/v1/accounts/${shopA.accountId}/contacts/${other.body.payload.contact.id}`, { email: "jane@example.com" })
    expect(clash.status).toBe(422)
    expect(clash.body).toEqual({ message: "Email has already been taken", attributes: ["email"] })
  })

  it("merges custom_attributes on update, finds contacts by exact filter, and searches by substring", async () => {
    const api = rawApi(sandbox, shopA.adminToken)
    const created = await api<ContactCreateReply>("POST", `/api/v1/accounts/${shopA.accountId}/contacts`, {
      name: "Max",
      identifier: "cus_merge",
      custom_attributes: { tier: "silver", orders: 1 },
    })
    const id = created.body.payload.contact.id
    const updated = await api<{ payload: { custom_attributes: Record<string, unknown> } }>("PATCH", `/api/v1/accounts/${shopA.accountId}/contacts/${id}`, {
      custom_attributes: { tier: "gold" },
    })
    expect(updated.status).toBe(200)
    expect(updated.body.payload.custom_attributes).toEqual({ tier: "gold", orders: 1 })

    const filtered = await api<{ meta: { count: number }; payload: Array<{ id: number }> }>("POST", `/api/v1/accounts/${shopA.accountId}/contacts/filter`, {
      payload: [{ attribute_key: "identifier", filter_operator: "equal_to", values: ["cus_merge"], query_operator: null }],
    })
    expect(filtered.body.meta.count).toBe(1)
    expect(filtered.body.payload.map((c) => c.id)).toEqual([id])

    const searched = await api<{ meta: { has_more: boolean }; payload: Array<{ id: number }> }>("GET", `/api/v1/accounts/${shopA.accountId}/contacts/search?q=cus_mer`)
    expect(searched.body.payload.map((c) => c.id)).toEqual([id])
    expect(searched.body.meta.has_more).toBe(false)
  })

  it("merges contacts: base wins, mergee fills blanks, conversations move, mergee is gone", async () => {
    const api = rawApi(sandbox, shopA.adminToken)
    const base = await api<ContactCreateReply>("POST", `/api/v1/accounts/${shopA.accountId}/contacts`, { name: "Base", identifier: "cus_base" })
    const guest = await api<ContactCreateReply>("POST", `/api/v1/accounts/${shopA.accountId}/contacts`, {
      name: "Guest",
      email: "guest@example.com",
      inbox_id: shopA.apiInboxId,
    })
    const conv = await api<{ id: number }>("POST", `/api/v1/accounts/${shopA.accountId}/conversations`, {
      inbox_id: shopA.apiInboxId,
      contact_id: guest.body.payload.contact.id,
    })
    const merged = await api<{ id: number; name: string; email: string; identifier: string }>("POST", `/api/v1/accounts/${shopA.accountId}/actions/contact_merge`, {
      base_contact_id: base.body.payload.contact.id,
      mergee_contact_id: guest.body.payload.contact.id,
    })
    expect(merged.status).toBe(200)
    expect(merged.body).toMatchObject({ id: base.body.payload.contact.id, name: "Base", email: "guest@example.com", identifier: "cus_base" })
    expect(sandbox.state.contacts.has(guest.body.payload.contact.id)).toBe(false)
    const moved = sandbox.state.conversations.get([...sandbox.state.conversations.values()].find((c) => c.display_id === conv.body.id && c.account_id === shopA.accountId)?.id ?? -1)
    expect(moved?.contact_id).toBe(base.body.payload.contact.id)
  })

  it("numbers conversations per account (display_id) and creates a new one per POST (not idempotent)", async () => {
    const a = rawApi(sandbox, shopA.adminToken)
    const b = rawApi(sandbox, shopB.adminToken)
    const contactB = await b<ContactCreateReply>("POST", `/api/v1/accounts/${shopB.accountId}/contacts`, { name: "B", email: "b@example.com" })
    const first = await b<{ id: number }>("POST", `/api/v1/accounts/${shopB.accountId}/conversations`, {
      inbox_id: shopB.apiInboxId,
      contact_id: contactB.body.payload.contact.id,
    })
    const second = await b<{ id: number }>("POST", `/api/v1/accounts/${shopB.accountId}/conversations`, {
      inbox_id: shopB.apiInboxId,
      contact_id: contactB.body.payload.contact.id,
    })
    expect(first.body.id).toBe(1)
    expect(second.body.id).toBe(2)
    // account A already has conversations; the display ids are independent
    const list = await a<{ data: { payload: Array<{ id: number }> } }>("GET", `/api/v1/accounts/${shopA.accountId}/conversations?status=all`)
    expect(list.body.data.payload.map((c) => c.id)).toEqual([1])
  })

  it("keeps the idempotency facts: POST /accounts duplicates, POST /users and account_users do not", async () => {
    const platform = rawApi(sandbox, sandbox.platformToken)
    const one = await platform<{ id: number }>("POST", "/platform/api/v1/accounts", { name: "Twin" })
    const two = await platform<{ id: number }>("POST", "/platform/api/v1/accounts", { name: "Twin" })
    expect(two.body.id).not.toBe(one.body.id)

    const u1 = await platform<{ id: number; access_token: string }>("POST", "/platform/api/v1/users", { name: "Same", email: "same@example.com", password: "Passw0rd!x" })
    const u2 = await platform<{ id: number; name: string }>("POST", "/platform/api/v1/users", { name: "Other name", email: "SAME@example.com", password: "whatever" })
    expect(u2.status).toBe(200)
    expect(u2.body).toMatchObject({ id: u1.body.id, name: "Same" })

    await platform("POST", `/platform/api/v1/accounts/${one.body.id}/account_users`, { user_id: u1.body.id, role: "agent" })
    const upsert = await platform<{ role: string }>("POST", `/platform/api/v1/accounts/${one.body.id}/account_users`, { user_id: u1.body.id, role: "administrator" })
    expect(upsert.body.role).toBe("administrator")
    const members = await platform<Array<{ user_id: number; role: string }>>("GET", `/platform/api/v1/accounts/${one.body.id}/account_users`)
    expect(members.body).toEqual([expect.objectContaining({ user_id: u1.body.id, role: "administrator" })])

    const weak = await platform("POST", "/platform/api/v1/users", { name: "Weak", email: "weak@example.com", password: "password" })
    expect(weak.status).toBe(422)
  })

  it("rejects a duplicate account webhook URL and generates a secret", async () => {
    const api = rawApi(sandbox, shopA.adminToken)
    const url = "https://medusa.example/hooks/chatwoot/a"
    const created = await api<{ payload: { webhook: { secret: string; subscriptions: string[] } } }>("POST", `/api/v1/accounts/${shopA.accountId}/webhooks`, {
      webhook: { url, subscriptions: ["message_created"] },
    })
    expect(created.status).toBe(200)
    expect(created.body.payload.webhook.secret).toMatch(/^[1-9A-HJ-NP-Za-km-z]{24}$/)
    const dup = await api<ErrorReply>("POST", `/api/v1/accounts/${shopA.accountId}/webhooks`, { url, subscriptions: ["contact_created"] })
    expect(dup.status).toBe(422)
    expect(dup.body).toEqual({ message: "Url has already been taken", attributes: ["url"] })
  })

  it("rejects duplicate custom attribute keys per model, and deletes with 204", async () => {
    const api = rawApi(sandbox, shopA.adminToken)
    const body = { attribute_display_name: "Tier", attribute_key: "tier", attribute_display_type: "list", attribute_model: "contact_attribute", attribute_values: ["gold"] }
    const created = await api<{ id: number; attribute_model: string; attribute_values: string[] }>("POST", `/api/v1/accounts/${shopA.accountId}/custom_attribute_definitions`, body)
    expect(created.body).toMatchObject({ attribute_model: "contact_attribute", attribute_values: ["gold"] })
    const dup = await api<ErrorReply>("POST", `/api/v1/accounts/${shopA.accountId}/custom_attribute_definitions`, body)
    expect(dup.status).toBe(422)
    expect(dup.body.attributes).toEqual(["attribute_key"])
    const otherModel = await api("POST", `/api/v1/accounts/${shopA.accountId}/custom_attribute_definitions`, { ...body, attribute_model: "conversation_attribute" })
    expect(otherModel.status).toBe(200)
    const deleted = await api("DELETE", `/api/v1/accounts/${shopA.accountId}/custom_attribute_definitions/${created.body.id}`)
    expect(deleted.status).toBe(204)
    expect(deleted.text).toBe("")
  })

  it("reset() clears state in place and keeps ids increasing", async () => {
    const sb = await startSandbox()
    try {
      const first = await provisionAccount(sb)
      const accounts = sb.state.accounts
      sb.reset()
      expect(accounts.size).toBe(0)
      expect(sb.requests).toEqual([])
      const second = await provisionAccount(sb)
      expect(second.accountId).toBeGreaterThan(first.accountId)
      expect(accounts.get(second.accountId)?.name).toBe("Storefront")
    } finally {
      await sb.close()
    }
  })
})

describe("Chatwoot sandbox: tokens", () => {
  let sandbox: Sandbox
  let shop: ProvisionedAccount
  let other: ProvisionedAccount

  beforeAll(async () => {
    sandbox = await startSandbox({ platformToken: "platform-secret" })
    shop = await provisionAccount(sandbox, "Shop")
    other = await provisionAccount(sandbox, "Other")
  })

  afterAll(async () => {
    await sandbox.close()
  })

  it("uses the given platform token", () => {
    expect(sandbox.platformToken).toBe("platform-secret")
  })

  it("accepts the platform token only on the Platform API", async () => {
    const platform = rawApi(sandbox, "platform-secret")
    expect((await platform("GET", `/platform/api/v1/accounts/${shop.accountId}`)).status).toBe(200)
    const onApp = await platform<ErrorReply>("GET", `/api/v1/accounts/${shop.accountId}/contacts`)
    expect(onApp.status).toBe(401)
    expect(onApp.body).toEqual({ error: "Access to this endpoint is not authorized for bots" })
  })

  it("rejects user tokens and unknown tokens on the Platform API", async () => {
    const asUser = await rawApi(sandbox, shop.adminToken)<ErrorReply>("GET", `/platform/api/v1/accounts/${shop.accountId}`)
    expect(asUser.status).toBe(401)
    expect(asUser.body).toEqual({ error: "Invalid access_token" })
    const none = await rawApi(sandbox)<ErrorReply>("POST", "/platform/api/v1/accounts", { name: "x" })
    expect(none.status).toBe(401)
  })

  it("accepts the hyphenated Api-Access-Token header too", async () => {
    const reply = await rawApi(sandbox)<{ id: number }>("GET", "/api/v1/profile", undefined, { "Api-Access-Token": shop.adminToken })
    expect(reply.status).toBe(200)
    expect(reply.body.id).toBe(shop.userId)
  })

  it("answers Chatwoot's bodies for invalid, missing and wrong-account user tokens", async () => {
    const invalid = await rawApi(sandbox, "nope")<ErrorReply>("GET", `/api/v1/accounts/${shop.accountId}/contacts`)
    expect(invalid.status).toBe(401)
    expect(invalid.body).toEqual({ error: "Invalid Access Token" })
    const missing = await rawApi(sandbox)<ErrorReply>("GET", `/api/v1/accounts/${shop.accountId}/contacts`)
    expect(missing.status).toBe(401)
    expect(missing.body).toEqual({ errors: ["You need to sign in or sign up before continuing."] })
    const wrongAccount = await rawApi(sandbox, other.adminToken)<ErrorReply>("GET", `/api/v1/accounts/${shop.accountId}/contacts`)
    expect(wrongAccount.status).toBe(401)
    expect(wrongAccount.body).toEqual({ error: "You are not authorized to access this account" })
    const unknownAccount = await rawApi(sandbox, shop.adminToken)<ErrorReply>("GET", "/api/v1/accounts/424242/contacts")
    expect(unknownAccount.status).toBe(404)
    expect(unknownAccount.body).toEqual({ error: "Resource could not be found" })
  })

  it("keeps administrator-only endpoints from agents", async () => {
    const agent = rawApi(sandbox, shop.agentToken)
    const A = `/api/v1/accounts/${shop.accountId}`
    const forbidden = { error: "You are not authorized to do this action" }
    expect((await agent<ErrorReply>("GET", `${A}/webhooks`)).body).toEqual(forbidden)
    expect((await agent<ErrorReply>("POST", `${A}/webhooks`, { url: "https://x.example/h", subscriptions: ["message_created"] })).status).toBe(401)
    expect((await agent<ErrorReply>("POST", `${A}/inboxes`, { name: "x", channel: { type: "api" } })).body).toEqual(forbidden)
    expect((await agent("POST", `${A}/custom_attribute_definitions`, { attribute_display_name: "X", attribute_key: "x" })).status).toBe(401)
    // reads stay open to agents; dashboard apps have no policy
    expect((await agent("GET", `${A}/contacts`)).status).toBe(200)
    expect((await agent("GET", `${A}/custom_attribute_definitions`)).status).toBe(200)
    expect((await agent("POST", `${A}/dashboard_apps`, { title: "Orders", content: [{ type: "frame", url: "https://m.example/app" }] })).status).toBe(200)
    // agents do not see hmac_token
    const inbox = await agent<Record<string, unknown>>("GET", `${A}/inboxes/${shop.websiteInboxId}`)
    expect(inbox.body.website_token).toBe(shop.websiteToken)
    expect(inbox.body).not.toHaveProperty("hmac_token")
  })

  it("answers 'Account is suspended' once the platform suspends the account", async () => {
    const platform = rawApi(sandbox, sandbox.platformToken)
    const sb = await provisionAccount(sandbox, "Soon suspended")
    const suspended = await platform<{ status: string }>("PATCH", `/platform/api/v1/accounts/${sb.accountId}`, { status: "suspended" })
    expect(suspended.body.status).toBe("suspended")
    const reply = await rawApi(sandbox, sb.adminToken)<ErrorReply>("GET", `/api/v1/accounts/${sb.accountId}/inboxes`)
    expect(reply.status).toBe(401)
    expect(reply.body).toEqual({ error: "Account is suspended" })
    await platform("PATCH", `/platform/api/v1/accounts/${sb.accountId}`, { status: "active" })
    expect((await rawApi(sandbox, sb.adminToken)("GET", `/api/v1/accounts/${sb.accountId}/inboxes`)).status).toBe(200)
  })

  it("refuses platform access to objects the platform app did not create (link mode)", async () => {
    const linked = sandbox.createAccountWithAdmin({ name: "Cloud account", email: "owner@cloud.example" })
    const platform = rawApi(sandbox, sandbox.platformToken)
    const account = await platform<ErrorReply>("GET", `/platform/api/v1/accounts/${linked.accountId}`)
    expect(account.status).toBe(401)
    expect(account.body).toEqual({ error: "Non permissible resource" })
    expect((await platform("GET", `/platform/api/v1/users/${linked.userId}`)).status).toBe(401)
    const list = await platform<Array<{ id: number }>>("GET", "/platform/api/v1/accounts")
    expect(list.body.map((a) => a.id)).not.toContain(linked.accountId)
    // the admin token still opens the Application API of that account
    const inboxes = await rawApi(sandbox, linked.accessToken)<{ payload: unknown[] }>("GET", `/api/v1/accounts/${linked.accountId}/inboxes`)
    expect(inboxes.status).toBe(200)
    expect(inboxes.body.payload).toEqual([])
    expect(sandbox.state.accountUsers.size).toBeGreaterThan(0)
    expect([...sandbox.state.accountUsers.values()].find((au) => au.user_id === linked.userId)?.role).toBe("administrator")
  })

  it("returns the user's token from POST /users/{id}/token and an SSO link", async () => {
    const platform = rawApi(sandbox, sandbox.platformToken)
    const token = await platform<{ access_token: string; expiry: null; user: { id: number } }>("POST", `/platform/api/v1/users/${shop.userId}/token`)
    expect(token.body).toMatchObject({ access_token: shop.adminToken, expiry: null, user: { id: shop.userId } })
    const login = await platform<{ url: string }>("GET", `/platform/api/v1/users/${shop.userId}/login`)
    const url = new URL(login.body.url)
    expect(url.origin).toBe(sandbox.url)
    expect(url.pathname).toBe("/app/login")
    expect(url.searchParams.get("sso_auth_token")).toHaveLength(32)
  })
})
