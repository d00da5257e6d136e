/** KNOWN_GAPS: responses that differ. */
import type { KnownGap } from "./types"
import { ref, nullable, nullableString, A, contact } from "./shared"

export const RESPONSE_GAPS: KnownGap[] = [
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
]
