/**
 * The sandbox's own responses are spec-conformant: drive every endpoint it implements with raw
 * HTTP (fetch), including error paths, then validate every logged exchange against the OpenAPI
 * spec (plus known-gaps.ts). Runs in the contract tier with CHATWOOT_OPENAPI set.
 */
import { startSandbox, type Sandbox } from "../sandbox"
import { coveredOperations, describeContract, formatFailures, validateExchanges } from "./harness"

type Body = Record<string, unknown>
type Reply = { status: number; body: unknown }

function client(sandbox: Sandbox, token?: string) {
  return async (method: string, path: string, body?: unknown): Promise<Reply> => {
    const headers: Record<string, string> = {}
    if (token) headers.api_access_token = token
    if (body !== undefined) headers["content-type"] = "application/json"
    const res = await fetch(`${sandbox.url}${path}`, {
      method,
      headers,
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
    return { status: res.status, body: parsed }
  }
}

function obj(reply: Reply): Body {
  if (typeof reply.body !== "object" || reply.body === null || Array.isArray(reply.body)) {
    throw new Error(`expected a JSON object, got ${reply.status} ${JSON.stringify(reply.body)}`)
  }
  return reply.body as Body
}

function num(value: unknown): number {
  if (typeof value !== "number") throw new Error(`expected a number, got ${JSON.stringify(value)}`)
  return value
}

function strv(value: unknown): string {
  if (typeof value !== "string") throw new Error(`expected a string, got ${JSON.stringify(value)}`)
  return value
}

function field(value: unknown, ...path: string[]): unknown {
  let node = value
  for (const key of path) {
    node = typeof node === "object" && node !== null ? (node as Body)[key] : undefined
  }
  return node
}

describeContract("sandbox responses conform to the Chatwoot OpenAPI spec", (contract) => {
  let sandbox: Sandbox

  beforeAll(async () => {
    sandbox = await startSandbox({ deliverWebhooks: false })
  })

  afterAll(async () => {
    await sandbox.close()
  })

  it("every implemented endpoint answers per the spec (success and error paths)", async () => {
    const platform = client(sandbox, sandbox.platformToken)
    const anonymous = client(sandbox)
    const expectStatus = (reply: Reply, status: number) => {
      if (reply.status !== status) {
        throw new Error(`expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`)
      }
      return reply
    }

    // ---- installation + platform API
    expectStatus(await anonymous("GET", "/api"), 200)
    const account = obj(expectStatus(await platform("POST", "/platform/api/v1/accounts", { name: "Shop DE", locale: "de", support_email: "help@shop.example" }), 200))
    const accountId = num(account.id)
    expectStatus(await platform("GET", `/platform/api/v1/accounts/${accountId}`), 200)
    expectStatus(await platform("PATCH", `/platform/api/v1/accounts/${accountId}`, { name: "Shop Germany", features: { channel_website: true } }), 200)
    expectStatus(await platform("GET", "/platform/api/v1/accounts"), 200)
    const user = obj(expectStatus(await platform("POST", "/platform/api/v1/users", { name: "Ada", email: "ada@shop.example", password: "Passw0rd!x" }), 200))
    const userId = num(user.id)
    const adminToken = strv(user.access_token)
    expectStatus(await platform("POST", "/platform/api/v1/users", { name: "Ada again", email: "ADA@shop.example", password: "ignored" }), 200)
    expectStatus(await platform("GET", `/platform/api/v1/users/${userId}`), 200)
    expectStatus(await platform("PATCH", `/platform/api/v1/users/${userId}`, { display_name: "Ada L.", custom_attributes: { team: "support" } }), 200)
    expectStatus(await platform("GET", `/platform/api/v1/users/${userId}/login`), 200)
    expectStatus(await platform("POST", `/platform/api/v1/users/${userId}/token`), 200)
    expectStatus(await platform("POST", `/platform/api/v1/accounts/${accountId}/account_users`, { user_id: userId, role: "administrator" }), 200)
    expectStatus(await platform("GET", `/platform/api/v1/accounts/${accountId}/account_users`), 200)
    const agentUser = obj(expectStatus(await platform("POST", "/platform/api/v1/users", { name: "Bo", email: "bo@shop.example", password: "Passw0rd!x" }), 200))
    expectStatus(await platform("POST", `/platform/api/v1/accounts/${accountId}/account_users`, { user_id: num(agentUser.id), role: "agent" }), 200)
    const agentToken = strv(agentUser.access_token)
    // platform errors
    expectStatus(await client(sandbox, "nope")("GET", `/platform/api/v1/accounts/${accountId}`), 401)
    expectStatus(await platform("GET", "/platform/api/v1/accounts/999999"), 404)
    const linked = sandbox.createAccountWithAdmin({ name: "Linked" })
    expectStatus(await platform("GET", `/platform/api/v1/accounts/${linked.accountId}`), 401)

    // ---- application API
    const admin = client(sandbox, adminToken)
    const agent = client(sandbox, agentToken)
    const A = `/api/v1/accounts/${accountId}`
    expectStatus(await admin("GET", "/api/v1/profile"), 200)
    expectStatus(await admin("GET", A), 200)
    expectStatus(await admin("GET", `${A}/agents`), 200)
    expectStatus(await platform("GET", "/api/v1/profile"), 401)
    expectStatus(await client(sandbox, "bad")("GET", "/api/v1/profile"), 401)
    expectStatus(await client(sandbox, linked.accessToken)("GET", `${A}/contacts`), 401)

    // inboxes
    const widget = obj(
      expectStatus(
        await admin("POST", `${A}/inboxes`, {
          name: "Storefront chat",
          greeting_enabled: true,
          greeting_message: "Hi!",
          timezone: "Europe/Berlin",
          channel: { type: "web_widget", website_url: "https://shop.example", widget_color: "#0F766E", welcome_title: "Hello", hmac_mandatory: true },
        }),
        200
      )
    )
    const widgetId = num(widget.id)
    const api = obj(expectStatus(await admin("POST", `${A}/inboxes`, { name: "Contact form", channel: { type: "api", webhook_url: "" } }), 200))
    const apiInboxId = num(api.id)
    const inboxIdentifier = strv(api.inbox_identifier)
    expectStatus(await admin("POST", `${A}/inboxes`, { name: "Mail", channel: { type: "email", email: "support@shop.example" } }), 200)
    expectStatus(await admin("GET", `${A}/inboxes`), 200)
    expectStatus(await agent("GET", `${A}/inboxes/${widgetId}`), 200)
    expectStatus(
      await admin("PATCH", `${A}/inboxes/${widgetId}`, {
        working_hours_enabled: true,
        out_of_office_message: "We are closed",
        working_hours: [{ day_of_week: 1, open_hour: 8, open_minutes: 30, close_hour: 18, close_minutes: 0, closed_all_day: false }],
        channel: { hmac_mandatory: true, welcome_tagline: "Fast replies" },
      }),
      200
    )
    expectStatus(await admin("PATCH", `${A}/inboxes/${widgetId}`, { working_hours: [{ day_of_week: 2, open_hour: 18, open_minutes: 0, close_hour: 9, close_minutes: 0 }] }), 422)
    expectStatus(await agent("POST", `${A}/inboxes`, { name: "x", channel: { type: "api" } }), 401)
    expectStatus(await admin("GET", `${A}/inboxes/999999`), 404)

    // custom attribute definitions
    const def = obj(
      expectStatus(
        await admin("POST", `${A}/custom_attribute_definitions`, {
          custom_attribute_definition: { attribute_display_name: "Lifetime value", attribute_key: "lifetime_value", attribute_display_type: "currency", attribute_model: "contact_attribute" },
        }),
        200
      )
    )
    expectStatus(
      await admin("POST", `${A}/custom_attribute_definitions`, { attribute_display_name: "Tier", attribute_key: "tier", attribute_display_type: "list", attribute_model: 1, attribute_values: ["gold", "silver"] }),
      200
    )
    expectStatus(await admin("POST", `${A}/custom_attribute_definitions`, { attribute_display_name: "LTV", attribute_key: "lifetime_value", attribute_model: "contact_attribute" }), 422)
    expectStatus(await admin("GET", `${A}/custom_attribute_definitions?attribute_model=contact_attribute`), 200)
    expectStatus(await admin("GET", `${A}/custom_attribute_definitions/${num(def.id)}`), 200)
    expectStatus(await admin("PATCH", `${A}/custom_attribute_definitions/${num(def.id)}`, { attribute_description: "Sum of orders" }), 200)
    const orderAttr = obj(expectStatus(await admin("POST", `${A}/custom_attribute_definitions`, { attribute_display_name: "Order", attribute_key: "order_id", attribute_model: "conversation_attribute" }), 200))
    expectStatus(await admin("DELETE", `${A}/custom_attribute_definitions/${num(orderAttr.id)}`), 204)

    // contacts
    const created = obj(
      expectStatus(
        await admin("POST", `${A}/contacts`, {
          inbox_id: widgetId,
          name: "Jane Doe",
          email: "Jane@Example.com",
          identifier: "cus_01",
          phone_number: "+4915112345678",
          custom_attributes: { lifetime_value: 120 },
        }),
        200
      )
    )
    const janeId = num(field(created, "payload", "contact", "id"))
    const guest = obj(expectStatus(await admin("POST", `${A}/contacts`, { name: "Guest", email: "guest@example.com" }), 200))
    const guestId = num(field(guest, "payload", "contact", "id"))
    expectStatus(await admin("POST", `${A}/contacts`, { name: "Dup", email: "jane@example.com" }), 422)
    expectStatus(await admin("POST", `${A}/contacts`, { name: "Bad", phone_number: "0151" }), 422)
    expectStatus(await admin("GET", `${A}/contacts`), 200)
    expectStatus(await admin("GET", `${A}/contacts?page=1&sort=-name`), 200)
    expectStatus(await admin("GET", `${A}/contacts/search?q=jane`), 200)
    expectStatus(
      await admin("POST", `${A}/contacts/filter`, {
        payload: [{ attribute_key: "identifier", filter_operator: "equal_to", values: ["cus_01"], query_operator: null }],
      }),
      200
    )
    expectStatus(await admin("POST", `${A}/contacts/filter`, { payload: [{ attribute_key: "nope", filter_operator: "equal_to", values: ["x"] }] }), 422)
    expectStatus(await admin("GET", `${A}/contacts/${janeId}`), 200)
    expectStatus(await admin("PUT", `${A}/contacts/${janeId}`, { custom_attributes: { tier: "gold" } }), 200)
    expectStatus(await admin("PATCH", `${A}/contacts/${janeId}`, { name: "Jane D." }), 200)
    expectStatus(await admin("PUT", `${A}/contacts/${guestId}`, { identifier: "cus_01" }), 422)
    expectStatus(await admin("POST", `${A}/contacts/${janeId}/contact_inboxes`, { inbox_id: apiInboxId, source_id: "jane-api" }), 200)
    expectStatus(await admin("GET", `${A}/contacts/999999`), 404)

    // conversations + messages
    const conversation = obj(
      expectStatus(
        await admin("POST", `${A}/conversations`, {
          inbox_id: apiInboxId,
          contact_id: janeId,
          custom_attributes: { order_id: "order_1" },
          additional_attributes: { source: "contact_form" },
          message: { content: "Thanks for your message" },
        }),
        200
      )
    )
    const convId = num(conversation.id)
    expectStatus(await admin("POST", `${A}/conversations`, { source_id: "jane-api" }), 200)
    expectStatus(await admin("GET", `${A}/conversations`), 200)
    expectStatus(await admin("GET", `${A}/conversations?status=all&assignee_type=unassigned&inbox_id=${apiInboxId}&page=1`), 200)
    expectStatus(await admin("GET", `${A}/conversations/${convId}`), 200)
    expectStatus(await admin("POST", `${A}/conversations/${convId}/messages`, { content: "Where is my order?", message_type: "incoming", source_id: "medusa-msg-1" }), 200)
    expectStatus(await admin("POST", `${A}/conversations/${convId}/messages`, { content: "Checked order_1", private: true, content_attributes: { order_id: "order_1" } }), 200)
    expectStatus(await admin("POST", `${A}/conversations/${convId}/messages`, { content: "It ships today" }), 200)
    expectStatus(await admin("GET", `${A}/conversations/${convId}/messages`), 200)
    expectStatus(await admin("GET", `${A}/conversations/${convId}/messages?after=0`), 200)
    expectStatus(await admin("POST", `${A}/conversations/${convId}/toggle_status`, { status: "pending" }), 200)
    expectStatus(await admin("POST", `${A}/conversations/${convId}/toggle_status`, { status: "snoozed", snoozed_until: 1893456000 }), 200)
    expectStatus(await admin("POST", `${A}/conversations/${convId}/toggle_priority`, { priority: "high" }), 200)
    expectStatus(await admin("POST", `${A}/conversations/${convId}/toggle_priority`, { priority: null }), 200)
    expectStatus(await admin("PATCH", `${A}/conversations/${convId}`, { priority: "urgent" }), 200)
    expectStatus(await admin("POST", `${A}/conversations/${convId}/assignments`, { assignee_id: num(agentUser.id) }), 200)
    expectStatus(await admin("GET", `${A}/conversations/${convId}`), 200)
    expectStatus(await admin("GET", `${A}/conversations/${convId}/messages`), 200)
    expectStatus(await admin("POST", `${A}/conversations/${convId}/labels`, { labels: ["vip", "order-issue"] }), 200)
    expectStatus(await admin("GET", `${A}/conversations/${convId}/labels`), 200)
    expectStatus(await admin("POST", `${A}/conversations/${convId}/custom_attributes`, { custom_attributes: { order_id: "order_2" } }), 200)
    expectStatus(await admin("GET", `${A}/contacts/${janeId}/conversations`), 200)
    const widgetConv = obj(expectStatus(await admin("POST", `${A}/conversations`, { inbox_id: widgetId, contact_id: janeId }), 200))
    expectStatus(await admin("POST", `${A}/conversations/${num(widgetConv.id)}/messages`, { content: "hi", message_type: "incoming" }), 422)
    expectStatus(await admin("GET", `${A}/conversations/999999`), 404)

    // teams + labels
    const team = obj(expectStatus(await admin("POST", `${A}/teams`, { team: { name: "Shop DE", description: "German storefront", allow_auto_assign: true } }), 200))
    expectStatus(await admin("GET", `${A}/teams`), 200)
    expectStatus(await admin("GET", `${A}/teams/${num(team.id)}`), 200)
    expectStatus(await admin("PATCH", `${A}/teams/${num(team.id)}`, { description: "DE" }), 200)
    expectStatus(await admin("POST", `${A}/conversations/${convId}/assignments`, { team_id: num(team.id) }), 200)
    expectStatus(await admin("POST", `${A}/conversations/${convId}/assignments`, { assignee_id: null }), 200)
    expectStatus(await admin("POST", `${A}/labels`, { label: { title: "VIP", color: "#ff0000", show_on_sidebar: true } }), 200)
    expectStatus(await admin("POST", `${A}/labels`, { title: "vip" }), 422)
    expectStatus(await admin("GET", `${A}/labels`), 200)

    // webhooks
    const hook = obj(
      expectStatus(
        await admin("POST", `${A}/webhooks`, { webhook: { url: "https://medusa.example/hooks/chatwoot/1", name: "Medusa", subscriptions: ["contact_created", "message_created", "inbox_updated"] } }),
        200
      )
    )
    const hookId = num(field(hook, "payload", "webhook", "id"))
    expectStatus(await admin("POST", `${A}/webhooks`, { url: "https://medusa.example/hooks/chatwoot/1", subscriptions: ["message_created"] }), 422)
    expectStatus(await admin("POST", `${A}/webhooks`, { url: "https://medusa.example/other", subscriptions: [] }), 422)
    expectStatus(await admin("GET", `${A}/webhooks`), 200)
    expectStatus(await admin("PATCH", `${A}/webhooks/${hookId}`, { webhook: { subscriptions: ["message_created"] } }), 200)
    expectStatus(await agent("GET", `${A}/webhooks`), 401)
    expectStatus(await admin("DELETE", `${A}/webhooks/${hookId}`), 200)

    // dashboard apps
    const app = obj(
      expectStatus(await admin("POST", `${A}/dashboard_apps`, { dashboard_app: { title: "Medusa orders", content: [{ type: "frame", url: "https://medusa.example/chatwoot/dashboard-app?k=s3cret" }] } }), 200)
    )
    expectStatus(await admin("POST", `${A}/dashboard_apps`, { dashboard_app: { title: "Bad", content: [{ type: "frame", url: "javascript:alert(1)" }] } }), 422)
    expectStatus(await agent("GET", `${A}/dashboard_apps`), 200)
    expectStatus(await admin("GET", `${A}/dashboard_apps/${num(app.id)}`), 200)
    expectStatus(await admin("PATCH", `${A}/dashboard_apps/${num(app.id)}`, { dashboard_app: { title: "Orders" } }), 200)
    expectStatus(await admin("DELETE", `${A}/dashboard_apps/${num(app.id)}`), 204)

    // contact merge + delete
    expectStatus(await admin("POST", `${A}/actions/contact_merge`, { base_contact_id: janeId, mergee_contact_id: guestId }), 200)
    const doomed = obj(expectStatus(await admin("POST", `${A}/contacts`, { name: "Doomed", email: "doomed@example.com" }), 200))
    expectStatus(await agent("DELETE", `${A}/contacts/${num(field(doomed, "payload", "contact", "id"))}`), 401)
    expectStatus(await admin("DELETE", `${A}/contacts/${num(field(doomed, "payload", "contact", "id"))}`), 200)

    // ---- public API (API inbox only)
    const P = `/public/api/v1/inboxes/${inboxIdentifier}`
    expectStatus(await anonymous("GET", P), 200)
    const visitor = obj(expectStatus(await anonymous("POST", `${P}/contacts`, { name: "Form visitor", email: "visitor@example.com", custom_attributes: { newsletter: true } }), 200))
    const sourceId = strv(visitor.source_id)
    expectStatus(await anonymous("GET", `${P}/contacts/${sourceId}`), 200)
    expectStatus(await anonymous("PATCH", `${P}/contacts/${sourceId}`, { name: "Form Visitor" }), 200)
    const publicConv = obj(expectStatus(await anonymous("POST", `${P}/contacts/${sourceId}/conversations`, { custom_attributes: { order_id: "order_9" } }), 200))
    const publicConvId = num(publicConv.id)
    expectStatus(await anonymous("POST", `${P}/contacts/${sourceId}/conversations/${publicConvId}/messages`, { content: "My parcel is late", echo_id: "e1" }), 200)
    sandbox.agentReply({ accountId, conversationId: publicConvId, content: "Sorry! Checking now." })
    expectStatus(await anonymous("GET", `${P}/contacts/${sourceId}/conversations/${publicConvId}/messages`), 200)
    expectStatus(await anonymous("GET", `${P}/contacts/${sourceId}/conversations`), 200)
    expectStatus(await anonymous("GET", `${P}/contacts/${sourceId}/conversations/${publicConvId}`), 200)
    expectStatus(await anonymous("POST", `${P}/contacts/${sourceId}/conversations/${publicConvId}/toggle_status`), 200)
    expectStatus(await anonymous("GET", `/public/api/v1/inboxes/${strv(widget.website_token)}`), 404)

    // ---- cleanup paths
    expectStatus(await admin("DELETE", `${A}/teams/${num(team.id)}`), 200)
    expectStatus(await admin("DELETE", `${A}/inboxes/${widgetId}`), 200)
    expectStatus(await platform("DELETE", `/platform/api/v1/accounts/${accountId}/account_users`, { user_id: num(agentUser.id) }), 200)
    expectStatus(await platform("PATCH", `/platform/api/v1/accounts/${accountId}`, { status: "suspended" }), 200)
    expectStatus(await admin("GET", `${A}/contacts`), 401)
    expectStatus(await platform("DELETE", `/platform/api/v1/users/${num(agentUser.id)}`), 200)
    expectStatus(await platform("DELETE", `/platform/api/v1/accounts/${accountId}`), 200)

    // ---- every exchange conforms
    const failures = validateExchanges(sandbox.requests, contract)
    if (failures.length) {
      throw new Error(`sandbox responses violate the spec:\n${formatFailures(failures)}`)
    }
    expect(failures).toEqual([])

    // ---- and the walk covered every operation the sandbox implements
    const covered = coveredOperations(sandbox.requests, contract)
    const expected = [
      "GET /api",
      "POST /platform/api/v1/accounts",
      "GET /platform/api/v1/accounts",
      "GET /platform/api/v1/accounts/{account_id}",
      "PATCH /platform/api/v1/accounts/{account_id}",
      "DELETE /platform/api/v1/accounts/{account_id}",
      "GET /platform/api/v1/accounts/{account_id}/account_users",
      "POST /platform/api/v1/accounts/{account_id}/account_users",
      "DELETE /platform/api/v1/accounts/{account_id}/account_users",
      "POST /platform/api/v1/users",
      "GET /platform/api/v1/users/{id}",
      "PATCH /platform/api/v1/users/{id}",
      "DELETE /platform/api/v1/users/{id}",
      "GET /platform/api/v1/users/{id}/login",
      "POST /platform/api/v1/users/{id}/token",
      "GET /api/v1/profile",
      "GET /api/v1/accounts/{account_id}",
      "GET /api/v1/accounts/{account_id}/agents",
      "GET /api/v1/accounts/{account_id}/inboxes",
      "POST /api/v1/accounts/{account_id}/inboxes",
      "GET /api/v1/accounts/{account_id}/inboxes/{id}",
      "PATCH /api/v1/accounts/{account_id}/inboxes/{id}",
      "DELETE /api/v1/accounts/{account_id}/inboxes/{id}",
      "GET /api/v1/accounts/{account_id}/custom_attribute_definitions",
      "POST /api/v1/accounts/{account_id}/custom_attribute_definitions",
      "GET /api/v1/accounts/{account_id}/custom_attribute_definitions/{id}",
      "PATCH /api/v1/accounts/{account_id}/custom_attribute_definitions/{id}",
      "DELETE /api/v1/accounts/{account_id}/custom_attribute_definitions/{id}",
      "GET /api/v1/accounts/{account_id}/contacts",
      "POST /api/v1/accounts/{account_id}/contacts",
      "GET /api/v1/accounts/{account_id}/contacts/search",
      "POST /api/v1/accounts/{account_id}/contacts/filter",
      "GET /api/v1/accounts/{account_id}/contacts/{id}",
      "PUT /api/v1/accounts/{account_id}/contacts/{id}",
      "PATCH /api/v1/accounts/{account_id}/contacts/{id}",
      "DELETE /api/v1/accounts/{account_id}/contacts/{id}",
      "GET /api/v1/accounts/{account_id}/contacts/{id}/conversations",
      "POST /api/v1/accounts/{account_id}/contacts/{id}/contact_inboxes",
      "POST /api/v1/accounts/{account_id}/actions/contact_merge",
      "GET /api/v1/accounts/{account_id}/conversations",
      "POST /api/v1/accounts/{account_id}/conversations",
      "GET /api/v1/accounts/{account_id}/conversations/{conversation_id}",
      "PATCH /api/v1/accounts/{account_id}/conversations/{conversation_id}",
      "POST /api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_status",
      "POST /api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_priority",
      "POST /api/v1/accounts/{account_id}/conversations/{conversation_id}/assignments",
      "GET /api/v1/accounts/{account_id}/conversations/{conversation_id}/labels",
      "POST /api/v1/accounts/{account_id}/conversations/{conversation_id}/labels",
      "POST /api/v1/accounts/{account_id}/conversations/{conversation_id}/custom_attributes",
      "GET /api/v1/accounts/{account_id}/conversations/{conversation_id}/messages",
      "POST /api/v1/accounts/{account_id}/conversations/{conversation_id}/messages",
      "GET /api/v1/accounts/{account_id}/teams",
      "POST /api/v1/accounts/{account_id}/teams",
      "GET /api/v1/accounts/{account_id}/teams/{team_id}",
      "PATCH /api/v1/accounts/{account_id}/teams/{team_id}",
      "DELETE /api/v1/accounts/{account_id}/teams/{team_id}",
      "GET /api/v1/accounts/{account_id}/labels",
      "POST /api/v1/accounts/{account_id}/labels",
      "GET /api/v1/accounts/{account_id}/webhooks",
      "POST /api/v1/accounts/{account_id}/webhooks",
      "PATCH /api/v1/accounts/{account_id}/webhooks/{webhook_id}",
      "DELETE /api/v1/accounts/{account_id}/webhooks/{webhook_id}",
      "GET /api/v1/accounts/{account_id}/dashboard_apps",
      "POST /api/v1/accounts/{account_id}/dashboard_apps",
      "GET /api/v1/accounts/{account_id}/dashboard_apps/{id}",
      "PATCH /api/v1/accounts/{account_id}/dashboard_apps/{id}",
      "DELETE /api/v1/accounts/{account_id}/dashboard_apps/{id}",
      "GET /public/api/v1/inboxes/{inbox_identifier}",
      "POST /public/api/v1/inboxes/{inbox_identifier}/contacts",
      "GET /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}",
      "PATCH /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}",
      "GET /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations",
      "POST /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations",
      "GET /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}",
      "POST /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/toggle_status",
      "GET /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/messages",
      "POST /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/messages",
    ]
    expect([...expected].filter((op) => !covered.has(op))).toEqual([])
    expect(sandbox.requests.length).toBeGreaterThan(expected.length)
  })
})
