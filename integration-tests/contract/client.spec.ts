/**
 * Contract suite of the Chatwoot client: drive every client method against the sandbox, then
 * validate every exchange (the request the client sent and the sandbox's answer) against
 * Chatwoot's OpenAPI spec plus known-gaps.ts. Any mismatch fails the suite.
 *
 *   CHATWOOT_OPENAPI=/work/shared/chatwoot/swagger.json TEST_TYPE=contract npx jest integration-tests/contract/client.spec.ts
 */
import { ChatwootClient, type AccountApi, type Inbox } from "../../src/modules/chatwoot/client"
import { startSandbox, type RequestLogEntry, type Sandbox } from "../sandbox"
import { coveredOperations, describeContract, formatFailures, validateExchanges } from "./harness"

const A = "/api/v1/accounts/{account_id}"
const P = "/platform/api/v1"
const PUB = "/public/api/v1/inboxes/{inbox_identifier}"

/** Every operation the client can send, as `METHOD template` of the spec (or known-gaps.ts). */
const CLIENT_OPERATIONS = [
  `GET ${P}/accounts`,
  `POST ${P}/accounts`,
  `GET ${P}/accounts/{account_id}`,
  `PATCH ${P}/accounts/{account_id}`,
  `DELETE ${P}/accounts/{account_id}`,
  `GET ${P}/accounts/{account_id}/account_users`,
  `POST ${P}/accounts/{account_id}/account_users`,
  `DELETE ${P}/accounts/{account_id}/account_users`,
  `POST ${P}/users`,
  `GET ${P}/users/{id}`,
  `PATCH ${P}/users/{id}`,
  `DELETE ${P}/users/{id}`,
  `GET ${P}/users/{id}/login`,
  `POST ${P}/users/{id}/token`,
  "GET /api/v1/profile",
  `GET ${A}/inboxes`,
  `POST ${A}/inboxes`,
  `GET ${A}/inboxes/{id}`,
  `PATCH ${A}/inboxes/{id}`,
  `DELETE ${A}/inboxes/{id}`,
  `GET ${A}/agents`,
  `POST ${A}/agents`,
  `PATCH ${A}/agents/{id}`,
  `DELETE ${A}/agents/{id}`,
  `GET ${A}/contacts`,
  `POST ${A}/contacts`,
  `GET ${A}/contacts/{id}`,
  `PUT ${A}/contacts/{id}`,
  `DELETE ${A}/contacts/{id}`,
  `GET ${A}/contacts/search`,
  `POST ${A}/contacts/filter`,
  `GET ${A}/contacts/{id}/conversations`,
  `POST ${A}/actions/contact_merge`,
  `GET ${A}/custom_attribute_definitions`,
  `POST ${A}/custom_attribute_definitions`,
  `DELETE ${A}/custom_attribute_definitions/{id}`,
  `GET ${A}/conversations`,
  `POST ${A}/conversations`,
  `GET ${A}/conversations/{conversation_id}`,
  `POST ${A}/conversations/{conversation_id}/toggle_status`,
  `POST ${A}/conversations/{conversation_id}/toggle_priority`,
  `POST ${A}/conversations/{conversation_id}/assignments`,
  `GET ${A}/conversations/{conversation_id}/labels`,
  `POST ${A}/conversations/{conversation_id}/labels`,
  `POST ${A}/conversations/{conversation_id}/custom_attributes`,
  `GET ${A}/conversations/{conversation_id}/messages`,
  `POST ${A}/conversations/{conversation_id}/messages`,
  `GET ${A}/teams`,
  `POST ${A}/teams`,
  `GET ${A}/webhooks`,
  `POST ${A}/webhooks`,
  `PATCH ${A}/webhooks/{webhook_id}`,
  `DELETE ${A}/webhooks/{webhook_id}`,
  `GET ${A}/dashboard_apps`,
  `POST ${A}/dashboard_apps`,
  `PATCH ${A}/dashboard_apps/{id}`,
  `DELETE ${A}/dashboard_apps/{id}`,
  `GET ${PUB}`,
  `POST ${PUB}/contacts`,
  `GET ${PUB}/contacts/{contact_identifier}`,
  `GET ${PUB}/contacts/{contact_identifier}/conversations`,
  `POST ${PUB}/contacts/{contact_identifier}/conversations`,
  `GET ${PUB}/contacts/{contact_identifier}/conversations/{conversation_id}/messages`,
  `POST ${PUB}/contacts/{contact_identifier}/conversations/{conversation_id}/messages`,
]

