import { createHash, createHmac, randomBytes } from "node:crypto"
import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import {
  ChatwootAccount, ChatwootAgent, ChatwootBackfill, ChatwootContact, ChatwootConversation, ChatwootInbox,
  ChatwootRateLimit, ChatwootStorefront, ChatwootSyncJob, ChatwootWebhookDelivery, ChatwootContactChange, ChatwootErasure,
} from "./models"
import { CHATWOOT_OPTIONS } from "./loaders/options"
import { CHATWOOT_CLIENT } from "./loaders/client"
import type { ResolvedChatwootOptions } from "./options"
import type { AccountApi, ChatwootClient } from "./client"
import { derivedKey, SecretBox, type SecretPurpose } from "./secrets"
import type { EnqueueSyncJobInput } from "./sync-queue"
import { WebhookAuthCache, type WebhookAuth, type WebhookAuthSettings } from "./webhooks/auth-cache"
import { WebhookRefusalBuffer } from "./webhooks/refusals"
import { managerOf, type EntityManager } from "./store/manager"
import * as syncQueue from "./store/sync-queue"
import type { FailSyncJobOptions } from "./store/sync-queue"
import * as erasure from "./store/erasure"
import * as deliveries from "./store/webhook-deliveries"
import * as mirror from "./store/conversation-mirror"
import * as stats from "./store/stats"
import { upsertContactChange, type ContactChangeInput } from "./store/contact-changes"
import { advanceBackfill, backfillOpenSubjects, type AdvanceBackfillInput } from "./store/backfill"

/** The context of a decorated method: `@InjectManager` / `@InjectTransactionManager` put the manager in it. */
type Ctx = Context<EntityManager>

// types other code imports from the service
export type { WebhookAuth, WebhookAuthSettings } from "./webhooks/auth-cache"
export type { ConversationMirrorInput } from "./store/conversation-mirror"

type InjectedDependencies = {
  [CHATWOOT_OPTIONS]: ResolvedChatwootOptions
  [CHATWOOT_CLIENT]: ChatwootClient
}

export type { SecretPurpose } from "./secrets"

/**
 * The `chatwoot` module service: owns the plugin's tables, the Chatwoot
 * client and the encryption of stored secrets. Cross-module work (customers,
 * orders, sales channels) lives in workflows and routes.
 */
