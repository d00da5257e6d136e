/** KNOWN_GAPS: parameters that differ. */
import type { KnownGap } from "./types"
import { A } from "./shared"

export const PARAMETER_GAPS: KnownGap[] = [
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
]
