/** KNOWN_GAPS: component schemas that lag the code. */
import type { KnownGap } from "./types"
import { nullable, nullableString, nullableInteger, WEBHOOK_EVENTS } from "./shared"

export const SCHEMA_GAPS: KnownGap[] = [
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
]
