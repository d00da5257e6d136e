/**
 * Chatwoot sandbox: how contacts are reused and when a contact inbox is HMAC-verified, as Chatwoot
 * v4.15.1 does it (Public::Api::V1::Inboxes::ContactsController, ContactInboxWithContactBuilder,
 * ContactIdentifyAction, Widget::ContactsController#valid_hmac?). The plugin's trust rule
 * (src/modules/chatwoot/identity-trust.ts) depends on exactly this.
 */
import crypto from "node:crypto"
import { startSandbox, type Sandbox } from "../sandbox"
import { provisionAccount, rawApi, type ProvisionedAccount } from "../sandbox/testing"

const hmac = (key: string, identifier: string) => crypto.createHmac("sha256", key).update(identifier).digest("hex")

describe("Chatwoot sandbox: contact reuse and HMAC verification", () => {
  let sandbox: Sandbox
  let shop: ProvisionedAccount
  let customerContactId: number

  beforeAll(async () => {
    sandbox = await startSandbox({ deliverWebhooks: false })
    shop = await provisionAccount(sandbox, "Shop")
    const api = rawApi(sandbox, shop.adminToken)
    // the plugin's contact sync: a customer's contact, identified by the customer id
    const created = await api<{ payload: { contact: { id: number } } }>("POST", `/api/v1/accounts/${shop.accountId}/contacts`, {
      inbox_id: shop.websiteInboxId,
      identifier: "cus_victim",
      email: "victim@example.com",
      name: "Victim",
      phone_number: "+4915100000001",
    })
    expect(created.status).toBe(200)
    customerContactId = created.body.payload.contact.id
  })
  afterAll(async () => {
    await sandbox.close()
  })

  const contactInbox = (sourceId: string) => [...sandbox.state.contactInboxes.values()].find((ci) => ci.source_id === sourceId)!
  const apiHmacToken = () => {
    const inbox = sandbox.state.inboxes.get(shop.apiInboxId)!
    return (inbox.channel as { hmac_token: string }).hmac_token
  }
  const conversationMeta = async (displayId: number) => {
    const res = await rawApi(sandbox, shop.adminToken)<{ meta: { hmac_verified: boolean; sender: { id: number; identifier: string | null } } }>(
      "GET",
      `/api/v1/accounts/${shop.accountId}/conversations/${displayId}`
    )
    expect(res.status).toBe(200)
    return res.body.meta
  }

  it("Public API contact create reuses the contact with the same e-mail, and then the same phone; a new contact inbox is never verified", async () => {
    const pub = rawApi(sandbox)
    const P = `/public/api/v1/inboxes/${shop.inboxIdentifier}`
    const byEmail = await pub<{ id: number; source_id: string }>("POST", `${P}/contacts`, { email: "Victim@Example.com", name: "Attacker", source_id: "src-email" })
    expect(byEmail.status).toBe(200)
    expect(byEmail.body.id).toBe(customerContactId)
    expect(contactInbox("src-email").hmac_verified).toBe(false)
    const byPhone = await pub<{ id: number }>("POST", `${P}/contacts`, { phone_number: "+4915100000001", source_id: "src-phone" })
    expect(byPhone.body.id).toBe(customerContactId)
    // the identifier is dropped on create (permitted_params.except(:identifier, :identifier_hash))
    const byIdentifier = await pub<{ id: number }>("POST", `${P}/contacts`, {
      identifier: "cus_victim",
      identifier_hash: hmac(apiHmacToken(), "cus_victim"),
      source_id: "src-identifier",
    })
    expect(byIdentifier.body.id).not.toBe(customerContactId)
    expect(sandbox.state.contacts.get(byIdentifier.body.id)!.identifier).toBeNull()
    expect(contactInbox("src-identifier").hmac_verified).toBe(false)
    // without an e-mail, phone or identifier: a fresh contact
    const anonymous = await pub<{ id: number }>("POST", `${P}/contacts`, { name: "Someone", source_id: "src-anon" })
    expect(anonymous.body.id).not.toBe(customerContactId)
    expect(sandbox.state.contacts.get(anonymous.body.id)!.email).toBeNull()
    // the same source id again finds the same contact inbox
    expect((await pub<{ id: number }>("POST", `${P}/contacts`, { email: "victim@example.com", source_id: "src-anon" })).body.id).toBe(anonymous.body.id)
  })

  it("Public API: a wrong identifier_hash is a 500; PATCH with the right one marks the session's contact inbox verified", async () => {
    const pub = rawApi(sandbox)
    const P = `/public/api/v1/inboxes/${shop.inboxIdentifier}`
    expect((await pub("POST", `${P}/contacts`, { identifier: "cus_x", identifier_hash: "00", source_id: "src-bad" })).status).toBe(500)
    const created = await pub<{ source_id: string }>("POST", `${P}/contacts`, { name: "Logged in", source_id: "src-login" })
    expect((await pub("PATCH", `${P}/contacts/src-login`, { identifier: "cus_login", identifier_hash: "bad" })).status).toBe(500)
    expect(contactInbox(created.body.source_id).hmac_verified).toBe(false)
    const ok = await pub("PATCH", `${P}/contacts/src-login`, { identifier: "cus_login", identifier_hash: hmac(apiHmacToken(), "cus_login") })
    expect(ok.status).toBe(200)
    expect(contactInbox("src-login").hmac_verified).toBe(true)
  })

  it("widget pre-chat e-mail: the visitor is merged into the customer's contact, unverified (hmac_mandatory does not stop it)", async () => {
    const channel = sandbox.state.inboxes.get(shop.websiteInboxId)!.channel as { hmac_mandatory: boolean }
    expect(channel.hmac_mandatory).toBe(true)
    const visit = sandbox.widgetVisitor({ websiteToken: shop.websiteToken, email: "victim@example.com", name: "Attacker", content: "cancel my order" })
    expect(visit.contact_id).toBe(customerContactId)
    expect(visit.hmac_verified).toBe(false)
    const meta = await conversationMeta(visit.conversation_id!)
    expect(meta.sender).toMatchObject({ id: customerContactId, identifier: "cus_victim" })
    expect(meta.hmac_verified).toBe(false)
  })

  it("widget setUser: a matching identifier_hash verifies the session; a wrong one (or none on an enforcing inbox) is refused", async () => {
    const visit = sandbox.widgetVisitor({
      websiteToken: shop.websiteToken,
      identifier: "cus_victim",
      identifierHash: hmac(shop.hmacToken, "cus_victim"),
      email: "victim@example.com",
      content: "hello",
    })
    expect(visit.contact_id).toBe(customerContactId)
    expect(visit.hmac_verified).toBe(true)
    expect((await conversationMeta(visit.conversation_id!)).hmac_verified).toBe(true)
    const before = sandbox.state.contacts.size
    expect(() => sandbox.widgetVisitor({ websiteToken: shop.websiteToken, identifier: "cus_victim", identifierHash: "f00", content: "x" })).toThrow()
    expect(() => sandbox.widgetVisitor({ websiteToken: shop.websiteToken, identifier: "cus_victim", content: "x" })).toThrow()
    expect(sandbox.state.contacts.size).toBe(before)
  })

  it("the control endpoint drives the same visitor over HTTP", async () => {
    const res = await fetch(`${sandbox.url}/__sandbox/widget-visitor`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ website_token: shop.websiteToken, content: "anonymous hello" }),
    })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toMatchObject({ hmac_verified: false })
    expect(body.contact_id).not.toBe(customerContactId)
    expect(typeof body.conversation_id).toBe("number")
  })
})
