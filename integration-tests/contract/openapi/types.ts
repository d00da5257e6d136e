/** What the contract validator takes and answers, and the operations it compiles from the spec. */
import { type JsonSchema } from "../known-gaps"

export interface ContractExchange {
  method: string
  /** concrete path, no query string; may also be a full URL */
  path: string
  query?: Record<string, string | string[]>
  /** parsed JSON request body (undefined = none) */
  body?: unknown
  status: number
  /** parsed JSON response body (undefined = empty) */
  responseBody?: unknown
}

export interface ContractResult {
  /** null when no operation matched */
  operationId: string | null
  /** "METHOD /template" of the matched operation */
  operation: string | null
  errors: string[]
}

type ParamIn = "path" | "query"

export interface ParamSpec {
  name: string
  in: ParamIn
  required: boolean
  schema: JsonSchema
}

export interface ResponseSpec {
  /** undefined = the status is documented without a JSON body: any body is accepted */
  schema?: JsonSchema
}

export interface Operation {
  method: string
  template: string
  segments: string[]
  operationId: string
  params: ParamSpec[]
  requestBody?: { required: boolean; schema: JsonSchema }
  responses: Map<string, ResponseSpec>
  fromGap: boolean
}
