/** The compiled OpenAPI contract: operations (spec + known gaps), request matching and validation. */
import { readFileSync } from "node:fs"
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020"
import addFormats from "ajv-formats"
import { KNOWN_GAPS, type JsonSchema, type KnownGap } from "../known-gaps"
import type { ContractExchange, ContractResult, ParamSpec, ResponseSpec, Operation } from "./types"
import { SPEC_ID, METHODS, type Json, type JsonObj, isObj, normaliseSchema, absolutiseRefs, unescapePointer, resolveLocalRef, templateSegments, formatErrors } from "./json-schema"

export class OpenApiContract {
  readonly operations: Operation[] = []
  private readonly ajv: Ajv2020
  private readonly paramAjv: Ajv2020
  private readonly cache = new Map<string, ValidateFunction>()
  private readonly errorSchema: JsonSchema | null

  constructor(rawSpec: unknown, gaps: KnownGap[] = KNOWN_GAPS) {
    if (!isObj(rawSpec as Json) || !isObj((rawSpec as JsonObj).paths)) {
      throw new Error("not an OpenAPI document (no paths)")
    }
    const spec = structuredClone(rawSpec) as JsonObj
    this.applySchemaGaps(spec, gaps)
    const normalised = normaliseSchema(spec) as JsonObj

    const makeAjv = (coerce: boolean) => {
      const ajv = new Ajv2020({ strict: false, allErrors: true, coerceTypes: coerce ? "array" : false, validateFormats: true })
      addFormats(ajv)
      ajv.addFormat("binary", true)
      ajv.addFormat("double", true)
      ajv.addSchema({ $id: SPEC_ID, components: normalised.components ?? {} })
      return ajv
    }
    this.ajv = makeAjv(false)
    this.paramAjv = makeAjv(true)

    this.loadOperations(normalised, gaps)
    const errorGap = gaps.find((g) => g.kind === "error-status")
    this.errorSchema = errorGap ? errorGap.schema : null
  }

  static fromFile(path: string, gaps: KnownGap[] = KNOWN_GAPS): OpenApiContract {
    return new OpenApiContract(JSON.parse(readFileSync(path, "utf8")), gaps)
  }

  private applySchemaGaps(spec: JsonObj, gaps: KnownGap[]): void {
    const schemas = isObj(spec.components) && isObj(spec.components.schemas) ? spec.components.schemas : null
    for (const gap of gaps) {
      if (gap.kind !== "schema") continue
      const parts = gap.pointer.split("/").filter(Boolean).map(unescapePointer)
      let node: Json = schemas
      for (const part of parts.slice(0, -1)) {
        node = isObj(node) ? node[part] : null
      }
      const last = parts[parts.length - 1]
      if (!isObj(node) || !(last in node)) {
        throw new Error(`known gap points at a missing schema: #/components/schemas${gap.pointer}`)
      }
      node[last] = gap.schema as Json
    }
  }

