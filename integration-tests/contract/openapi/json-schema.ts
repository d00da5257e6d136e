/** JSON-schema helpers of the contract validator: OpenAPI 3.0 leftovers, $ref handling, path templates, ajv error text. */
import { type ErrorObject } from "ajv/dist/2020"

export const SPEC_ID = "https://chatwoot.sandbox/openapi.json"
export const METHODS = ["get", "post", "put", "patch", "delete"]

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json }
export type JsonObj = { [k: string]: Json }

export function isObj(v: unknown): v is JsonObj {
  return typeof v === "object" && v !== null && !Array.isArray(v)
}

/** `nullable: true` (OpenAPI 3.0) → a union with null; walks the whole document. */
export function normaliseSchema(node: Json): Json {
  if (Array.isArray(node)) {
    return node.map(normaliseSchema)
  }
  if (!isObj(node)) {
    return node
  }
  const out: JsonObj = {}
  for (const [k, v] of Object.entries(node)) {
    if (k === "discriminator" || k === "example" || k === "examples" || k === "xml" || k === "externalDocs") {
      continue
    }
    out[k] = normaliseSchema(v)
  }
  if (out.nullable === true) {
    delete out.nullable
    const type = out.type
    if (typeof type === "string") {
      out.type = [type, "null"]
      if (Array.isArray(out.enum) && !out.enum.includes(null)) {
        out.enum = [...out.enum, null]
      }
      return out
    }
    if (Array.isArray(type)) {
      if (!type.includes("null")) {
        out.type = [...type, "null"]
      }
      return out
    }
    return { anyOf: [{ type: "null" }, out] }
  }
  if (out.nullable === false) {
    delete out.nullable
  }
  return out
}

/** Make `#/components/...` refs absolute against the registered spec document. */
export function absolutiseRefs(node: Json): Json {
  if (Array.isArray(node)) return node.map(absolutiseRefs)
  if (!isObj(node)) return node
  const out: JsonObj = {}
  for (const [k, v] of Object.entries(node)) {
    out[k] = k === "$ref" && typeof v === "string" && v.startsWith("#/") ? `${SPEC_ID}${v}` : absolutiseRefs(v)
  }
  return out
}

export function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~")
}

export function resolveLocalRef(spec: JsonObj, value: Json): Json {
  if (isObj(value) && typeof value.$ref === "string" && value.$ref.startsWith("#/")) {
    let node: Json = spec
    for (const part of value.$ref.slice(2).split("/").map(unescapePointer)) {
      node = isObj(node) ? node[part] : null
    }
    return resolveLocalRef(spec, node)
  }
  return value
}

export function templateSegments(template: string): string[] {
  return template.split("/").filter(Boolean)
}

export function formatErrors(prefix: string, errors: ErrorObject[] | null | undefined, holder = false): string[] {
  return (errors ?? []).map((e) => {
    // parameters are validated wrapped as { value }: report paths relative to the value
    const path = holder ? e.instancePath.replace(/^\/value/, "") : e.instancePath
    const where = path === "" ? "(root)" : path
    const extra =
      e.keyword === "additionalProperties"
        ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})`
        : e.keyword === "enum"
          ? ` (${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)})`
          : ""
    return `${prefix} ${where} ${e.message ?? e.keyword}${extra} [schema ${e.schemaPath}]`
  })
}
