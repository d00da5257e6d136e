import type { LoaderOptions } from "@medusajs/framework/types"
import { asValue } from "@medusajs/framework/awilix"
import { validateOptions, type ChatwootPluginOptions } from "../options"

export const CHATWOOT_OPTIONS = "chatwootOptions"

/**
 * Validates the plugin options when the module boots, so a bad configuration
 * stops Medusa with a message naming the option instead of failing later.
 */
export default async function optionsLoader({
  container,
  options,
}: LoaderOptions<ChatwootPluginOptions>) {
  container.register(CHATWOOT_OPTIONS, asValue(validateOptions(options)))
}