  private loadOperations(spec: JsonObj, gaps: KnownGap[]): void {
    const paths = spec.paths as JsonObj
    for (const [template, rawItem] of Object.entries(paths)) {
      const item = resolveLocalRef(spec, rawItem)
      if (!isObj(item)) continue
      const shared = Array.isArray(item.parameters) ? item.parameters : []
      for (const method of METHODS) {
        const op = item[method]
        if (!isObj(op)) continue
        const params = new Map<string, ParamSpec>()
        for (const raw of [...shared, ...(Array.isArray(op.parameters) ? op.parameters : [])]) {
          const p = resolveLocalRef(spec, raw)
          if (!isObj(p) || (p.in !== "path" && p.in !== "query") || typeof p.name !== "string") continue
          params.set(`${p.in}:${p.name}`, {
            name: p.name,
            in: p.in,
            required: p.required === true || p.in === "path",
            schema: (isObj(p.schema) ? p.schema : {}) as JsonSchema,
          })
        }
        const responses = new Map<string, ResponseSpec>()
        for (const [status, rawResponse] of Object.entries(isObj(op.responses) ? op.responses : {})) {
          const response = resolveLocalRef(spec, rawResponse)
          const content = isObj(response) && isObj(response.content) ? response.content : null
          const jsonContent = content ? (content["application/json"] ?? null) : null
          const schema = isObj(jsonContent) && isObj(jsonContent.schema) ? (jsonContent.schema as JsonSchema) : undefined
          responses.set(status.toUpperCase(), { schema })
        }
        let requestBody: Operation["requestBody"]
        const rb = resolveLocalRef(spec, op.requestBody ?? null)
        if (isObj(rb) && isObj(rb.content)) {
          const jsonContent = rb.content["application/json"]
          if (isObj(jsonContent) && isObj(jsonContent.schema)) {
            requestBody = { required: rb.required === true, schema: jsonContent.schema as JsonSchema }
          }
        }
        const upper = method.toUpperCase()
        this.operations.push({
          method: upper,
          template,
          segments: templateSegments(template),
          operationId: typeof op.operationId === "string" ? op.operationId : `${upper} ${template}`,
          params: [...params.values()],
          requestBody,
          responses,
          fromGap: false,
        })
      }
    }

    for (const gap of gaps) {
      if (gap.kind === "operation") {
        if (this.operations.some((o) => o.method === gap.method && o.template === gap.path)) {
          throw new Error(`known gap ${gap.method} ${gap.path} is in the spec now: remove it from known-gaps.ts`)
        }
        const params: ParamSpec[] = templateSegments(gap.path)
          .filter((s) => s.startsWith("{"))
          .map((s) => {
            const name = s.slice(1, -1)
            return { name, in: "path", required: true, schema: gap.pathParams?.[name] ?? { type: "integer" } }
          })
        this.operations.push({
          method: gap.method,
          template: gap.path,
          segments: templateSegments(gap.path),
          operationId: gap.operationId,
          params,
          requestBody: gap.requestBody ? { required: false, schema: gap.requestBody } : undefined,
          responses: new Map(
            Object.entries(gap.responses).map(([status, schema]) => [status, { schema: schema ?? undefined }])
          ),
          fromGap: true,
        })
        continue
      }
      if (gap.kind === "schema" || gap.kind === "error-status") continue
      const op = this.operations.find((o) => o.method === gap.method && o.template === gap.path)
      if (!op) {
        throw new Error(`known gap for ${gap.method} ${gap.path} matches no spec operation`)
      }
      if (gap.kind === "response") {
        op.responses.set(gap.status, { schema: gap.schema ?? undefined })
      } else if (gap.kind === "request") {
        op.requestBody = { required: op.requestBody?.required ?? true, schema: gap.schema }
      } else {
        const existing = op.params.find((p) => p.in === gap.in && p.name === gap.name)
        const spec: ParamSpec = { name: gap.name, in: gap.in, required: gap.required ?? existing?.required ?? false, schema: gap.schema }
        if (existing) Object.assign(existing, spec)
        else op.params.push(spec)
      }
    }
  }

  /** Match a concrete path (e.g. /api/v1/accounts/3/contacts/9) to an operation; literals win. */
  match(method: string, rawPath: string): Operation | null {
    const path = rawPath.startsWith("http") ? new URL(rawPath).pathname : rawPath.split("?")[0]
    const parts = path.split("/").filter(Boolean)
    let best: { op: Operation; literals: number } | null = null
    for (const op of this.operations) {
      if (op.method !== method.toUpperCase() || op.segments.length !== parts.length) continue
      let literals = 0
      let ok = true
      for (let i = 0; i < parts.length; i++) {
        const seg = op.segments[i]
        if (seg.startsWith("{") && seg.endsWith("}")) continue
        if (seg !== parts[i]) {
          ok = false
          break
        }
        literals++
      }
      if (ok && (!best || literals > best.literals)) best = { op, literals }
    }
    return best?.op ?? null
  }

  private compile(key: string, schema: JsonSchema, coerce = false): ValidateFunction {
    const cacheKey = `${coerce ? "c" : "s"}:${key}`
    let fn = this.cache.get(cacheKey)
    if (!fn) {
      const prepared = absolutiseRefs(normaliseSchema(schema as Json)) as JsonSchema
      fn = (coerce ? this.paramAjv : this.ajv).compile(prepared)
      this.cache.set(cacheKey, fn)
    }
    return fn
  }

  validate(exchange: ContractExchange): ContractResult {
    const method = exchange.method.toUpperCase()
    const path = exchange.path.startsWith("http") ? new URL(exchange.path).pathname : exchange.path.split("?")[0]
    const op = this.match(method, path)
    if (!op) {
      return {
        operationId: null,
        operation: null,
        errors: [`${method} ${path}: no operation in the OpenAPI spec (and none in known-gaps.ts)`],
      }
    }
    const name = `${op.method} ${op.template} (${op.operationId})`
    const errors: string[] = []
    const guard = (label: string, fn: () => void) => {
      try {
        fn()
      } catch (err) {
        errors.push(`${name}: ${label} schema failed to compile: ${(err as Error).message}`)
      }
    }

    // path params
    const parts = path.split("/").filter(Boolean)
    op.segments.forEach((seg, i) => {
      if (!seg.startsWith("{")) return
      const paramName = seg.slice(1, -1)
      const spec = op.params.find((p) => p.in === "path" && p.name === paramName)
      if (!spec) return
      guard(`path param ${paramName}`, () => {
        const holder = { value: decodeURIComponent(parts[i]) }
        const validateFn = this.compile(`${name}:path:${paramName}`, {
          type: "object",
          properties: { value: spec.schema },
        }, true)
        if (!validateFn(holder)) {
          errors.push(...formatErrors(`${name}: path param ${paramName}=${parts[i]}`, validateFn.errors, true))
        }
      })
    })

    // query params (Rails `key[]` arrays are matched to `key`)
    const query: Record<string, string | string[]> = {}
    for (const [k, v] of Object.entries(exchange.query ?? {})) {
      query[k.endsWith("[]") ? k.slice(0, -2) : k] = v
    }
    for (const spec of op.params.filter((p) => p.in === "query")) {
      const value = query[spec.name]
      if (value === undefined) {
        if (spec.required) errors.push(`${name}: query param ${spec.name} is required`)
        continue
      }
      guard(`query param ${spec.name}`, () => {
        const holder = { value: Array.isArray(value) ? [...value] : value }
        const validateFn = this.compile(`${name}:query:${spec.name}`, {
          type: "object",
          properties: { value: spec.schema },
        }, true)
        if (!validateFn(holder)) {
          errors.push(...formatErrors(`${name}: query param ${spec.name}=${JSON.stringify(value)}`, validateFn.errors, true))
        }
      })
    }

    // request body
    if (op.requestBody) {
      const requestBody = op.requestBody
      if (exchange.body === undefined) {
        if (requestBody.required) errors.push(`${name}: request body is required`)
      } else {
        guard("request body", () => {
          const validateFn = this.compile(`${name}:request`, requestBody.schema)
          if (!validateFn(exchange.body)) {
            errors.push(...formatErrors(`${name}: request body`, validateFn.errors))
          }
        })
      }
    }

    // response body for the status (exact, then 2XX-style range, then default)
    const status = String(exchange.status)
    const response =
      op.responses.get(status) ?? op.responses.get(`${status[0]}XX`) ?? op.responses.get("DEFAULT")
    if (response) {
      const schema = response.schema
      if (schema) {
        if (exchange.responseBody === undefined) {
          errors.push(`${name}: response ${status} has no JSON body but the spec defines one`)
        } else {
          guard(`response ${status}`, () => {
            const validateFn = this.compile(`${name}:response:${status}`, schema)
            if (!validateFn(exchange.responseBody)) {
              errors.push(...formatErrors(`${name}: response ${status}`, validateFn.errors))
            }
          })
        }
      }
    } else if (exchange.status >= 400 && this.errorSchema) {
      const errorSchema = this.errorSchema
      guard(`error response ${status}`, () => {
        const validateFn = this.compile("error-status", errorSchema)
        if (!validateFn(exchange.responseBody)) {
          errors.push(
            ...formatErrors(`${name}: undocumented ${status} response is not a Chatwoot error body`, validateFn.errors)
          )
        }
      })
    } else {
      const documented = [...op.responses.keys()].join(", ") || "none"
      errors.push(`${name}: response status ${status} is not documented (documented: ${documented})`)
    }

    return { operationId: op.operationId, operation: `${op.method} ${op.template}`, errors }
  }
}
