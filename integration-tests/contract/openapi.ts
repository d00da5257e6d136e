/**
 * OpenAPI 3.1 contract validator for Chatwoot exchanges.
 *
 * Loads the spec from CHATWOOT_OPENAPI, applies known-gaps.ts, compiles JSON schemas with ajv
 * (2020-12 dialect, ajv-formats), matches a concrete request (method + path) to its operation by
 * path templating (servers ignored) and validates path params, query params, the JSON request
 * body and the JSON response body for the status.
 *
 * OpenAPI quirks handled: 3.0-style `nullable: true` left in the 3.1 spec (rewritten to a union
 * with null), `example`/`discriminator`/`xml` keywords (ignored; the discriminated `oneOf` still
 * validates because each branch pins `type`), `format: binary|double` (accepted), `$ref` to
 * components (resolved through one registered schema document).
 */
import type { ContractExchange, ContractResult } from "./openapi/types"
import { OpenApiContract } from "./openapi/contract"

export { type ContractExchange, type ContractResult } from "./openapi/types"
export { normaliseSchema } from "./openapi/json-schema"
export { OpenApiContract } from "./openapi/contract"

let cached: { path: string; contract: OpenApiContract } | null = null

/** The contract for CHATWOOT_OPENAPI (a path to swagger.json), or null when the variable is unset. */
export function loadContract(): OpenApiContract | null {
  const path = process.env.CHATWOOT_OPENAPI
  if (!path) return null
  if (!cached || cached.path !== path) {
    cached = { path, contract: OpenApiContract.fromFile(path) }
  }
  return cached.contract
}

/** Validate one exchange against the CHATWOOT_OPENAPI spec; null when the variable is unset. */
export function validateExchange(exchange: ContractExchange): ContractResult | null {
  const contract = loadContract()
  return contract ? contract.validate(exchange) : null
}
