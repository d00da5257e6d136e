/** Schemas and constants shared by the KNOWN_GAPS entries. */
import type { JsonSchema } from "./types"

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` })
export const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [{ type: "null" }, schema] })
export const nullableString: JsonSchema = { type: ["string", "null"] }
export const nullableInteger: JsonSchema = { type: ["integer", "null"] }

export const A = "/api/v1/accounts/{account_id}"
export const idParam = { id: { type: "integer" } }

/** Contact JSON (`api/v1/models/_contact.json.jbuilder`), as `contact_list_item` describes it. */
export const contact = ref("contact_list_item")

export const dashboardApp: JsonSchema = {
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

export const dashboardAppPayload: JsonSchema = {
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

export const WEBHOOK_EVENTS = [
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
