/** Application API: custom attribute definitions (`app/controllers/api/v1/accounts/custom_attribute_definitions_controller.rb`). */
import { requireAdmin, type RouteContext } from "../context"
import { empty, errors, json, type Router } from "../http"
import { customAttributeDefinitionJson } from "../serializers"
import type { AttributeDisplayType, AttributeModel, CustomAttributeDefinitionRecord } from "../types"
import { has, nullableStr, str, unwrap, type JsonObject } from "../util"
import { A, scope, scoped } from "./shared"
import { stringList } from "./account-webhooks"

const ATTRIBUTE_MODELS: AttributeModel[] = ["conversation_attribute", "contact_attribute", "company_attribute"]
const DISPLAY_TYPES: AttributeDisplayType[] = ["text", "number", "currency", "percent", "link", "date", "list", "checkbox"]
const STANDARD_ATTRIBUTES: Record<AttributeModel, string[]> = {
  contact_attribute: ["name", "email", "phone_number", "identifier", "country_code", "city", "created_at", "last_activity_at", "referer", "blocked", "labels", "company"],
  conversation_attribute: ["status", "priority", "assignee_id", "inbox_id", "team_id", "display_id", "campaign_id", "labels", "browser_language", "country_code", "referer", "created_at", "last_activity_at"],
  company_attribute: ["name", "domain", "description"],
}

/** Rails enums accept the name or the integer (the OpenAPI spec documents integers only). */
function enumValue<T extends string>(values: T[], raw: unknown): T | undefined {
  if (typeof raw === "number" && Number.isInteger(raw)) {
    return values[raw]
  }
  const s = str(raw)
  if (s === undefined) return undefined
  if (/^\d+$/.test(s)) return values[Number(s)]
  return (values as string[]).includes(s) ? (s as T) : undefined
}

function applyDefinitionFields(def: CustomAttributeDefinitionRecord, input: JsonObject): void {
  if (has(input, "attribute_display_name")) def.attribute_display_name = str(input.attribute_display_name) ?? ""
  if (has(input, "attribute_description")) def.attribute_description = nullableStr(input.attribute_description)
  if (has(input, "attribute_values")) def.attribute_values = stringList(input.attribute_values) ?? []
  if (has(input, "regex_pattern")) def.regex_pattern = nullableStr(input.regex_pattern)
  if (has(input, "regex_cue")) def.regex_cue = nullableStr(input.regex_cue)
  if (has(input, "default_value")) def.default_value = nullableStr(input.default_value)
  if (has(input, "attribute_display_type")) {
    const type = enumValue(DISPLAY_TYPES, input.attribute_display_type)
    if (!type) throw errors.unprocessable(`'${String(input.attribute_display_type)}' is not a valid attribute_display_type`)
    def.attribute_display_type = type
  }
}

function definitionProblems(ctx: RouteContext, def: CustomAttributeDefinitionRecord): Array<[string, string]> {
  const problems: Array<[string, string]> = []
  if (!def.attribute_display_name.trim()) problems.push(["attribute_display_name", "Attribute display name can't be blank"])
  if (!def.attribute_key) {
    problems.push(["attribute_key", "Attribute key can't be blank"])
  } else if (!/^[a-zA-Z0-9_.-]+$/.test(def.attribute_key)) {
    problems.push(["attribute_key", "Attribute key is invalid"])
  } else if (STANDARD_ATTRIBUTES[def.attribute_model].includes(def.attribute_key)) {
    problems.push(["attribute_key", "Attribute key cannot be same as standard attributes"])
  } else if (
    [...ctx.store.state.customAttributeDefinitions.values()].some(
      (d) =>
        d.account_id === def.account_id &&
        d.attribute_model === def.attribute_model &&
        d.attribute_key === def.attribute_key &&
        d.id !== def.id
    )
  ) {
    problems.push(["attribute_key", "Attribute key has already been taken"])
  }
  return problems
}

export function registerCustomAttributeRoutes(router: Router<RouteContext>): void {
  // ---- custom attribute definitions ----
  router.on("GET", `${A}/custom_attribute_definitions`, (ctx, params) => {
    const { account } = scope(ctx, params)
    const raw = ctx.req.query.attribute_model
    const model = raw === undefined ? "conversation_attribute" : enumValue(ATTRIBUTE_MODELS, raw)
    const defs = [...ctx.store.state.customAttributeDefinitions.values()].filter(
      (d) => d.account_id === account.id && d.attribute_model === model
    )
    return json(200, defs.map(customAttributeDefinitionJson))
  })

  router.on("POST", `${A}/custom_attribute_definitions`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const input = unwrap(ctx.req.body, "custom_attribute_definition")
    const model = has(input, "attribute_model") ? enumValue(ATTRIBUTE_MODELS, input.attribute_model) : "conversation_attribute"
    if (!model) {
      throw errors.unprocessable(`'${String(input.attribute_model)}' is not a valid attribute_model`)
    }
    const now = ctx.store.now()
    const def: CustomAttributeDefinitionRecord = {
      id: 0,
      account_id: s.account.id,
      attribute_display_name: "",
      attribute_display_type: "text",
      attribute_description: null,
      attribute_key: str(input.attribute_key) ?? "",
      attribute_model: model,
      attribute_values: [],
      regex_pattern: null,
      regex_cue: null,
      default_value: null,
      created_at: now,
      updated_at: now,
    }
    applyDefinitionFields(def, input)
    const problems = definitionProblems(ctx, def)
    if (problems.length) throw errors.invalid(problems)
    def.id = ctx.store.nextId("customAttributeDefinition")
    ctx.store.state.customAttributeDefinitions.set(def.id, def)
    return json(200, customAttributeDefinitionJson(def))
  })

  router.on("GET", `${A}/custom_attribute_definitions/:id`, (ctx, params) => {
    const { account } = scope(ctx, params)
    return json(200, customAttributeDefinitionJson(scoped(ctx.store.state.customAttributeDefinitions, account.id, params.id)))
  })

  router.on("PATCH", `${A}/custom_attribute_definitions/:id`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const def = scoped(ctx.store.state.customAttributeDefinitions, s.account.id, params.id)
    const draft = structuredClone(def)
    applyDefinitionFields(draft, unwrap(ctx.req.body, "custom_attribute_definition"))
    const problems = definitionProblems(ctx, draft)
    if (problems.length) throw errors.invalid(problems)
    Object.assign(def, draft, { updated_at: ctx.store.now() })
    return json(200, customAttributeDefinitionJson(def))
  })

  router.on("DELETE", `${A}/custom_attribute_definitions/:id`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const def = scoped(ctx.store.state.customAttributeDefinitions, s.account.id, params.id)
    ctx.store.state.customAttributeDefinitions.delete(def.id)
    return { status: 204, empty: true }
  })
}
