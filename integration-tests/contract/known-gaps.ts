/**
 * The ONE list of places where Chatwoot v4.15.1's OpenAPI spec (swagger.json) and the running code
 * disagree — each entry with its reason, stating what the v4.15.1 source does where the spec
 * lags. The contract validator applies these and nothing else: an exchange
 * that needs a new exception must get a new entry here, with a reason.
 */

export type JsonSchema = Record<string, unknown>
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE"

/** An operation the code serves but the spec does not describe. */
export interface OperationGap {
  kind: "operation"
  method: HttpMethod
  /** OpenAPI path template */
  path: string
  operationId: string
  reason: string
  pathParams?: Record<string, JsonSchema>
  requestBody?: JsonSchema
  /** status → JSON schema of the body (null = any/empty body) */
  responses: Record<string, JsonSchema | null>
}

/** A documented operation whose response for a status differs from (or is missing in) the spec. */
export interface ResponseGap {
  kind: "response"
  method: HttpMethod
  path: string
  status: string
  reason: string
  /** null = any/empty body */
  schema: JsonSchema | null
}

/** A documented operation whose JSON request body schema is wrong. */
export interface RequestGap {
  kind: "request"
  method: HttpMethod
  path: string
  reason: string
  schema: JsonSchema
}

/** A documented parameter whose schema is wrong. */
export interface ParameterGap {
  kind: "parameter"
  method: HttpMethod
  path: string
  in: "path" | "query"
  name: string
  reason: string
  schema: JsonSchema
  required?: boolean
}

/** A component schema property (JSON pointer below #/components/schemas) that is wrong. */
export interface SchemaGap {
  kind: "schema"
  /** e.g. "/conversation/properties/status" */
  pointer: string
  reason: string
  schema: JsonSchema
}

/** Error statuses the spec does not list but every Chatwoot endpoint can answer. */
export interface ErrorStatusGap {
  kind: "error-status"
  reason: string
  schema: JsonSchema
}

