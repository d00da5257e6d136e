import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import { ChatwootApiError } from "../../../modules/chatwoot/client"
import { CUSTOM_ATTRIBUTE_DEFINITIONS } from "../../../modules/chatwoot/provisioning"
import type ChatwootModuleService from "../../../modules/chatwoot/service"

export const ensureCustomAttributesStepId = "chatwoot-ensure-custom-attributes"

/** Creates the commerce custom attribute definitions the account lacks. */
export const ensureCustomAttributesStep = createStep(
  ensureCustomAttributesStepId,
  async (input: { account_id: string }, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const api = chatwoot.accountApi(await chatwoot.retrieveChatwootAccount(input.account_id))
    const existing = new Set<string>()
    for (const model of ["contact_attribute", "conversation_attribute"] as const) {
      for (const d of await api.customAttributeDefinitions.list(model)) existing.add(`${model}:${d.attribute_key}`)
    }
    const created: string[] = []
    for (const definition of CUSTOM_ATTRIBUTE_DEFINITIONS) {
      if (existing.has(`${definition.attribute_model}:${definition.attribute_key}`)) continue
      try {
        await api.customAttributeDefinitions.create(definition)
        created.push(definition.attribute_key)
      } catch (error) {
        // 422 "already taken": created meanwhile (or listed late): that is the goal.
        if (!(error instanceof ChatwootApiError && error.status === 422)) throw error
      }
    }
    return new StepResponse({ created })
  }
)
