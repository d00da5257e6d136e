/**
 * Self-test of the OpenAPI contract validator: conforming exchanges pass, broken ones fail and name
 * the operation. Runs in the contract tier (TEST_TYPE=contract) with CHATWOOT_OPENAPI set.
 */
import type { RequestLogEntry } from "../sandbox"
import { describeContract, validateExchanges } from "./harness"
import { KNOWN_GAPS } from "./known-gaps"
import { normaliseSchema, OpenApiContract, type ContractExchange } from "./openapi"

const CONTACTS = "/api/v1/accounts/3/contacts"
const CREATE_CONTACT = "POST /api/v1/accounts/{account_id}/contacts (contactCreate)"

const contactJson = {
  additional_attributes: {},
  availability_status: "offline",
  email: "jane@example.com",
  id: 9,
  name: "Jane",
  phone_number: null,
  blocked: false,
  identifier: "cus_1",
  thumbnail: "",
  custom_attributes: {},
  created_at: 1781690400,
  contact_inboxes: [],
}

const createContact = (over: Partial<ContractExchange> = {}): ContractExchange => ({
  method: "POST",
  path: CONTACTS,
  body: { name: "Jane", email: "jane@example.com", identifier: "cus_1" },
  status: 200,
  responseBody: { payload: { contact: contactJson, contact_inbox: { inbox: null, source_id: null } } },
  ...over,
})

