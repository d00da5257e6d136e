import { createHash, randomBytes } from "node:crypto"
import type { Context } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { ChatwootAccount, ChatwootAgent, ChatwootContact, ChatwootInbox, ChatwootStorefront, ChatwootSyncJob } from "./models"
import { CHATWOOT_OPTIONS } from "./loaders/options"
import { CHATWOOT_CLIENT } from "./loaders/client"
import type { ResolvedChatwootOptions } from "./options"
import type { AccountApi, ChatwootClient } from "./client"
import { SecretBox } from "./secrets"

type InjectedDependencies = {
  [CHATWOOT_OPTIONS]: ResolvedChatwootOptions
  [CHATWOOT_CLIENT]: ChatwootClient
}

/** What is encrypted at rest; each purpose is bound into its ciphertext. */
export type SecretPurpose = "access_token" | "webhook_secret" | "dashboard_app_secret" | "hmac_token" | "api_inbox_secret"

/**
 * The `chatwoot` module service: owns the plugin's tables, the Chatwoot
 * client and the encryption of stored secrets. Cross-module work (customers,
 * orders, sales channels) lives in workflows and routes.
 */
export default class ChatwootModuleService extends MedusaService({
  ChatwootAccount,
  ChatwootAgent,
  ChatwootContact,
  ChatwootInbox,
  ChatwootStorefront,
  ChatwootSyncJob,
}) {
  protected readonly options_: ResolvedChatwootOptions
  protected readonly client_: ChatwootClient
  protected readonly secrets_: SecretBox

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = container[CHATWOOT_OPTIONS]
    this.client_ = container[CHATWOOT_CLIENT]
    this.secrets_ = new SecretBox(this.options_.encryption_key, this.options_.previous_encryption_keys)
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

  encryptSecret(purpose: SecretPurpose, plaintext: string): string {
    return this.secrets_.encrypt(purpose, plaintext)
  }

  decryptSecret(purpose: SecretPurpose, stored: string): string {
    return this.secrets_.decrypt(purpose, stored)
  }

  /** The value re-encrypted with the current key when it was written with a previous one, else null. */
  reencryptIfStale(purpose: SecretPurpose, stored: string | null): string | null {
    if (!stored || !this.secrets_.needsRotation(stored)) return null
    return this.encryptSecret(purpose, this.decryptSecret(purpose, stored))
  }

  /**
   * Creates an account row together with the storefront row of its first
   * sales channel, in one transaction: a concurrent run for the same sales
   * channel fails on the storefront's unique index and leaves no account row.
   */
  @InjectTransactionManager()
  async createAccountForStorefront(
    data: {
      name: string
      locale: string
      mode: "provisioned" | "linked"
      created_by_plugin: boolean
      chatwoot_account_id: number | null
      access_token_encrypted: string | null
    },
    salesChannelId: string,
    @MedusaContext() sharedContext: Context = {}
  ) {
    const account = await this.createChatwootAccounts({ ...data, status: "provisioning" }, sharedContext)
    await this.createChatwootStorefronts({ sales_channel_id: salesChannelId, account_id: account.id }, sharedContext)
    return account
  }

  /** The Application API of a managed account, with its stored administrator token. */
  accountApi(account: { id: string; chatwoot_account_id: number | null; access_token_encrypted: string | null }): AccountApi {
    if (!account.chatwoot_account_id || !account.access_token_encrypted) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Chatwoot account ${account.id} has no Chatwoot id or access token yet: provision or link it first`
      )
    }
    return this.client_.account(
      account.chatwoot_account_id,
      this.decryptSecret("access_token", account.access_token_encrypted)
    )
  }

  /** A new dashboard-app secret: the plaintext (goes into the app URL) and its lookup hash. */
  newDashboardAppSecret() {
    const secret = randomBytes(32).toString("base64url")
    return { secret, hash: ChatwootModuleService.hashDashboardAppSecret(secret) }
  }

  static hashDashboardAppSecret(secret: string): string {
    return createHash("sha256").update(secret, "utf8").digest("hex")
  }

  /**
   * URL Chatwoot shows as the dashboard app. The secret is in the fragment:
   * browsers never send it to a server, so it stays out of access logs; the
   * page reads it and sends it with each data request.
   */
  dashboardAppUrl(secret: string): string {
    return `${this.options_.public_url}/chatwoot/dashboard-app#k=${secret}`
  }

  /** The account webhook URL Chatwoot posts to for this account. */
  webhookUrl(accountRowId: string): string {
    return `${this.options_.public_url}/hooks/chatwoot/${accountRowId}`
  }
}
