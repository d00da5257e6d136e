/**
 * The ONE list of places where Chatwoot v4.15.1's OpenAPI spec (swagger.json) and the running code
 * disagree — each entry with its reason, stating what the v4.15.1 source does where the spec
 * lags. The contract validator applies these and nothing else: an exchange
 * that needs a new exception must get a new entry here, with a reason.
 */
import type { KnownGap } from "./known-gaps/types"
import { OPERATION_GAPS } from "./known-gaps/operations"
import { RESPONSE_GAPS } from "./known-gaps/responses"
import { REQUEST_GAPS } from "./known-gaps/requests"
import { PARAMETER_GAPS } from "./known-gaps/parameters"
import { SCHEMA_GAPS } from "./known-gaps/schemas"
import { ERROR_STATUS_GAPS } from "./known-gaps/error-statuses"

export type { JsonSchema, HttpMethod, OperationGap, ResponseGap, RequestGap, ParameterGap, SchemaGap, ErrorStatusGap, KnownGap } from "./known-gaps/types"

export const KNOWN_GAPS: KnownGap[] = [
  ...OPERATION_GAPS,
  ...RESPONSE_GAPS,
  ...REQUEST_GAPS,
  ...PARAMETER_GAPS,
  ...SCHEMA_GAPS,
  ...ERROR_STATUS_GAPS,
]
