/** KNOWN_GAPS: request bodies that differ. */
import type { KnownGap } from "./types"
import { nullableString, A } from "./shared"

export const REQUEST_GAPS: KnownGap[] = [
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
]