describeContract("OpenAPI contract validator (self-test)", (contract) => {
  it("passes a conforming contact create", () => {
    const result = contract.validate(createContact())
    expect(result).toEqual({
      operationId: "contactCreate",
      operation: "POST /api/v1/accounts/{account_id}/contacts",
      errors: [],
    })
  })

  it("fails a request body of the wrong type and names the operation", () => {
    const result = contract.validate(createContact({ body: { name: "Jane", email: 42 } }))
    expect(result.operationId).toBe("contactCreate")
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toContain(CREATE_CONTACT)
    expect(result.errors[0]).toContain("request body /email must be string,null")
  })

  it("fails a request body missing a required field", () => {
    const result = contract.validate({
      method: "POST",
      path: "/api/v1/accounts/3/conversations/7/toggle_status",
      body: { snoozed_until: 1 },
      status: 200,
      responseBody: { meta: {}, payload: { success: true, current_status: "open", conversation_id: 7 } },
    })
    expect(result.errors).toEqual([
      expect.stringMatching(
        /^POST \/api\/v1\/accounts\/\{account_id\}\/conversations\/\{conversation_id\}\/toggle_status \(toggle-status-of-a-conversation\): request body \(root\) must have required property 'status'/
      ),
    ])
  })

  it("fails an unknown operation", () => {
    const result = contract.validate({ method: "POST", path: "/api/v1/accounts/3/teleport", status: 200, responseBody: {} })
    expect(result.operationId).toBeNull()
    expect(result.errors).toEqual([
      "POST /api/v1/accounts/3/teleport: no operation in the OpenAPI spec (and none in known-gaps.ts)",
    ])
  })

  it("fails a response with a wrong type and names the operation", () => {
    const result = contract.validate({
      method: "GET",
      path: CONTACTS,
      status: 200,
      responseBody: { meta: { count: 1, current_page: 1 }, payload: [{ ...contactJson, id: "nine" }] },
    })
    expect(result.operationId).toBe("contactList")
    expect(result.errors).toEqual([
      expect.stringContaining("GET /api/v1/accounts/{account_id}/contacts (contactList): response 200 /payload/0/id must be integer"),
    ])
  })

  it("fails a response missing a required field", () => {
    const result = contract.validate({
      method: "GET",
      path: "/api/v1/accounts/3/webhooks",
      status: 200,
      responseBody: { payload: {} },
    })
    expect(result.errors).toEqual([
      expect.stringContaining(
        "GET /api/v1/accounts/{account_id}/webhooks (list-all-webhooks): response 200 /payload must have required property 'webhooks'"
      ),
    ])
  })

  it("fails an undocumented success status and an empty body where JSON is documented", () => {
    const undocumented = contract.validate({ method: "GET", path: `${CONTACTS}/9`, status: 201, responseBody: {} })
    expect(undocumented.errors).toEqual([
      expect.stringMatching(/contactDetails\): response status 201 is not documented \(documented: 200, 403, 404\)$/),
    ])
    const empty = contract.validate({ method: "GET", path: `${CONTACTS}/9`, status: 200, responseBody: undefined })
    expect(empty.errors).toEqual([expect.stringContaining("response 200 has no JSON body but the spec defines one")])
  })

  it("checks path and query parameters", () => {
    const path = contract.validate({
      method: "GET",
      path: "/api/v1/accounts/abc/contacts",
      status: 200,
      responseBody: { meta: { count: 0, current_page: 1 }, payload: [] },
    })
    expect(path.errors).toEqual([expect.stringContaining("(contactList): path param account_id=abc (root) must be integer")])

    const query = contract.validate({
      method: "GET",
      path: "/api/v1/accounts/3/conversations",
      query: { status: "bogus", page: "2" },
      status: 200,
      responseBody: { data: { meta: {}, payload: [] } },
    })
    expect(query.errors).toHaveLength(1)
    expect(query.errors[0]).toContain("(conversationList): query param status=\"bogus\"")
    expect(query.errors[0]).toContain("must be equal to one of the allowed values")
  })

  it("accepts Chatwoot error bodies on undocumented error statuses, and nothing else", () => {
    const taken = contract.validate(
      createContact({ status: 422, responseBody: { message: "Email has already been taken", attributes: ["email"] } })
    )
    expect(taken.errors).toEqual([])
    const garbage = contract.validate(createContact({ status: 422, responseBody: { oops: true } }))
    expect(garbage.errors[0]).toContain(`${CREATE_CONTACT}: undocumented 422 response is not a Chatwoot error body`)
  })

  it("prefers literal path segments over templates (search is not a contact id)", () => {
    expect(contract.match("GET", `${CONTACTS}/search`)?.operationId).toBe("contactSearch")
    expect(contract.match("GET", `${CONTACTS}/42`)?.operationId).toBe("contactDetails")
    expect(contract.match("GET", "http://127.0.0.1:3999/api/v1/profile")?.operationId).toBe("fetchProfile")
  })

  it("handles 3.1 nullability, OpenAPI 3.0 `nullable` and the discriminated channel oneOf", () => {
    const nullSecret = contract.validate({
      method: "POST",
      path: "/api/v1/accounts/3/webhooks",
      body: { url: "https://medusa.example/hooks/chatwoot/1", subscriptions: ["message_created"] },
      status: 200,
      responseBody: { payload: { webhook: { id: 1, url: "https://x.example", name: null, subscriptions: ["inbox_updated"], secret: null, account_id: 3 } } },
    })
    expect(nullSecret.errors).toEqual([])

    const inbox = (channel: Record<string, unknown>) =>
      contract.validate({
        method: "POST",
        path: "/api/v1/accounts/3/inboxes",
        body: { name: "Shop", channel },
        status: 200,
        responseBody: { id: 1, name: "Shop", channel_type: "Channel::Api", welcome_title: null },
      })
    expect(inbox({ type: "api", webhook_url: "https://medusa.example/api-inbox" }).errors).toEqual([])
    expect(inbox({ type: "web_widget", website_url: "https://shop.example" }).errors).toEqual([])
    const missingUrl = inbox({ type: "web_widget" })
    expect(missingUrl.errors.join("\n")).toContain("(inboxCreation): request body /channel must have required property 'website_url'")
  })

  it("matches known-gap operations and applies known-gap schemas", () => {
    expect(contract.match("GET", "/platform/api/v1/accounts")?.operationId).toBe("gap:list-platform-accounts")
    expect(contract.match("POST", "/platform/api/v1/users/5/token")?.operationId).toBe("gap:create-user-token")
    const deleted = contract.validate({
      method: "DELETE",
      path: "/api/v1/accounts/3/custom_attribute_definitions/4",
      status: 204,
    })
    expect(deleted.errors).toEqual([])
    const badDashboardApp = contract.validate({
      method: "POST",
      path: "/api/v1/accounts/3/dashboard_apps",
      body: { dashboard_app: { title: "Orders", content: [{ type: "frame", url: "https://m.example/app" }] } },
      status: 200,
      responseBody: { id: 1, title: "Orders", content: [{ type: "frame", url: "ftp://nope" }] },
    })
    expect(badDashboardApp.errors).toEqual([
      expect.stringContaining('(gap:dashboard-apps-create): response 200 /content/0/url must match pattern "^https?://"'),
    ])
  })

  it("every known gap has a reason and is still a gap", () => {
    for (const gap of KNOWN_GAPS) {
      expect(gap.reason.length).toBeGreaterThan(20)
    }
    // constructing the contract throws when an operation gap appears in the spec or a gap points nowhere
    expect(contract.operations.filter((o) => o.fromGap).map((o) => `${o.method} ${o.template}`)).toContain(
      "GET /platform/api/v1/accounts"
    )
  })

  it("validateExchanges skips injected faults and reports the rest with their log id", () => {
    const entry = (over: Partial<RequestLogEntry>): RequestLogEntry => ({
      id: 1,
      at: 0,
      method: "GET",
      path: `${CONTACTS}/9`,
      query: {},
      headers: {},
      body: undefined,
      rawBody: "",
      status: 200,
      responseBody: { payload: contactJson },
      durationMs: 1,
      ...over,
    })
    const failures = validateExchanges(
      [
        entry({ id: 1 }),
        entry({ id: 2, status: 429, responseBody: "Retry later\n", fault: "rate_limit" }),
        entry({ id: 3, status: 0, fault: "timeout" }),
        entry({ id: 4, status: 502, responseBody: "<html>", fault: "server_error" }),
        entry({ id: 5, responseBody: { payload: { ...contactJson, email: 5 } }, fault: "latency" }),
      ],
      contract
    )
    expect(failures).toHaveLength(1)
    expect(failures[0]).toMatchObject({ id: 5, operationId: "contactDetails", status: 200 })
    expect(failures[0].errors[0]).toContain("response 200 /payload/email must be string,null")
  })
})

