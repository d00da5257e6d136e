/** KNOWN_GAPS: undocumented error statuses. */
import type { KnownGap } from "./types"

export const ERROR_STATUS_GAPS: KnownGap[] = [
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