export default class ChatwootModuleService extends MedusaService({
  ChatwootAccount, ChatwootAgent, ChatwootContact, ChatwootConversation, ChatwootInbox, ChatwootStorefront,
  ChatwootSyncJob, ChatwootWebhookDelivery, ChatwootContactChange, ChatwootBackfill, ChatwootRateLimit, ChatwootErasure,
}) {
  protected readonly options_: ResolvedChatwootOptions
  protected readonly client_: ChatwootClient
  protected readonly secrets_: SecretBox
  /** Key of the erase tombstone's hashes (derived from `encryption_key`, separate from the encryption key). */
  protected readonly erasureKey_: Buffer
  private readonly webhookAuthCache_ = new WebhookAuthCache()
  private readonly webhookRefusals_ = new WebhookRefusalBuffer()

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = container[CHATWOOT_OPTIONS]
    this.client_ = container[CHATWOOT_CLIENT]
    this.secrets_ = new SecretBox(this.options_.encryption_key, this.options_.previous_encryption_keys)
    this.erasureKey_ = derivedKey(this.options_.encryption_key, "erasure-tombstone-v1")
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
    return this.client_.account(account.chatwoot_account_id, this.decryptSecret("access_token", account.access_token_encrypted))
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

  /**
   * Keyed hash of an erased subject or e-mail (HMAC-SHA256, key derived from
   * `encryption_key`): what an erase tombstone stores instead of the value.
   * E-mails are trimmed and lower-cased first.
   */
  erasureHash(value: string): string {
    return createHmac("sha256", this.erasureKey_).update(value.trim().toLowerCase(), "utf8").digest("hex")
  }

  /**
   * What the webhook receiver needs to verify a delivery for an account row:
   * its signing secret and, when the account opted into it (Chatwoot < 4.12),
   * its URL token. Cached for a few seconds, unknown accounts too
   * (webhooks/auth-cache.ts). Null: no such account.
   */
  async webhookAuth(accountRowId: string, nowMs: number = Date.now()): Promise<WebhookAuth | null> {
    return this.webhookAuthCache_.get(accountRowId, nowMs, async () => {
      const select = ["id", "status", "webhook_secret_encrypted", "settings"]
      const [account] = await this.listChatwootAccounts({ id: accountRowId }, { select })
      if (!account) return null
      const settings = (account.settings ?? {}) as WebhookAuthSettings
      return {
        account_id: account.id,
        status: account.status,
        secret: account.webhook_secret_encrypted ? this.decryptSecret("webhook_secret", account.webhook_secret_encrypted) : null,
        url_token:
          settings.webhook_auth === "url_token" && settings.webhook_url_token_nonce
            ? this.webhookUrlToken(account.id, settings.webhook_url_token_nonce)
            : null,
      }
    })
  }

  /**
   * The URL token of an account that opted into it (Chatwoot < 4.12 signs
   * nothing): derived from `encryption_key`, the account and a random nonce
   * kept in the account's settings, so no secret is stored. Turning the
   * option off and on again (new nonce) rotates it.
   */
  webhookUrlToken(accountRowId: string, nonce: string): string {
    return createHmac("sha256", derivedKey(this.options_.encryption_key, "webhook-url-token-v1")).update(`${accountRowId}:${nonce}`).digest("base64url")
  }

  /** Forgets cached webhook secrets (after a secret or URL token changed). */
  clearWebhookAuthCache(accountRowId?: string) {
    this.webhookAuthCache_.clear(accountRowId)
  }

  /**
   * Counts one refused delivery for the health page without touching the
   * database: written as aggregate rows a few seconds later, or before the
   * health figures are read (webhooks/refusals.ts).
   */
  countWebhookRefusal(accountId: string | null, reason: string, hits = 1) {
    this.webhookRefusals_.add(accountId, reason, hits, () => this.flushWebhookRefusals())
  }

  /** Writes the refusals counted so far (see {@link countWebhookRefusal}); kept for the next try when writing fails. */
  async flushWebhookRefusals(): Promise<void> {
    await this.webhookRefusals_.flush(
      (refusal) => this.recordWebhookDelivery({ ...refusal, outcome: "rejected" }),
      () => this.flushWebhookRefusals()
    )
  }

  // The SQL lives in store/*.ts (one file per concern), each function taking the manager the decorator gives.

  /** Adds changes to the queue, coalescing and settling them (store/sync-queue.ts). */
  @InjectTransactionManager()
  async enqueueSyncJobs(jobs: EnqueueSyncJobInput[], now: Date = new Date(), @MedusaContext() sharedContext: Ctx = {}) {
    return syncQueue.enqueueSyncJobs(managerOf(sharedContext), jobs, now)
  }

  /** Claims up to `limit` due rows for `owner` under a lease. */
  @InjectTransactionManager()
  async claimSyncJobs(input: syncQueue.ClaimSyncJobsInput, @MedusaContext() sharedContext: Ctx = {}) {
    return syncQueue.claimSyncJobs(managerOf(sharedContext), input)
  }

  /** Marks a claimed row done (false: the lease was lost); `anonymize` leaves an anonymous audit row. */
  @InjectTransactionManager()
  async completeSyncJob(id: string, owner: string, opts: syncQueue.CompleteSyncJobOptions = {}, @MedusaContext() sharedContext: Ctx = {}) {
    return syncQueue.completeSyncJob(managerOf(sharedContext), id, owner, opts)
  }

  /** Records a failed attempt of a claimed row: rescheduled, parked, superseded or lost. */
  @InjectTransactionManager()
  async failSyncJob(id: string, owner: string, error: unknown, opts: FailSyncJobOptions = {}, @MedusaContext() sharedContext: Ctx = {}) {
    return syncQueue.failSyncJob(managerOf(sharedContext), id, owner, error, opts)
  }

  /** Puts failed rows (all, or those in `ids`) back in the queue with fresh attempts. */
  @InjectTransactionManager()
  async replaySyncJobs(ids?: string[], now: Date = new Date(), @MedusaContext() sharedContext: Ctx = {}) {
    return syncQueue.replaySyncJobs(managerOf(sharedContext), ids, now)
  }

  /** Deletes the rows about a subject that no drainer holds. */
  @InjectTransactionManager()
  async purgeSyncJobsAbout(filter: syncQueue.SyncJobPurgeFilter, @MedusaContext() sharedContext: Ctx = {}) {
    return syncQueue.purgeSyncJobsAbout(managerOf(sharedContext), filter)
  }

  /** True when an erase recorded at or after `queued_at` covers the customer id or the e-mail. */
  @InjectManager()
  async isErased(input: erasure.IsErasedInput, @MedusaContext() sharedContext: Ctx = {}) {
    return erasure.isErased(managerOf(sharedContext), input, (value) => this.erasureHash(value))
  }

  /** Deletes every plugin row about erased subjects (store/erasure.ts). */
  @InjectTransactionManager()
  async purgeErasedSubjects(input: erasure.PurgeErasedSubjectsInput, @MedusaContext() sharedContext: Ctx = {}) {
    return erasure.purgeErasedSubjects(managerOf(sharedContext), input)
  }

  /** Adds one account's counts to an erase's audit entry. */
  @InjectTransactionManager()
  async recordErasureProgress(erasureId: string, counts: Record<string, number>, @MedusaContext() sharedContext: Ctx = {}) {
    return erasure.recordErasureProgress(managerOf(sharedContext), erasureId, counts)
  }

  /** Puts a claimed row back without spending an attempt. */
  @InjectTransactionManager()
  async deferSyncJob(id: string, owner: string, opts: syncQueue.DeferSyncJobOptions, @MedusaContext() sharedContext: Ctx = {}) {
    return syncQueue.deferSyncJob(managerOf(sharedContext), id, owner, opts)
  }

  /** Removes done rows finished before `before` (failed rows stay until replayed). */
  @InjectTransactionManager()
  async purgeFinishedSyncJobs(before: Date, @MedusaContext() sharedContext: Ctx = {}) {
    return syncQueue.purgeFinishedSyncJobs(managerOf(sharedContext), before)
  }

  /** When the next pending row falls due (null: nothing pending). */
  @InjectManager()
  async nextSyncJobDueAt(@MedusaContext() sharedContext: Ctx = {}) {
    return syncQueue.nextSyncJobDueAt(managerOf(sharedContext))
  }

  /** Queue health: rows per status, the oldest pending change (sync lag) and the failed rows. */
  @InjectManager()
  async syncQueueStats(filter: stats.SyncQueueStatsFilter = {}, @MedusaContext() sharedContext: Ctx = {}) {
    return stats.syncQueueStats(managerOf(sharedContext), filter)
  }

  /** Records a delivery: accepted once per key (else a duplicate), refusals aggregated per minute. */
  @InjectManager()
  async recordWebhookDelivery(input: deliveries.WebhookDeliveryInput, @MedusaContext() sharedContext: Ctx = {}) {
    return deliveries.recordWebhookDelivery(managerOf(sharedContext), input)
  }

  /** Inserts or updates the mirror of a conversation, only forwards (null: an older delivery). */
  @InjectManager()
  async upsertConversationMirror(data: mirror.ConversationMirrorInput, @MedusaContext() sharedContext: Ctx = {}) {
    return mirror.upsertConversationMirror(managerOf(sharedContext), data)
  }

  /** Records that the plugin created a conversation for a logged-in customer (identity-trust.ts). */
  @InjectManager()
  async claimContactFormConversation(input: mirror.ContactFormConversationInput, @MedusaContext() sharedContext: Ctx = {}) {
    return mirror.claimContactFormConversation(managerOf(sharedContext), input)
  }

  /** Records a message on the mirror (times only move forwards; a mentioned order may link). */
  @InjectManager()
  async recordConversationMessage(input: mirror.ConversationMessageInput, @MedusaContext() sharedContext: Ctx = {}) {
    return mirror.recordConversationMessage(managerOf(sharedContext), input)
  }

  /** Webhook health of an account since a moment; refusals still counted in memory are written first. */
  @InjectManager()
  async webhookDeliveryStats(filter: stats.WebhookDeliveryStatsFilter, @MedusaContext() sharedContext: Ctx = {}) {
    await this.flushWebhookRefusals().catch(() => undefined)
    return stats.webhookDeliveryStats(managerOf(sharedContext), filter)
  }

  /** Deletes delivery records created before `before` (in batches); returns how many. */
  @InjectManager()
  async purgeWebhookDeliveries(before: Date, @MedusaContext() sharedContext: Ctx = {}) {
    return deliveries.purgeWebhookDeliveries(managerOf(sharedContext), before)
  }

  /** Keeps one pending review row per contact with the latest differences. */
  @InjectManager()
  async upsertContactChange(input: ContactChangeInput, @MedusaContext() sharedContext: Ctx = {}) {
    return upsertContactChange(managerOf(sharedContext), input)
  }

  /** Moves a running backfill's cursor and queues the page's rows, in one transaction (false: moved by another). */
  @InjectTransactionManager()
  async advanceBackfill(input: AdvanceBackfillInput, @MedusaContext() sharedContext: Ctx = {}) {
    return advanceBackfill(managerOf(sharedContext), input)
  }

  /** Customers of a backfill whose rows are still queued or being sent. */
  @InjectManager()
  async backfillOpenSubjects(backfillId: string, @MedusaContext() sharedContext: Ctx = {}) {
    return backfillOpenSubjects(managerOf(sharedContext), backfillId)
  }
}