describe("OpenAPI normalisation (no spec needed)", () => {
  it("rewrites OpenAPI 3.0 nullable into 3.1 unions", () => {
    expect(normaliseSchema({ type: "string", nullable: true, example: "x" })).toEqual({ type: ["string", "null"] })
    expect(normaliseSchema({ allOf: [{ $ref: "#/a" }], nullable: true })).toEqual({
      anyOf: [{ type: "null" }, { allOf: [{ $ref: "#/a" }] }],
    })
    expect(normaliseSchema({ type: "string", enum: ["a"], nullable: true })).toEqual({ type: ["string", "null"], enum: ["a", null] })
  })

  it("validates against a minimal spec with a default response", () => {
    const contract = new OpenApiContract(
      {
        openapi: "3.1.0",
        paths: {
          "/things/{id}": {
            get: {
              operationId: "getThing",
              parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
              responses: {
                "2XX": { content: { "application/json": { schema: { type: "object", required: ["id"] } } } },
                default: { content: { "application/json": { schema: { type: "object", required: ["error"] } } } },
              },
            },
          },
        },
        components: { schemas: {} },
      },
      []
    )
    expect(contract.validate({ method: "GET", path: "/things/1", status: 200, responseBody: { id: 1 } }).errors).toEqual([])
    expect(contract.validate({ method: "GET", path: "/things/1", status: 201, responseBody: {} }).errors).toEqual([
      expect.stringContaining("GET /things/{id} (getThing): response 201 (root) must have required property 'id'"),
    ])
    expect(contract.validate({ method: "GET", path: "/things/1", status: 500, responseBody: {} }).errors).toEqual([
      expect.stringContaining("GET /things/{id} (getThing): response 500 (root) must have required property 'error'"),
    ])
  })
})
