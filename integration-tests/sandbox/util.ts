import { randomBytes, randomUUID } from "node:crypto"

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

/** Rails `has_secure_token` style: 24 base58 characters. */
export function secureToken(length = 24): string {
  const bytes = randomBytes(length)
  let out = ""
  for (let i = 0; i < length; i++) {
    out += BASE58[bytes[i] % BASE58.length]
  }
  return out
}

export function uuid(): string {
  return randomUUID()
}

export type JsonObject = Record<string, unknown>

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

/** Rails `wrap_parameters`: `{ webhook: {...} }` and a flat `{...}` body mean the same. */
export function unwrap(body: unknown, key: string): JsonObject {
  if (!isObject(body)) {
    return {}
  }
  const wrapped = body[key]
  return isObject(wrapped) ? wrapped : body
}

export function has(obj: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key)
}

export function str(value: unknown): string | undefined {
  if (typeof value === "string") {
    return value
  }
  if (typeof value === "number" || typeof value === "boolean") {
    return String(value)
  }
  return undefined
}

/** A string param where blank means null (Rails presence). */
export function nullableStr(value: unknown): string | null {
  const s = str(value)
  return s === undefined || s.trim() === "" ? null : s
}

export function int(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) {
    return value
  }
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) {
    return Number(value.trim())
  }
  return undefined
}

/** Rails boolean casting: true/"true"/"1"/1 → true, false/"false"/"0"/0 → false. */
export function bool(value: unknown): boolean | undefined {
  if (typeof value === "boolean") {
    return value
  }
  if (value === 1 || value === "1" || value === "true" || value === "t") {
    return true
  }
  if (value === 0 || value === "0" || value === "false" || value === "f") {
    return false
  }
  return undefined
}

export function obj(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined
}

export function deepMerge<T extends JsonObject>(base: T, patch: JsonObject): T {
  const out: JsonObject = { ...base }
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key]
    out[key] = isObject(current) && isObject(value) ? deepMerge(current, value) : value
  }
  return out as T
}

export function clone<T>(value: T): T {
  return structuredClone(value)
}

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

export const seconds = (ms: number): number => Math.floor(ms / 1000)
export const iso = (ms: number): string => new Date(ms).toISOString()

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
