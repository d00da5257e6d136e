import { MedusaService } from "@medusajs/framework/utils"
import { ChatwootAccount, ChatwootInbox, ChatwootStorefront } from "./models"
import { CHATWOOT_OPTIONS } from "./loaders/options"
import { CHATWOOT_CLIENT } from "./loaders/client"
import type { ResolvedChatwootOptions } from "./options"
import type { ChatwootClient } from "./client"

type InjectedDependencies = {
  [CHATWOOT_OPTIONS]: ResolvedChatwootOptions
  [CHATWOOT_CLIENT]: ChatwootClient
}

/**
 * The `chatwoot` module service: owns the plugin's tables. Cross-module work
 * (customers, orders, sales channels) lives in workflows and routes.
 */
export default class ChatwootModuleService extends MedusaService({
  ChatwootAccount,
  ChatwootInbox,
  ChatwootStorefront,
}) {
  protected readonly options_: ResolvedChatwootOptions
  protected readonly client_: ChatwootClient

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = container[CHATWOOT_OPTIONS]
    this.client_ = container[CHATWOOT_CLIENT]
  }

  /**
   * The module's Chatwoot client (registered by the client loader): one rate
   * limiter and retry policy shared by every workflow, subscriber and route.
   */
  getClient(): ChatwootClient {
    return this.client_
  }

  /**
   * Validated plugin options with defaults filled in, without secrets.
   * Subscribers and workflows read options here: Medusa gives them none.
   */
  getPublicOptions() {
    const { encryption_key: _k, previous_encryption_keys: _p, platform_token, ...rest } = this.options_
    return { ...rest, platform_provisioning: Boolean(platform_token) }
  }
}
