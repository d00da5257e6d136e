/** JSON values as Chatwoot stores them (custom attributes, content attributes, …). */
export type JsonObject = { [key: string]: JsonValue }
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject
