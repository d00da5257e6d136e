import { ChatwootApiError, type AccountApi } from ".."
import { startHarness, type Harness } from "./helpers/sandbox"

/** contacts.upsert (find or create, then update), against the sandbox's uniqueness rules. */
describe("contacts.upsert", () => {
  let h: Harness
  let api: AccountApi
  let inboxId: number

  beforeEach(async () => {
    h = await startHarness()
    const admin = h.sandbox.createAccountWithAdmin()
    api = h.client.account(admin.accountId, admin.accessToken)
    inboxId = (await api.inboxes.create({ name: "Web", channel: { type: "web_widget", website_url: "https://s.example" } })).id
    h.sandbox.clearLog()
  })
  afterEach(async () => {
    await h.close()
  })

  const allContacts = async () => (await api.contacts.list()).payload

  it("creates a missing contact, then updates it by identifier (custom attributes merged)", async () => {
    const first = await api.contacts.upsert({
      inbox_id: inboxId,
      identifier: "cus_1",
      email: "one@example.com",
      name: "One",
      custom_attributes: { tier: "silver", orders: 1 },
    })
    expect(first.action).toBe("created")

    const second = await api.contacts.upsert({ inbox_id: inboxId, identifier: "cus_1", name: "One Renamed", custom_attributes: { orders: 2 } })
    expect(second).toMatchObject({ action: "updated", contact: { id: first.contact.id, name: "One Renamed" } })
    expect(second.contact.custom_attributes).toMatchObject({ tier: "silver", orders: 2 })

    // filter → create, then filter → update: no wasted calls
    expect(h.sandbox.requests.map((r) => `${r.method} ${r.path.replace(/\/\d+/g, "/:id")} ${r.status}`)).toEqual([
      "POST /api/v1/accounts/:id/contacts/filter 200",
      "POST /api/v1/accounts/:id/contacts 200",
      "POST /api/v1/accounts/:id/contacts/filter 200",
      "PUT /api/v1/accounts/:id/contacts/:id 200",
    ])
    expect(await allContacts()).toHaveLength(1)
  })

  it("createFirst: a new contact costs one call, an existing one is found after the conflict and updated", async () => {
    const made = await api.contacts.upsert(
      { inbox_id: inboxId, identifier: "cus_cf", email: "cf@example.com", name: "First" },
      { createFirst: true }
    )
    expect(made.action).toBe("created")
    expect(h.sandbox.requests.map((r) => `${r.method} ${r.path.replace(/\/\d+/g, "/:id")} ${r.status}`)).toEqual([
      "POST /api/v1/accounts/:id/contacts 200",
    ])
    h.sandbox.clearLog()

    const again = await api.contacts.upsert(
      { inbox_id: inboxId, identifier: "cus_cf", email: "cf@example.com", name: "Second" },
      { createFirst: true }
    )
    expect(again).toMatchObject({ action: "updated", contact: { id: made.contact.id, name: "Second" } })
    expect(h.sandbox.requests.map((r) => `${r.method} ${r.path.replace(/\/\d+/g, "/:id")} ${r.status}`)).toEqual([
      "POST /api/v1/accounts/:id/contacts 422",
      "POST /api/v1/accounts/:id/contacts/filter 200",
      "PUT /api/v1/accounts/:id/contacts/:id 200",
    ])
    expect(await allContacts()).toHaveLength(1)
  })

  it("turns a 422 'has already been taken' on create into find-by-e-mail and update (claims a guest)", async () => {
    const guest = await api.contacts.create({ inbox_id: inboxId, email: "guest@example.com", name: "Guest" })
    h.sandbox.clearLog()

    const result = await api.contacts.upsert({ inbox_id: inboxId, identifier: "cus_2", email: "guest@example.com", name: "Customer Two" })
    expect(result).toMatchObject({ action: "updated", contact: { id: guest.contact.id, identifier: "cus_2", name: "Customer Two" } })

    const statuses = h.sandbox.requests.map((r) => r.status)
    expect(statuses).toContain(422)
    expect(await allContacts()).toHaveLength(1)
  })

  it("never takes over an e-mail held by another customer's contact: creates without it", async () => {
    await api.contacts.upsert({ inbox_id: inboxId, identifier: "cus_old", email: "shared@example.com" })
    const result = await api.contacts.upsert({ inbox_id: inboxId, identifier: "cus_new", email: "shared@example.com", name: "New" })
    expect(result.action).toBe("created")
    expect(result.contact).toMatchObject({ identifier: "cus_new" })
    expect(result.contact.email ?? null).toBeNull()
    expect((await api.contacts.findByEmail("shared@example.com"))?.identifier).toBe("cus_old")
  })

  it("drops a conflicting e-mail when updating the customer's own contact", async () => {
    await api.contacts.upsert({ inbox_id: inboxId, identifier: "cus_a", email: "a@example.com" })
    await api.contacts.upsert({ inbox_id: inboxId, identifier: "cus_b", email: "b@example.com" })
    const result = await api.contacts.upsert({ inbox_id: inboxId, identifier: "cus_b", email: "a@example.com", name: "B" })
    expect(result).toMatchObject({ action: "updated", contact: { identifier: "cus_b", email: "b@example.com", name: "B" } })
  })

  it("upserts a guest by e-mail when there is no identifier", async () => {
    const first = await api.contacts.upsert({ inbox_id: inboxId, email: "Visitor@Example.com", name: "V" })
    const second = await api.contacts.upsert({ inbox_id: inboxId, email: "visitor@example.com", name: "Visitor" })
    expect(first.action).toBe("created")
    expect(second).toMatchObject({ action: "updated", contact: { id: first.contact.id, name: "Visitor" } })
  })

  it("two concurrent upserts of one customer make one contact", async () => {
    const [a, b] = await Promise.all([
      api.contacts.upsert({ inbox_id: inboxId, identifier: "cus_race", email: "race@example.com", custom_attributes: { a: 1 } }),
      api.contacts.upsert({ inbox_id: inboxId, identifier: "cus_race", email: "race@example.com", custom_attributes: { b: 2 } }),
    ])
    expect([a.action, b.action].sort()).toEqual(["created", "updated"])
    expect(a.contact.id).toBe(b.contact.id)
    const contacts = await allContacts()
    expect(contacts).toHaveLength(1)
    expect(contacts[0].custom_attributes).toMatchObject({ a: 1, b: 2 })
  })

  it("rethrows other errors (e.g. an invalid phone number)", async () => {
    const error = await api.contacts
      .upsert({ inbox_id: inboxId, identifier: "cus_bad", phone_number: "12345" })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ChatwootApiError)
    expect(error).toMatchObject({ status: 422, isDuplicate: false })
  })
})
