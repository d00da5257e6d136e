import { MedusaError } from "@medusajs/framework/utils"
import { ChatwootApiError, type AccountApi, type Inbox } from ".."
import { startHarness, tokenHeader, type Harness } from "./helpers/sandbox"

describe("client.account(id, token) against the sandbox", () => {
  let h: Harness
  let api: AccountApi
  let admin: { accountId: number; userId: number; accessToken: string }
  let website: Inbox
  let apiInbox: Inbox

  beforeAll(async () => {
    h = await startHarness()
    admin = h.sandbox.createAccountWithAdmin({ name: "Storefront A", email: "admin-a@shop.example" })
    api = h.client.account(admin.accountId, admin.accessToken)
  })
  afterAll(async () => {
    await h.close()
  })

  describe("profile", () => {
    it("verifies a token: the user, its accounts and roles, sent with that token", async () => {
      h.sandbox.clearLog()
      const profile = await api.profile()
      expect(profile.id).toBe(admin.userId)
      expect(profile.accounts).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: admin.accountId, role: "administrator" })])
      )
      expect(tokenHeader(h.sandbox.requests[0])).toBe(admin.accessToken)
      expect((await h.client.profile(admin.accessToken)).id).toBe(admin.userId)
    })

    it("maps a wrong token (Chatwoot 401) to NOT_ALLOWED, not retried", async () => {
      h.sandbox.clearLog()
      const error = (await h.client
        .account(admin.accountId, "not-a-real-token-000")
        .profile()
        .catch((e: unknown) => e)) as ChatwootApiError
      expect(error).toBeInstanceOf(ChatwootApiError)
      expect(error).toMatchObject({ status: 401, type: MedusaError.Types.NOT_ALLOWED, retryable: false })
      expect(error.chatwootMessage).toMatch(/Invalid Access Token/i)
      expect(h.sandbox.requests).toHaveLength(1)
    })
  })

  describe("inboxes", () => {
    it("creates a website inbox with widget settings and identity validation", async () => {
      website = await api.inboxes.create({
        name: "Storefront chat",
        greeting_enabled: true,
        greeting_message: "Hi! Ask us anything.",
        channel: {
          type: "web_widget",
          website_url: "https://shop.example.com",
          widget_color: "#0F766E",
          welcome_title: "Hello",
          welcome_tagline: "We reply in a few minutes",
          hmac_mandatory: true,
        },
      })
      expect(website).toMatchObject({
        name: "Storefront chat",
        channel_type: "Channel::WebWidget",
        website_url: "https://shop.example.com",
        widget_color: "#0F766E",
        welcome_title: "Hello",
        welcome_tagline: "We reply in a few minutes",
        hmac_mandatory: true,
        website_token: expect.any(String),
        hmac_token: expect.any(String),
      })
    })

    it("creates an API inbox with a webhook URL (Public API identifier, signing secret)", async () => {
      apiInbox = await api.inboxes.create({
        name: "Contact form",
        channel: { type: "api", webhook_url: "https://medusa.example.com/hooks/chatwoot/api" },
      })
      expect(apiInbox).toMatchObject({
        channel_type: "Channel::Api",
        webhook_url: "https://medusa.example.com/hooks/chatwoot/api",
        inbox_identifier: expect.any(String),
      })
    })

    it("creates an e-mail inbox", async () => {
      const email = await api.inboxes.create({ name: "Support mail", channel: { type: "email", email: "support@shop.example" } })
      expect(email.channel_type).toBe("Channel::Email")
    })

    it("lists and reads inboxes", async () => {
      const inboxes = await api.inboxes.list()
      expect(inboxes.map((i) => i.id)).toEqual(expect.arrayContaining([website.id, apiInbox.id]))
      expect(await api.inboxes.get(website.id)).toMatchObject({ id: website.id, name: "Storefront chat" })
    })

    it("updates business hours, timezone and the channel's hmac_mandatory", async () => {
      const workingHours = [0, 1, 2, 3, 4, 5, 6].map((day) =>
        day === 0 || day === 6
          ? { day_of_week: day, closed_all_day: true }
          : { day_of_week: day, closed_all_day: false, open_hour: 8, open_minutes: 30, close_hour: 18, close_minutes: 0 }
      )
      const updated = await api.inboxes.update(website.id, {
        timezone: "Europe/Berlin",
        working_hours_enabled: true,
        out_of_office_message: "We are closed",
        working_hours: workingHours,
        channel: { hmac_mandatory: false, welcome_title: "Welcome" },
      })
      expect(updated).toMatchObject({
        timezone: "Europe/Berlin",
        working_hours_enabled: true,
        hmac_mandatory: false,
        welcome_title: "Welcome",
      })
      const monday = updated.working_hours?.find((w) => w.day_of_week === 1)
      expect(monday).toMatchObject({ open_hour: 8, open_minutes: 30, close_hour: 18 })
    })
  })

  describe("contacts", () => {
    it("creates, reads, updates (merging custom attributes) and deletes a contact", async () => {
      const created = await api.contacts.create({
        inbox_id: website.id,
        name: "Grace Hopper",
        email: "grace@example.com",
        phone_number: "+4915112345678",
        identifier: "cus_grace",
        custom_attributes: { tier: "gold", orders: 3 },
        additional_attributes: { city: "Berlin" },
      })
      expect(created.contact).toMatchObject({ id: expect.any(Number), identifier: "cus_grace", email: "grace@example.com" })
      expect(created.contact_inbox?.source_id).toEqual(expect.any(String))

      const id = created.contact.id
      expect(await api.contacts.get(id)).toMatchObject({ id, name: "Grace Hopper" })

      const updated = await api.contacts.update(id, { name: "Grace B. Hopper", custom_attributes: { orders: 4 } })
      expect(updated.name).toBe("Grace B. Hopper")
      expect(updated.custom_attributes).toMatchObject({ tier: "gold", orders: 4 })

      await api.contacts.delete(id)
      const gone = await api.contacts.get(id).catch((e: unknown) => e)
      expect(gone).toBeInstanceOf(ChatwootApiError)
      expect(gone).toMatchObject({ status: 404, type: MedusaError.Types.NOT_FOUND })
    })

    it("lists, searches and filters contacts; finds by identifier and e-mail exactly", async () => {
      await api.contacts.create({ inbox_id: website.id, name: "Alan Turing", email: "alan@example.com", identifier: "cus_alan" })
      await api.contacts.create({ inbox_id: website.id, name: "Alan Kay", email: "kay@example.com", identifier: "cus_alan_k" })

      const page = await api.contacts.list({ page: 1, sort: "name" })
      expect(page.payload.map((c) => c.identifier)).toEqual(expect.arrayContaining(["cus_alan", "cus_alan_k"]))
      expect(page.meta.count).toBeGreaterThanOrEqual(2)

      const found = await api.contacts.search("Alan")
      expect(found.payload.map((c) => c.identifier).sort()).toEqual(["cus_alan", "cus_alan_k"])

      const filtered = await api.contacts.filter([
        { attribute_key: "email", filter_operator: "equal_to", values: ["kay@example.com"] },
      ])
      expect(filtered.payload.map((c) => c.identifier)).toEqual(["cus_alan_k"])

      expect((await api.contacts.findByIdentifier("cus_alan"))?.email).toBe("alan@example.com")
      expect(await api.contacts.findByIdentifier("cus_ala")).toBeNull()
      expect((await api.contacts.findByEmail("KAY@example.com"))?.identifier).toBe("cus_alan_k")
      expect(await api.contacts.findByEmail("nobody@example.com")).toBeNull()
    })

    it("merges a guest contact into a customer's contact", async () => {
      const base = await api.contacts.create({ inbox_id: website.id, name: "Customer", identifier: "cus_merge" })
      const guest = await api.contacts.create({ inbox_id: website.id, name: "Guest", email: "guest-merge@example.com" })
      const merged = await api.contacts.merge(base.contact.id, guest.contact.id)
      expect(merged).toMatchObject({ id: base.contact.id, identifier: "cus_merge", email: "guest-merge@example.com" })
      await expect(api.contacts.get(guest.contact.id)).rejects.toMatchObject({ status: 404 })
    })
  })

  describe("custom attribute definitions", () => {
    it("creates, lists per model, refuses a duplicate key and deletes", async () => {
      const def = await api.customAttributeDefinitions.create({
        attribute_display_name: "Lifetime value",
        attribute_key: "lifetime_value",
        attribute_display_type: "currency",
        attribute_model: "contact_attribute",
        attribute_description: "Sum of completed orders",
      })
      expect(def).toMatchObject({ id: expect.any(Number), attribute_key: "lifetime_value" })

      const contactDefs = await api.customAttributeDefinitions.list("contact_attribute")
      expect(contactDefs.map((d) => d.attribute_key)).toContain("lifetime_value")
      const conversationDefs = await api.customAttributeDefinitions.list("conversation_attribute")
      expect(conversationDefs.map((d) => d.attribute_key)).not.toContain("lifetime_value")

      const duplicate = await api.customAttributeDefinitions
        .create({
          attribute_display_name: "LTV",
          attribute_key: "lifetime_value",
          attribute_display_type: "number",
          attribute_model: "contact_attribute",
        })
        .catch((e: unknown) => e)
      expect(duplicate).toMatchObject({ status: 422, type: MedusaError.Types.DUPLICATE_ERROR })

      await api.customAttributeDefinitions.delete(def.id)
      expect((await api.customAttributeDefinitions.list("contact_attribute")).map((d) => d.id)).not.toContain(def.id)
    })
  })

  describe("conversations and messages", () => {
    let conversationId: number

    it("creates a conversation for a contact and reads it by display id", async () => {
      const contact = await api.contacts.create({ inbox_id: apiInbox.id, name: "Linus", identifier: "cus_linus" })
      const sourceId = contact.contact_inbox!.source_id
      const conversation = await api.conversations.create({
        source_id: sourceId,
        inbox_id: apiInbox.id,
        contact_id: contact.contact.id,
        custom_attributes: { order_id: "order_1" },
        message: { content: "Where is my order?" },
      })
      expect(conversation.id).toEqual(expect.any(Number))
      conversationId = conversation.id

      const read = await api.conversations.get(conversationId)
      expect(read).toMatchObject({ id: conversationId, inbox_id: apiInbox.id })

      const list = await api.conversations.list({ status: "all", inbox_id: apiInbox.id })
      expect(list.payload.map((c) => c.id)).toContain(conversationId)

      const ofContact = await api.contacts.conversations(contact.contact.id)
      expect(ofContact.map((c) => c.id)).toContain(conversationId)
    })

    it("changes status and priority, assigns an agent and a team", async () => {
      const status = await api.conversations.toggleStatus(conversationId, { status: "resolved" })
      expect(status.current_status).toBe("resolved")
      await api.conversations.toggleStatus(conversationId, { status: "open" })

      await api.conversations.togglePriority(conversationId, "high")
      expect((await api.conversations.get(conversationId)).priority).toBe("high")

      const agent = await api.conversations.assign(conversationId, { assignee_id: admin.userId })
      expect(agent?.id).toBe(admin.userId)

      const team = await api.teams.create({ name: "VIP desk", allow_auto_assign: false })
      expect(team).toMatchObject({ id: expect.any(Number), name: expect.stringMatching(/vip desk/i) })
      expect((await api.teams.list()).map((t) => t.id)).toContain(team.id)
      const assignedTeam = await api.conversations.assign(conversationId, { team_id: team.id })
      expect(assignedTeam?.id).toBe(team.id)

      // a team the routing rules created is deleted again when saving them fails
      const spare = await api.teams.create({ name: "Spare desk" })
      await api.teams.delete(spare.id)
      expect((await api.teams.list()).map((t) => t.id)).not.toContain(spare.id)
    })

    it("replaces labels and custom attributes", async () => {
      expect(await api.conversations.setLabels(conversationId, ["vip", "order-issue"])).toEqual(
        expect.arrayContaining(["vip", "order-issue"])
      )
      expect((await api.conversations.getLabels(conversationId)).sort()).toEqual(["order-issue", "vip"])

      const attrs = await api.conversations.updateCustomAttributes(conversationId, { order_id: "order_2", channel: "eu" })
      expect(attrs).toEqual({ order_id: "order_2", channel: "eu" })
      expect((await api.conversations.get(conversationId)).custom_attributes).toEqual({ order_id: "order_2", channel: "eu" })
    })

    it("posts outgoing, incoming and private messages with content attributes and a source id, and lists them", async () => {
      const outgoing = await api.messages.create(conversationId, { content: "Your order ships today." })
      expect(outgoing).toMatchObject({ id: expect.any(Number), content: "Your order ships today.", private: false })

      const note = await api.messages.create(conversationId, {
        content: "Order #1001 cancelled by agent",
        private: true,
        message_type: "outgoing",
        source_id: "medusa-audit-1",
      })
      expect(note).toMatchObject({ private: true, source_id: "medusa-audit-1" })

      const incoming = await api.messages.create(conversationId, { content: "Thanks!", message_type: "incoming" })
      expect([0, "incoming"]).toContain(incoming.message_type)

      const cards = await api.messages.create(conversationId, {
        content: "Recommended",
        content_type: "cards",
        content_attributes: {
          items: [{ title: "Mug", description: "Blue", media_url: "https://shop.example.com/mug.png", actions: [] }],
        },
      })
      expect(cards.content_type).toBe("cards")

      const list = await api.messages.list(conversationId)
      expect(list.payload.map((m) => m.id)).toEqual(expect.arrayContaining([outgoing.id, note.id, incoming.id, cards.id]))
      const older = await api.messages.list(conversationId, { before: cards.id })
      expect(older.payload.map((m) => m.id)).not.toContain(cards.id)
    })
  })

  describe("webhooks", () => {
    it("creates a webhook with its signing secret, lists, updates and deletes it", async () => {
      const webhook = await api.webhooks.create({
        url: "https://medusa.example.com/hooks/chatwoot/acc_1",
        name: "Medusa",
        subscriptions: ["conversation_created", "message_created", "contact_updated"],
      })
      expect(webhook).toMatchObject({ id: expect.any(Number), secret: expect.any(String) })

      expect((await api.webhooks.list()).map((w) => w.id)).toContain(webhook.id)

      const updated = await api.webhooks.update(webhook.id, { subscriptions: ["message_created"] })
      expect(updated.subscriptions).toEqual(["message_created"])

      const duplicate = await api.webhooks
        .create({ url: webhook.url, subscriptions: ["message_created"] })
        .catch((e: unknown) => e)
      expect(duplicate).toMatchObject({ status: 422 })

      await api.webhooks.delete(webhook.id)
      expect((await api.webhooks.list()).map((w) => w.id)).not.toContain(webhook.id)
    })
  })

  describe("agents", () => {
    it("adds, lists, re-roles and removes an agent (link mode, no platform token)", async () => {
      const agent = await api.agents.create({ name: "Agent Smith", email: "smith@shop.example", role: "agent" })
      expect(agent).toMatchObject({ id: expect.any(Number), email: "smith@shop.example", role: "agent" })
      expect((await api.agents.list()).map((a) => a.id)).toContain(agent.id)

      const again = await api.agents
        .create({ name: "Agent Smith", email: "smith@shop.example", role: "agent" })
        .catch((e: unknown) => e)
      expect(again).toMatchObject({ status: 422 })

      const promoted = await api.agents.update(agent.id, { role: "administrator", availability: "busy" })
      expect(promoted.role).toBe("administrator")

      await api.agents.delete(agent.id)
      expect((await api.agents.list()).map((a) => a.id)).not.toContain(agent.id)
    })
  })

  describe("inbox removal", () => {
    it("deletes an inbox", async () => {
      const spare = await api.inboxes.create({ name: "Spare", channel: { type: "api" } })
      await api.inboxes.delete(spare.id)
      expect((await api.inboxes.list()).map((i) => i.id)).not.toContain(spare.id)
      await expect(api.inboxes.get(spare.id)).rejects.toMatchObject({ status: 404 })
    })
  })

  describe("dashboard apps", () => {
    it("creates, lists, updates and deletes a dashboard app", async () => {
      const app = await api.dashboardApps.create({
        title: "Medusa orders",
        content: [{ type: "frame", url: "https://medusa.example.com/chatwoot/dashboard-app?k=secret" }],
      })
      expect(app).toMatchObject({ id: expect.any(Number), title: "Medusa orders" })
      expect((await api.dashboardApps.list()).map((a) => a.id)).toContain(app.id)

      const updated = await api.dashboardApps.update(app.id, {
        content: [{ type: "frame", url: "https://medusa.example.com/chatwoot/dashboard-app?k=rotated" }],
      })
      expect(updated.content[0].url).toMatch(/rotated$/)

      await api.dashboardApps.delete(app.id)
      expect((await api.dashboardApps.list()).map((a) => a.id)).not.toContain(app.id)
    })
  })
})