describeContract("Chatwoot client ↔ OpenAPI", (contract) => {
  let sandbox: Sandbox
  let client: ChatwootClient
  let api: AccountApi
  let admin: { accountId: number; userId: number; accessToken: string }
  let website: Inbox
  let apiInbox: Inbox
  const all: RequestLogEntry[] = []

  /** Validates what the sandbox logged since the last call, and keeps it for the coverage check. */
  function expectConformantSinceLast(): RequestLogEntry[] {
    const entries = [...sandbox.requests]
    sandbox.clearLog()
    all.push(...entries)
    expect(entries.length).toBeGreaterThan(0)
    const failures = validateExchanges(entries, contract)
    if (failures.length) {
      throw new Error(`${failures.length} exchange(s) violate the Chatwoot OpenAPI contract:\n${formatFailures(failures)}`)
    }
    return entries
  }

  beforeAll(async () => {
    sandbox = await startSandbox()
    client = new ChatwootClient({ baseUrl: sandbox.url, platformToken: sandbox.platformToken })
    admin = sandbox.createAccountWithAdmin({ name: "Contract storefront" })
    api = client.account(admin.accountId, admin.accessToken)
  })

  afterAll(async () => {
    client.close()
    await sandbox.close()
  })

  it("Platform API: accounts, users, SSO, tokens, account users", async () => {
    const { platform } = client
    const account = await platform.accounts.create({ name: "Provisioned", locale: "de", support_email: "help@shop.example" })
    await platform.accounts.get(account.id)
    await platform.accounts.list()
    await platform.accounts.update(account.id, { name: "Provisioned EU", locale: "fr", status: "suspended" })
    await platform.accounts.update(account.id, { status: "active" })

    const user = await platform.users.create({ name: "Agent", email: "agent@shop.example", password: "Secr3t!pass" })
    await platform.users.create({ name: "Agent", email: "agent@shop.example", password: "Secr3t!pass" })
    await platform.users.get(user.id)
    await platform.users.update(user.id, { display_name: "Agent A", custom_attributes: { region: "eu" } })
    await platform.users.loginLink(user.id)
    await platform.users.createToken(user.id)

    await platform.accountUsers.create(account.id, { user_id: user.id, role: "agent" })
    await platform.accountUsers.create(account.id, { user_id: user.id, role: "administrator" })
    await platform.accountUsers.list(account.id)
    await platform.accountUsers.delete(account.id, user.id)

    await platform.users.delete(user.id)
    await platform.accounts.delete(account.id)
    // errors are exchanges too
    await expect(platform.accounts.get(999_999)).rejects.toBeDefined()
    expectConformantSinceLast()
  })

  it("Application API: profile and inboxes", async () => {
    await api.profile()
    await client.profile(admin.accessToken)
    website = await api.inboxes.create({
      name: "Storefront chat",
      greeting_enabled: true,
      greeting_message: "Hi!",
      timezone: "Europe/Berlin",
      channel: {
        type: "web_widget",
        website_url: "https://shop.example.com",
        widget_color: "#0F766E",
        welcome_title: "Hello",
        welcome_tagline: "We reply fast",
        hmac_mandatory: true,
      },
    })
    apiInbox = await api.inboxes.create({
      name: "Contact form",
      channel: { type: "api", webhook_url: "https://medusa.example.com/hooks/chatwoot/1" },
    })
    await api.inboxes.create({ name: "Mail", channel: { type: "email", email: "support@shop.example" } })
    await api.inboxes.list()
    await api.inboxes.get(website.id)
    await api.inboxes.update(website.id, {
      working_hours_enabled: true,
      timezone: "Europe/Paris",
      out_of_office_message: "Closed",
      working_hours: [
        { day_of_week: 0, closed_all_day: true },
        { day_of_week: 1, closed_all_day: false, open_hour: 9, open_minutes: 0, close_hour: 17, close_minutes: 30 },
      ],
      channel: { hmac_mandatory: false, widget_color: "#111111" },
    })
    await api.inboxes.update(apiInbox.id, { channel: { webhook_url: "https://medusa.example.com/hooks/chatwoot/2" } })
    const spare = await api.inboxes.create({ name: "Spare", channel: { type: "api" } })
    await api.inboxes.delete(spare.id)
    await expect(client.account(admin.accountId, "wrong-token-123").inboxes.list()).rejects.toBeDefined()
    expectConformantSinceLast()
  })

  it("Application API: agents (link mode)", async () => {
    const agent = await api.agents.create({ name: "Agent", email: "agent-link@shop.example", role: "agent" })
    await api.agents.list()
    await api.agents.update(agent.id, { role: "administrator", availability: "online", auto_offline: false })
    await expect(api.agents.create({ name: "Agent", email: "agent-link@shop.example", role: "agent" })).rejects.toBeDefined()
    await api.agents.delete(agent.id)
    expectConformantSinceLast()
  })

  it("Application API: contacts, search, filter, merge, upsert (incl. 422 duplicates)", async () => {
    const created = await api.contacts.create({
      inbox_id: website.id,
      name: "Grace",
      email: "grace@example.com",
      phone_number: "+4915112345678",
      identifier: "cus_grace",
      custom_attributes: { tier: "gold" },
      additional_attributes: { city: "Berlin" },
    })
    await api.contacts.get(created.contact.id)
    await api.contacts.update(created.contact.id, { name: "Grace H.", custom_attributes: { orders: 2 } })
    await api.contacts.list({ page: 1, sort: "-last_activity_at" })
    await api.contacts.search("Grace", { page: 1 })
    await api.contacts.filter(
      [
        { attribute_key: "identifier", filter_operator: "equal_to", values: ["cus_grace"], query_operator: "OR" },
        { attribute_key: "email", filter_operator: "equal_to", values: ["grace@example.com"] },
      ],
      { page: 1 }
    )
    await api.contacts.findByIdentifier("cus_grace")
    await api.contacts.findByEmail("grace@example.com")
    await api.contacts.conversations(created.contact.id)

    const guest = await api.contacts.create({ inbox_id: website.id, email: "guest@example.com" })
    await api.contacts.merge(created.contact.id, guest.contact.id)

    await api.contacts.upsert({ inbox_id: website.id, identifier: "cus_new", email: "new@example.com", name: "New" })
    await api.contacts.upsert({ inbox_id: website.id, identifier: "cus_new", custom_attributes: { orders: 1 } })
    await api.contacts.create({ inbox_id: website.id, email: "claim@example.com" })
    await api.contacts.upsert({ inbox_id: website.id, identifier: "cus_claim", email: "claim@example.com" }) // 422 → update
    await api.contacts.upsert({ inbox_id: website.id, identifier: "cus_other", email: "new@example.com" }) // 422 → create without e-mail

    await api.contacts.delete(guest.contact.id).catch(() => undefined) // merged away: 404
    await api.contacts.delete(created.contact.id)
    const entries = expectConformantSinceLast()
    expect(entries.some((e) => e.status === 422)).toBe(true)
  })

  it("Application API: custom attribute definitions", async () => {
    const contactDef = await api.customAttributeDefinitions.create({
      attribute_display_name: "Lifetime value",
      attribute_key: "lifetime_value",
      attribute_display_type: "currency",
      attribute_model: "contact_attribute",
      attribute_description: "Completed orders",
    })
    await api.customAttributeDefinitions.create({
      attribute_display_name: "Order",
      attribute_key: "order_id",
      attribute_display_type: "text",
      attribute_model: "conversation_attribute",
    })
    await api.customAttributeDefinitions.create({
      attribute_display_name: "Tier",
      attribute_key: "tier",
      attribute_display_type: "list",
      attribute_model: "contact_attribute",
      attribute_values: ["standard", "silver", "gold"],
    })
    await api.customAttributeDefinitions.list("contact_attribute")
    await api.customAttributeDefinitions.list("conversation_attribute")
    await expect(
      api.customAttributeDefinitions.create({
        attribute_display_name: "Again",
        attribute_key: "lifetime_value",
        attribute_display_type: "number",
        attribute_model: "contact_attribute",
      })
    ).rejects.toBeDefined()
    await api.customAttributeDefinitions.delete(contactDef.id)
    expectConformantSinceLast()
  })

  it("Application API: conversations, messages, teams", async () => {
    const contact = await api.contacts.create({ inbox_id: apiInbox.id, name: "Linus", identifier: "cus_linus" })
    const conversation = await api.conversations.create({
      source_id: contact.contact_inbox!.source_id,
      inbox_id: apiInbox.id,
      contact_id: contact.contact.id,
      status: "open",
      custom_attributes: { order_id: "order_1" },
      message: { content: "Where is my order?" },
    })
    const id = conversation.id
    await api.conversations.get(id)
    await api.conversations.list({ status: "all", assignee_type: "all", inbox_id: apiInbox.id, page: 1 })
    await api.conversations.toggleStatus(id, { status: "resolved" })
    await api.conversations.toggleStatus(id, { status: "snoozed", snoozed_until: Math.floor(Date.now() / 1000) + 3600 })
    await api.conversations.toggleStatus(id, { status: "open" })
    await api.conversations.togglePriority(id, "urgent")
    await api.conversations.togglePriority(id, "none")
    await api.conversations.assign(id, { assignee_id: admin.userId })
    const team = await api.teams.create({ name: "Storefront EU", allow_auto_assign: true })
    await api.teams.list()
    await api.conversations.assign(id, { team_id: team.id })
    await api.conversations.setLabels(id, ["vip", "order-issue"])
    await api.conversations.getLabels(id)
    await api.conversations.updateCustomAttributes(id, { order_id: "order_2" })

    const outgoing = await api.messages.create(id, { content: "On its way" })
    await api.messages.create(id, { content: "Note", private: true, message_type: "outgoing", source_id: "medusa-1" })
    await api.messages.create(id, { content: "Thanks", message_type: "incoming" })
    await api.messages.create(id, {
      content: "Products",
      content_type: "cards",
      content_attributes: {
        items: [
          {
            title: "Mug",
            description: "Blue",
            media_url: "https://shop.example.com/mug.png",
            actions: [{ type: "link", text: "View", uri: "https://shop.example.com/mug" }],
          },
        ],
      },
    })
    await api.messages.list(id)
    await api.messages.list(id, { before: outgoing.id + 10 })
    await api.messages.list(id, { after: outgoing.id })
    await expect(api.conversations.get(987_654)).rejects.toBeDefined()
    expectConformantSinceLast()
  })

  it("Application API: webhooks and dashboard apps", async () => {
    const webhook = await api.webhooks.create({
      url: "https://medusa.example.com/hooks/chatwoot/acc",
      name: "Medusa",
      subscriptions: ["conversation_created", "conversation_updated", "message_created", "contact_updated"],
    })
    await api.webhooks.list()
    await api.webhooks.update(webhook.id, { subscriptions: ["message_created"], name: "Medusa (messages)" })
    await expect(api.webhooks.create({ url: webhook.url, subscriptions: ["message_created"] })).rejects.toBeDefined()
    await api.webhooks.delete(webhook.id)

    const app = await api.dashboardApps.create({
      title: "Medusa orders",
      content: [{ type: "frame", url: "https://medusa.example.com/chatwoot/dashboard-app?k=s1" }],
    })
    await api.dashboardApps.list()
    await api.dashboardApps.update(app.id, {
      title: "Orders",
      content: [{ type: "frame", url: "https://medusa.example.com/chatwoot/dashboard-app?k=s2" }],
    })
    await api.dashboardApps.delete(app.id)
    expectConformantSinceLast()
  })

  it("Public API: contact form", async () => {
    const pub = client.public(apiInbox.inbox_identifier!)
    await pub.get()
    const contact = await pub.contacts.create({
      name: "Visitor",
      email: "visitor@example.com",
      phone_number: "+4915199999999",
      custom_attributes: { source: "contact_form" },
    })
    await pub.contacts.get(contact.source_id)
    const conversation = await pub.conversations.create(contact.source_id, { custom_attributes: { order_id: "order_3" } })
    await pub.conversations.create(contact.source_id)
    await pub.conversations.list(contact.source_id)
    await pub.messages.create(contact.source_id, conversation.id, { content: "Help!", echo_id: "e-1" })
    await pub.messages.list(contact.source_id, conversation.id)
    expectConformantSinceLast()
  })

  it("covered every operation the client can send", () => {
    const covered = coveredOperations(all, contract)
    const missing = CLIENT_OPERATIONS.filter((op) => !covered.has(op))
    expect(missing).toEqual([])
  })

  it("the validation really fails on a mismatch (a tampered exchange)", () => {
    const create = all.find((e) => e.method === "POST" && e.path === "/platform/api/v1/accounts" && e.status === 200)
    expect(create).toBeDefined()
    const tampered: RequestLogEntry = { ...create!, body: { name: 42, status: "deleted" } }
    const failures = validateExchanges([tampered], contract)
    expect(failures).toHaveLength(1)
    expect(failures[0].errors.join("\n")).toMatch(/name|status/)

    const unknown: RequestLogEntry = { ...create!, method: "POST", path: "/platform/api/v1/accounts/1/teleport" }
    expect(validateExchanges([unknown], contract)).toHaveLength(1)
  })
})
