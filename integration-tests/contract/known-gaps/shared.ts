/** Schemas and constants shared by the KNOWN_GAPS entries. */
import type { JsonSchema } from "./types"
import { WEBHOOK_EVENTS as SANDBOX_WEBHOOK_EVENTS } from "../../sandbox/routes/account-webhooks"

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

/** Chatwoot's `Webhook::ALLOWED_WEBHOOK_EVENTS`, as the sandbox accepts them. */
export const WEBHOOK_EVENTS: string[] = [...SANDBOX_WEBHOOK_EVENTS]
