/** The kinds of entry in KNOWN_GAPS (../known-gaps.ts). */

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