export type KnownGap = OperationGap | ResponseGap | RequestGap | ParameterGap | SchemaGap | ErrorStatusGap

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` })
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [{ type: "null" }, schema] })
const nullableString: JsonSchema = { type: ["string", "null"] }
const nullableInteger: JsonSchema = { type: ["integer", "null"] }

const A = "/api/v1/accounts/{account_id}"
const idParam = { id: { type: "integer" } }

/** Contact JSON (`api/v1/models/_contact.json.jbuilder`), as `contact_list_item` describes it. */
const contact = ref("contact_list_item")

const dashboardApp: JsonSchema = {
  type: "object",
  required: ["id", "title", "content"],
  properties: {
    id: { type: "integer" },
    title: { type: "string" },
    content: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        required: ["type", "url"],
        properties: { type: { const: "frame" }, url: { type: "string", pattern: "^https?://" } },
      },
    },
    created_at: { type: "string" },
  },
}

const dashboardAppPayload: JsonSchema = {
  type: "object",
  properties: {
    dashboard_app: {
      type: "object",
      properties: {
        title: { type: "string" },
        content: { type: "array", items: { type: "object", properties: { type: { type: "string" }, url: { type: "string" } } } },
      },
    },
    title: { type: "string" },
    content: { type: "array" },
  },
}

const WEBHOOK_EVENTS = [
  "conversation_status_changed",
  "conversation_updated",
  "conversation_created",
  "contact_created",
  "contact_updated",
  "message_created",
  "message_updated",
  "webwidget_triggered",
  "inbox_created",
  "inbox_updated",
  "conversation_typing_on",
  "conversation_typing_off",
]

export const KNOWN_GAPS: KnownGap[] = [
  // ---------------------------------------------------------------- operations missing from the spec
  {
    kind: "operation",
    method: "GET",
    path: "/platform/api/v1/accounts",
    operationId: "gap:list-platform-accounts",
    reason: "GET /accounts lists the platform app's accounts; not in the OpenAPI spec",
    responses: { "200": { type: "array", items: ref("platform_account") } },
  },
  {
    kind: "operation",
    method: "POST",
    path: "/platform/api/v1/users/{id}/token",
    operationId: "gap:create-user-token",
    reason: "POST /users/{id}/token returns the user's access token; not in the OpenAPI spec",
    pathParams: idParam,
    responses: {
      "200": {
        type: "object",
        required: ["access_token", "user"],
        properties: {
          access_token: { type: "string" },
          expiry: { type: ["string", "null"] },
          user: {
            type: "object",
            required: ["id", "email"],
            properties: {
              id: { type: "integer" },
              name: { type: "string" },
              display_name: nullableString,
              email: { type: "string" },
              pubsub_token: { type: "string" },
            },
          },
        },
      },
    },
  },
  {
    kind: "operation",
    method: "PATCH",
    path: `${A}/contacts/{id}`,
    operationId: "gap:contact-patch",
    reason: "routes are GET/PATCH|PUT/DELETE /contacts/{id}; the spec documents PUT only (PATCH = PUT)",
    pathParams: idParam,
    requestBody: ref("contact_update_payload"),
    responses: { "200": { type: "object", required: ["payload"], properties: { payload: contact } } },
  },
  {
    kind: "operation",
    method: "DELETE",
    path: `${A}/inboxes/{id}`,
    operationId: "gap:inbox-delete",
    reason: "GET/PATCH/DELETE /inboxes/{id}; the spec has no DELETE",
    pathParams: idParam,
    responses: { "200": null },
  },
  {
    kind: "operation",
    method: "GET",
    path: `${A}/dashboard_apps`,
    operationId: "gap:dashboard-apps-list",
    reason: "dashboard apps are not in the OpenAPI spec; index = bare array",
    responses: { "200": { type: "array", items: dashboardApp } },
  },
  {
    kind: "operation",
    method: "POST",
    path: `${A}/dashboard_apps`,
    operationId: "gap:dashboard-apps-create",
    reason: "dashboard apps are not in the OpenAPI spec",
    requestBody: dashboardAppPayload,
    responses: { "200": dashboardApp },
  },
  {
    kind: "operation",
    method: "GET",
    path: `${A}/dashboard_apps/{id}`,
    operationId: "gap:dashboard-apps-show",
    reason: "dashboard apps are not in the OpenAPI spec",
    pathParams: idParam,
    responses: { "200": dashboardApp },
  },
  {
    kind: "operation",
    method: "PATCH",
    path: `${A}/dashboard_apps/{id}`,
    operationId: "gap:dashboard-apps-update",
    reason: "dashboard apps are not in the OpenAPI spec",
    pathParams: idParam,
    requestBody: dashboardAppPayload,
    responses: { "200": dashboardApp },
  },
  {
    kind: "operation",
    method: "DELETE",
    path: `${A}/dashboard_apps/{id}`,
    operationId: "gap:dashboard-apps-delete",
    reason: "dashboard apps are not in the OpenAPI spec; destroy answers 204",
    pathParams: idParam,
    responses: { "204": null },
  },
  {
    kind: "operation",
    method: "GET",
    path: "/api",
    operationId: "gap:installation-version",
    reason: "GET /api (no auth) reports the version for feature detection; not in the spec",
    responses: {
      "200": {
        type: "object",
        required: ["version"],
        properties: { version: { type: "string" }, timestamp: { type: "string" } },
      },
    },
  },

  // ---------------------------------------------------------------- responses that differ
  {
    kind: "response",
    method: "POST",
    path: `${A}/contacts`,
    status: "200",
    reason:
      "create → { payload: { contact, contact_inbox: { inbox, source_id } } }; the spec's extended_contact has payload as an array",
    schema: {
      type: "object",
      required: ["payload"],
      properties: {
        payload: {
          type: "object",
          required: ["contact"],
          properties: {
            contact,
            contact_inbox: {
              type: "object",
              properties: { inbox: { type: ["object", "null"] }, source_id: nullableString },
            },
          },
        },
      },
    },
  },
  {
    kind: "response",
    method: "PUT",
    path: `${A}/contacts/{id}`,
    status: "200",
    reason: "show/update → 200 { payload: contact }; the spec says 204 with a bare contact",
    schema: { type: "object", required: ["payload"], properties: { payload: contact } },
  },
  {
    kind: "response",
    method: "DELETE",
    path: `${A}/custom_attribute_definitions/{id}`,
    status: "204",
    reason: "custom attribute definitions answer destroy with 204; the spec says 200",
    schema: null,
  },
  {
    kind: "response",
    method: "GET",
    path: `${A}/webhooks`,
    status: "200",
    reason: "GET /webhooks → { payload: { webhooks: [...] } }; the spec says a bare array",
    schema: {
      type: "object",
      required: ["payload"],
      properties: {
        payload: {
          type: "object",
          required: ["webhooks"],
          properties: { webhooks: { type: "array", items: ref("webhook") } },
        },
      },
    },
  },
  {
    kind: "response",
    method: "POST",
    path: `${A}/webhooks`,
    status: "200",
    reason: "POST /webhooks → { payload: { webhook } }; the spec says a bare webhook",
    schema: {
      type: "object",
      required: ["payload"],
      properties: { payload: { type: "object", required: ["webhook"], properties: { webhook: ref("webhook") } } },
    },
  },
  {
    kind: "response",
    method: "PATCH",
    path: `${A}/webhooks/{webhook_id}`,
    status: "200",
    reason: "PATCH /webhooks/{id} → { payload: { webhook } }; the spec says a bare webhook",
    schema: {
      type: "object",
      required: ["payload"],
      properties: { payload: { type: "object", required: ["webhook"], properties: { webhook: ref("webhook") } } },
    },
  },
  {
    kind: "response",
    method: "POST",
    path: `${A}/conversations/{conversation_id}/assignments`,
    status: "200",
    reason:
      "assignments answer agent JSON, team JSON (team_id) or null (unassign); the spec says user only",
    schema: { anyOf: [{ type: "null" }, ref("agent"), ref("team")] },
  },
  {
    kind: "response",
    method: "GET",
    path: `${A}/conversations/{conversation_id}/messages`,
    status: "200",
    reason:
      "messages index meta: assignee is null when unassigned and contact is the raw contact record (jbuilder `json.assignee @conversation.assignee`); the spec's agent/contact refs are not nullable",
    schema: {
      type: "object",
      properties: {
        meta: {
          type: "object",
          properties: {
            labels: { type: "array", items: { type: "string" } },
            additional_attributes: { type: "object" },
            contact: { type: ["object", "null"], properties: { id: { type: "integer" }, email: nullableString, identifier: nullableString } },
            assignee: nullable(ref("agent")),
            agent_last_seen_at: { type: ["string", "null"], format: "date-time" },
            assignee_last_seen_at: { type: ["string", "null"], format: "date-time" },
          },
        },
        payload: { type: "array", items: ref("message") },
      },
    },
  },

  // ---------------------------------------------------------------- request bodies that differ
  {
    kind: "request",
    method: "POST",
    path: `${A}/contacts`,
    reason:
      "inbox_id (+ source_id) is optional on create (it only adds a contact_inbox); the spec requires inbox_id. E-mail/phone/identifier may be null.",
    schema: {
      type: "object",
      properties: {
        inbox_id: { type: "number" },
        source_id: { type: "string" },
        name: { type: "string" },
        email: nullableString,
        blocked: { type: "boolean" },
        phone_number: nullableString,
        avatar_url: { type: "string" },
        identifier: nullableString,
        additional_attributes: { type: "object" },
        custom_attributes: { type: "object" },
      },
    },
  },
  {
    kind: "request",
    method: "POST",
    path: `${A}/conversations`,
    reason:
      "give inbox_id + contact_id (contact_inbox found or created), or a source_id; the spec requires source_id",
    schema: {
      type: "object",
      anyOf: [{ required: ["source_id"] }, { required: ["inbox_id", "contact_id"] }],
      properties: {
        source_id: { type: "string" },
        inbox_id: { type: "integer" },
        contact_id: { type: "integer" },
        additional_attributes: { type: "object" },
        custom_attributes: { type: "object" },
        status: { type: "string", enum: ["open", "resolved", "pending", "snoozed"] },
        assignee_id: { type: "integer" },
        team_id: { type: "integer" },
        snoozed_until: { type: ["string", "integer"] },
        message: { type: "object", required: ["content"], properties: { content: { type: "string" } } },
      },
    },
  },
  {
    kind: "request",
    method: "POST",
    path: `${A}/conversations/{conversation_id}/toggle_priority`,
    reason: "priority is urgent|high|medium|low|null (null clears); the spec allows 'none' only",
    schema: {
      type: "object",
      required: ["priority"],
      properties: { priority: { enum: ["urgent", "high", "medium", "low", "none", null] } },
    },
  },
  {
    kind: "request",
    method: "PATCH",
    path: `${A}/conversations/{conversation_id}`,
    reason: "PATCH accepts priority (null clears); the spec allows 'none' only",
    schema: {
      type: "object",
      properties: {
        priority: { enum: ["urgent", "high", "medium", "low", "none", null] },
        sla_policy_id: { type: "number" },
      },
    },
  },
  {
    kind: "request",
    method: "POST",
    path: `${A}/contacts/filter`,
    reason:
      "the last condition has query_operator null, and operators include is_present, is_not_present, is_greater_than, is_less_than, days_before, starts_with; the spec enumerates four operators and no null",
    schema: {
      type: "object",
      required: ["payload"],
      properties: {
        payload: {
          type: "array",
          items: {
            type: "object",
            required: ["attribute_key", "filter_operator"],
            properties: {
              attribute_key: { type: "string" },
              filter_operator: {
                type: "string",
                enum: [
                  "equal_to",
                  "not_equal_to",
                  "contains",
                  "does_not_contain",
                  "is_present",
                  "is_not_present",
                  "is_greater_than",
                  "is_less_than",
                  "days_before",
                  "starts_with",
                ],
              },
              values: { type: "array" },
              query_operator: { enum: ["AND", "OR", "and", "or", null] },
              custom_attribute_type: { type: "string" },
            },
          },
        },
      },
    },
  },

  {
    kind: "request",
    method: "POST",
    path: `${A}/conversations/{conversation_id}/assignments`,
    reason:
      "assignee_id null unassigns (the controller finds no user and answers null); assignee_type AgentBot assigns a bot; the spec allows numbers only",
    schema: {
      type: "object",
      properties: {
        assignee_id: { type: ["number", "null"] },
        assignee_type: { type: "string", enum: ["User", "AgentBot"] },
        team_id: { type: ["number", "null"] },
      },
    },
  },

  // ---------------------------------------------------------------- parameters that differ
  {
    kind: "parameter",
    method: "GET",
    path: `${A}/custom_attribute_definitions`,
    in: "query",
    name: "attribute_model",
    required: false,
    reason:
      "attribute_model=contact_attribute|conversation_attribute|company_attribute (Rails enum names; integers also work); the spec allows '0'/'1' only and marks it required",
    schema: {
      type: "string",
      enum: ["conversation_attribute", "contact_attribute", "company_attribute", "0", "1", "2"],
    },
  },

  // ---------------------------------------------------------------- component schemas that lag the code
  {
    kind: "schema",
    pointer: "/conversation/properties/status",
    reason: "conversation status can be snoozed; the spec enum omits it",
    schema: { type: "string", enum: ["open", "resolved", "pending", "snoozed"] },
  },
  {
    kind: "schema",
    pointer: "/webhook/properties/subscriptions",
    reason: "ALLOWED_WEBHOOK_EVENTS includes inbox_created/inbox_updated; the OpenAPI enum omits them",
    schema: { type: "array", items: { type: "string", enum: WEBHOOK_EVENTS } },
  },
  {
    kind: "schema",
    pointer: "/webhook_create_update_payload/properties/subscriptions",
    reason: "ALLOWED_WEBHOOK_EVENTS includes inbox_created/inbox_updated; the OpenAPI enum omits them",
    schema: { type: "array", items: { type: "string", enum: WEBHOOK_EVENTS } },
  },
  {
    kind: "schema",
    pointer: "/webhook/properties/name",
    reason: "webhook name is optional (the webhook's `name` is optional in `app/models/webhook.rb`), so the JSON carries null when unset",
    schema: nullableString,
  },
  {
    kind: "schema",
    pointer: "/custom_attribute_create_update_payload/properties/attribute_display_type",
    reason: "attribute_display_type is sent by name (text, number, …); Rails enums also take the integer the spec documents",
    schema: {
      anyOf: [
        { type: "integer", minimum: 0, maximum: 7 },
        { type: "string", enum: ["text", "number", "currency", "percent", "link", "date", "list", "checkbox"] },
      ],
    },
  },
  {
    kind: "schema",
    pointer: "/custom_attribute_create_update_payload/properties/attribute_model",
    reason: "attribute_model is sent by name; Rails enums also take the integer the spec documents",
    schema: {
      anyOf: [
        { type: "integer", minimum: 0, maximum: 2 },
        { type: "string", enum: ["conversation_attribute", "contact_attribute", "company_attribute"] },
      ],
    },
  },
  {
    kind: "schema",
    pointer: "/custom_attribute/properties/attribute_values",
    reason: "attribute_values is an array (jsonb, default []); the spec says string",
    schema: { type: "array", items: { type: "string" } },
  },
  {
    kind: "schema",
    pointer: "/custom_attribute/properties/attribute_description",
    reason: "nullable column: null when no description was given",
    schema: nullableString,
  },
  {
    kind: "schema",
    pointer: "/custom_attribute/properties/regex_pattern",
    reason: "nullable column: null unless a regex was given",
    schema: nullableString,
  },
  {
    kind: "schema",
    pointer: "/custom_attribute/properties/regex_cue",
    reason: "nullable column: null unless a regex cue was given",
    schema: nullableString,
  },
  {
    kind: "schema",
    pointer: "/custom_attribute/properties/default_value",
    reason: "nullable column: null unless a default was given",
    schema: nullableString,
  },
  {
    kind: "schema",
    pointer: "/label/properties/description",
    reason: "labels.description is a nullable column: null when no description was given (team.description is already nullable)",
    schema: nullableString,
  },
  {
    kind: "schema",
    pointer: "/inbox_contact/properties/provider",
    reason: "slim inbox JSON renders `channel.try(:provider)`, null for web-widget and API channels (contact_inbox already allows null)",
    schema: nullableString,
  },
  {
    kind: "schema",
    pointer: "/public_inbox/properties/working_hours",
    reason:
      "closed days have null open/close hours (the default rows for Sat/Sun); the public inbox schema says integer",
    schema: {
      type: "array",
      items: {
        type: "object",
        properties: {
          day_of_week: { type: "integer" },
          open_all_day: { type: "boolean" },
          closed_all_day: { type: "boolean" },
          open_hour: nullableInteger,
          open_minutes: nullableInteger,
          close_hour: nullableInteger,
          close_minutes: nullableInteger,
        },
      },
    },
  },

  // ---------------------------------------------------------------- undocumented error statuses
  {
    kind: "error-status",
    reason:
      "every endpoint can answer 401/404/422 (RequestExceptionHandler), 402 (limits), 400/500 (Rails defaults); the spec lists few of them. Undocumented 4xx/5xx must still carry one of Chatwoot's error bodies.",
    schema: {
      anyOf: [
        {
          type: "object",
          required: ["message", "attributes"],
          properties: { message: { type: "string" }, attributes: { type: "array", items: { type: "string" } } },
        },
        { type: "object", required: ["error"], properties: { error: { type: "string" } } },
        { type: "object", required: ["errors"], properties: { errors: { type: "array", items: { type: "string" } } } },
      ],
    },
  },
]
