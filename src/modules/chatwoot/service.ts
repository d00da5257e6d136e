import { createHash, createHmac, hkdfSync, randomBytes } from "node:crypto"
import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import {
  ChatwootAccount,
  ChatwootAgent,
  ChatwootBackfill,
  ChatwootContact,
  ChatwootConversation,
  ChatwootInbox,
  ChatwootRateLimit,
  ChatwootStorefront,
  ChatwootSyncJob,
  ChatwootWebhookDelivery,
  ChatwootContactChange,
  ChatwootErasure,
} from "./models"
import { CHATWOOT_OPTIONS } from "./loaders/options"
import { CHATWOOT_CLIENT } from "./loaders/client"
import type { ResolvedChatwootOptions } from "./options"
import type { AccountApi, ChatwootClient } from "./client"
import { SecretBox } from "./secrets"
import {
  SYNC_QUEUE_DEFAULTS,
  syncBackoffMs,
  syncCoalesceKey,
  syncErrorText,
  type EnqueueSyncJobInput,
  type SyncJobRow,
} from "./sync-queue"

type InjectedDependencies = {
  [CHATWOOT_OPTIONS]: ResolvedChatwootOptions
  [CHATWOOT_CLIENT]: ChatwootClient
}

/** What is encrypted at rest; each purpose is bound into its ciphertext. */
export type SecretPurpose =
  | "access_token"
  | "webhook_secret"
  | "dashboard_app_secret"
  | "hmac_token"
  | "api_inbox_secret"

/**
 * The `chatwoot` module service: owns the plugin's tables, the Chatwoot
 * client and the encryption of stored secrets. Cross-module work (customers,
 * orders, sales channels) lives in workflows and routes.
 */
export default class ChatwootModuleService extends MedusaService({
  ChatwootAccount,
  ChatwootAgent,
  ChatwootContact,
  ChatwootConversation,
  ChatwootInbox,
  ChatwootStorefront,
  ChatwootSyncJob,
  ChatwootWebhookDelivery,
  ChatwootContactChange,
  ChatwootBackfill,
  ChatwootRateLimit,
  ChatwootErasure,
}) {
  protected readonly options_: ResolvedChatwootOptions
  protected readonly client_: ChatwootClient
  protected readonly secrets_: SecretBox
  /** Key of the erase tombstone's hashes (derived from `encryption_key`, separate from the encryption key). */
  protected readonly erasureKey_: Buffer

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = container[CHATWOOT_OPTIONS]
    this.client_ = container[CHATWOOT_CLIENT]
    this.secrets_ = new SecretBox(this.options_.encryption_key, this.options_.previous_encryption_keys)
    this.erasureKey_ = Buffer.from(
      hkdfSync("sha256", Buffer.from(this.options_.encryption_key, "utf8"), "medusa-plugin-chatwoot", "erasure-tombstone-v1", 32)
    )
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
  // ---------------------------------------------------------------------------
  // Durable sync queue (design §4): enqueue with coalescing, claim with
  // FOR UPDATE SKIP LOCKED and a lease, complete, reschedule or park.
  // ---------------------------------------------------------------------------

  /**
   * Adds changes to the queue. A change whose coalesce key already has a
   * pending row folds into it (payload merged, `coalesced_count` + 1, the
   * earliest `created_at` kept so the lag stays honest); a row waiting out a
   * back-off keeps its schedule.
   *
   * Settling (`settle_ms`): a new row becomes claimable `settle_ms` after the
   * change, and every change folded into it pushes that back to
   * `settle_ms` after itself, but never past `settle_max_ms` after the first
   * change (so a contact that never stops changing still goes out). A burst
   * of changes to one contact thus costs one call. A change without settling
   * (`settle_ms` 0) makes its row due at once.
   */
  @InjectTransactionManager()
  async enqueueSyncJobs(
    jobs: EnqueueSyncJobInput[],
    now: Date = new Date(),
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ id: string; coalesced: boolean; next_attempt_at: Date }[]> {
    const manager = sharedContext.transactionManager ?? sharedContext.manager!
    const out: { id: string; coalesced: boolean; next_attempt_at: Date }[] = []
    for (const job of jobs) {
      const settle = Math.max(0, Math.round(job.settle_ms ?? 0))
      const rows = await manager.execute(
        `insert into chatwoot_sync_job
           (id, account_id, kind, subject, coalesce_key, payload, status, attempts, next_attempt_at, coalesced_count, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?::jsonb, 'pending', 0, ?, 0, ?, ?)
         on conflict (coalesce_key) where status = 'pending' and deleted_at is null
         do update set
           payload = coalesce(chatwoot_sync_job.payload, '{}'::jsonb) || coalesce(excluded.payload, '{}'::jsonb),
           coalesced_count = chatwoot_sync_job.coalesced_count + 1,
           updated_at = excluded.updated_at,
           next_attempt_at = case
             when chatwoot_sync_job.attempts > 0 then chatwoot_sync_job.next_attempt_at
             when ?::int = 0 then least(chatwoot_sync_job.next_attempt_at, excluded.next_attempt_at)
             else greatest(chatwoot_sync_job.next_attempt_at,
               least(excluded.next_attempt_at, chatwoot_sync_job.created_at + (?::int * interval '1 millisecond'))) end
         returning id, next_attempt_at, (xmax <> 0) as coalesced`,
        [
          generateEntityId(undefined, "cwsync"),
          job.account_id,
          job.kind,
          job.subject,
          syncCoalesceKey(job),
          JSON.stringify(job.payload ?? {}),
          new Date(now.getTime() + settle),
          now,
          now,
          settle,
          Math.max(settle, job.settle_max_ms ?? settle),
        ]
      )
      out.push({ id: rows[0].id, coalesced: Boolean(rows[0].coalesced), next_attempt_at: new Date(rows[0].next_attempt_at) })
    }
    return out
  }

  /**
   * Claims up to `limit` due rows for `owner`: pending rows whose time has
   * come and processing rows whose lease ran out (their drainer died). Rows
   * another transaction is claiming are skipped (SKIP LOCKED), and so is any
   * key another drainer holds a live lease on, so one contact is never sent
   * by two drainers at once. Each claim counts one attempt. Live changes go
   * before a backfill's rows, so a backfill never delays them.
   */
  @InjectTransactionManager()
  async claimSyncJobs(
    input: { owner: string; limit?: number; leaseMs?: number; now?: Date },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<SyncJobRow[]> {
    const manager = sharedContext.transactionManager ?? sharedContext.manager!
    const now = input.now ?? new Date()
    const leaseStart = new Date(now.getTime() - (input.leaseMs ?? SYNC_QUEUE_DEFAULTS.leaseMs))
    const rows = await manager.execute(
      `with due as (
         select j.id from chatwoot_sync_job j
         where j.deleted_at is null
           and ((j.status = 'pending' and j.next_attempt_at <= ?)
             or (j.status = 'processing' and j.locked_at < ?))
           and not exists (
             select 1 from chatwoot_sync_job p
             where p.coalesce_key = j.coalesce_key and p.id <> j.id and p.deleted_at is null
               and p.status = 'processing' and p.locked_at >= ?)
         order by coalesce(jsonb_exists(j.payload, 'backfill_id'), false), j.next_attempt_at, j.created_at
         limit ?
         for update of j skip locked
       )
       update chatwoot_sync_job j
          set status = 'processing', locked_by = ?, locked_at = ?, attempts = j.attempts + 1, updated_at = ?
         from due where j.id = due.id
       returning j.*`,
      [now, leaseStart, leaseStart, input.limit ?? SYNC_QUEUE_DEFAULTS.batchSize, input.owner, now, now]
    )
    return rows as SyncJobRow[]
  }

  /**
   * Marks a claimed row done. Without the lease (another drainer reclaimed
   * it) nothing changes and false is returned. `anonymize` replaces the
   * subject and payload (an erased customer leaves an anonymous audit row).
   */
  @InjectTransactionManager()
  async completeSyncJob(
    id: string,
    owner: string,
    opts: { now?: Date; anonymize?: boolean; note?: string | null } = {},
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<boolean> {
    const manager = sharedContext.transactionManager ?? sharedContext.manager!
    const now = opts.now ?? new Date()
    const anonymize = Boolean(opts.anonymize)
    const rows = await manager.execute(
      `update chatwoot_sync_job
          set status = 'done', locked_by = null, locked_at = null, finished_at = ?, updated_at = ?,
              last_error = ?,
              subject = case when ? then 'erased' else subject end,
              coalesce_key = case when ? then 'erased:' || id else coalesce_key end,
              payload = case when ? then null else payload end
        where id = ? and status = 'processing' and locked_by = ? and deleted_at is null
        returning id`,
      [now, now, opts.note ?? null, anonymize, anonymize, anonymize, id, owner]
    )
    return rows.length > 0
  }

  /**
   * Records a failed attempt of a claimed row: back to pending after a
   * jittered exponential back-off, or parked as `failed` once it has had
   * `maxAttempts` attempts or the error is not worth retrying. When a newer
   * change for the same key is already pending it supersedes this one.
   */
  @InjectTransactionManager()
  async failSyncJob(
    id: string,
    owner: string,
    error: unknown,
    opts: {
      now?: Date
      retryable?: boolean
      retryAfterMs?: number
      maxAttempts?: number
      random?: () => number
    } = {},
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<"rescheduled" | "failed" | "superseded" | "lost"> {
    const manager = sharedContext.transactionManager ?? sharedContext.manager!
    const now = opts.now ?? new Date()
    const [row] = (await manager.execute(
      `select * from chatwoot_sync_job
        where id = ? and status = 'processing' and locked_by = ? and deleted_at is null for update`,
      [id, owner]
    )) as SyncJobRow[]
    if (!row) {
      return "lost"
    }
    const message = syncErrorText(error)
    const park = opts.retryable === false || row.attempts >= (opts.maxAttempts ?? SYNC_QUEUE_DEFAULTS.maxAttempts)
    if (park) {
      await manager.execute(
        `update chatwoot_sync_job set status = 'failed', locked_by = null, locked_at = null,
            last_error = ?, finished_at = ?, updated_at = ? where id = ?`,
        [message, now, now, id]
      )
      return "failed"
    }
    const [newer] = await manager.execute(
      `select id from chatwoot_sync_job
        where coalesce_key = ? and status = 'pending' and deleted_at is null and id <> ? for update`,
      [row.coalesce_key, id]
    )
    if (newer) {
      await manager.execute(
        `update chatwoot_sync_job set status = 'done', locked_by = null, locked_at = null,
            last_error = ?, finished_at = ?, updated_at = ? where id = ?`,
        [`superseded by ${newer.id} after: ${message}`.slice(0, SYNC_QUEUE_DEFAULTS.maxErrorLength), now, now, id]
      )
      return "superseded"
    }
    const delay = syncBackoffMs(row.attempts, { random: opts.random, retryAfterMs: opts.retryAfterMs })
    await manager.execute(
      `update chatwoot_sync_job set status = 'pending', locked_by = null, locked_at = null,
          last_error = ?, next_attempt_at = ?, updated_at = ? where id = ?`,
      [message, new Date(now.getTime() + delay), now, id]
    )
    return "rescheduled"
  }

  /**
   * Puts failed rows (all, or those in `ids`) back in the queue with fresh
   * attempts. A failed row whose key already has a pending row is closed as
   * superseded instead: the pending one carries the newer change.
   */
  @InjectTransactionManager()
  async replaySyncJobs(
    ids?: string[],
    now: Date = new Date(),
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ replayed: string[]; superseded: string[] }> {
    const manager = sharedContext.transactionManager ?? sharedContext.manager!
    const failed = (await manager.execute(
      `select id, coalesce_key from chatwoot_sync_job
        where status = 'failed' and deleted_at is null ${ids ? `and id in (${ids.map(() => "?").join(", ")})` : ""}
        order by created_at for update`,
      ids ?? []
    )) as { id: string; coalesce_key: string }[]
    const replayed: string[] = []
    const superseded: string[] = []
    for (const row of failed) {
      const [pending] = await manager.execute(
        `select id from chatwoot_sync_job where coalesce_key = ? and status = 'pending' and deleted_at is null`,
        [row.coalesce_key]
      )
      if (pending) {
        await manager.execute(
          `update chatwoot_sync_job set status = 'done', finished_at = ?, updated_at = ?,
              last_error = ? where id = ?`,
          [now, now, `superseded by ${pending.id} on replay`, row.id]
        )
        superseded.push(row.id)
      } else {
        await manager.execute(
          `update chatwoot_sync_job set status = 'pending', attempts = 0, next_attempt_at = ?,
              finished_at = null, updated_at = ? where id = ?`,
          [now, now, row.id]
        )
        replayed.push(row.id)
      }
    }
    return { replayed, superseded }
  }

  /**
   * Deletes the rows about a subject that no drainer holds (pending, failed
   * and done), e.g. everything about a customer being erased.
   */
  @InjectTransactionManager()
  async purgeSyncJobsAbout(
    filter: { subject: string; account_id?: string; kinds?: string[]; except_id?: string },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<number> {
    const manager = sharedContext.transactionManager ?? sharedContext.manager!
    const params: unknown[] = [filter.subject]
    let where = "subject = ? and status <> 'processing'"
    if (filter.except_id) {
      where += " and id <> ?"
      params.push(filter.except_id)
    }
    if (filter.account_id) {
      where += " and account_id = ?"
      params.push(filter.account_id)
    }
    if (filter.kinds?.length) {
      where += ` and kind in (${filter.kinds.map(() => "?").join(", ")})`
      params.push(...filter.kinds)
    }
    const rows = await manager.execute(`delete from chatwoot_sync_job where ${where} returning id`, params)
    return rows.length
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
   * True when an erase recorded at or after `queuedAt` covers the customer id
   * or the e-mail: a change queued before an erase must not re-create the
   * contact. Later changes (a new interaction, a re-registration) pass.
   */
  @InjectManager()
  async isErased(
    input: { customer_id?: string | null; email?: string | null; queued_at: Date },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<boolean> {
    const checks: string[] = []
    const params: unknown[] = [input.queued_at]
    if (input.customer_id) {
      checks.push("subject_hashes @> ?::jsonb")
      params.push(JSON.stringify([this.erasureHash(input.customer_id)]))
    }
    if (input.email) {
      checks.push("email_hashes @> ?::jsonb")
      params.push(JSON.stringify([this.erasureHash(input.email)]))
    }
    if (!checks.length) return false
    const rows = await sharedContext.manager!.execute(
      `select 1 from chatwoot_erasure where deleted_at is null and erased_at >= ? and (${checks.join(" or ")}) limit 1`,
      params
    )
    return rows.length > 0
  }

  /**
   * Deletes every plugin row about erased subjects: contacts, the
   * conversation mirror (by customer id, e-mail, or the Chatwoot contacts
   * just deleted in `account_id`), contact changes (by customer id or an
   * e-mail in the change), and queue rows no drainer holds whose subject,
   * payload or error names them (pending, failed and done, the text of
   * queued contact-form messages included), and rate-limit state keyed by
   * one of the e-mails. Erase rows are left to finish.
   */
  @InjectTransactionManager()
  async purgeErasedSubjects(
    input: { customer_ids: string[]; emails: string[]; account_id?: string; chatwoot_contact_ids?: number[] },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ contacts: number; conversations: number; contact_changes: number; sync_jobs: number }> {
    const manager = sharedContext.transactionManager ?? sharedContext.manager!
    const ids = [...new Set(input.customer_ids.filter(Boolean))]
    const emails = [...new Set(input.emails.map((e) => e.trim().toLowerCase()).filter(Boolean))]
    const list = (values: unknown[]) => values.map(() => "?").join(", ")
    const any = (column: string, values: unknown[]) => (values.length ? `${column} in (${list(values)})` : "false")
    const mentions = (text: string) =>
      emails.length ? `(${emails.map(() => `position(? in lower(${text})) > 0`).join(" or ")})` : "false"

    const contacts = await manager.execute(
      `delete from chatwoot_contact where ${any("customer_id", ids)} or ${any("lower(email)", emails)} returning id`,
      [...ids, ...emails]
    )
    const byContact = input.account_id && input.chatwoot_contact_ids?.length ? input.chatwoot_contact_ids : []
    const conversations = await manager.execute(
      `delete from chatwoot_conversation
        where ${any("customer_id", ids)} or ${any("lower(email)", emails)}
           or (${byContact.length ? `account_id = ? and ${any("chatwoot_contact_id", byContact)}` : "false"})
       returning id`,
      [...ids, ...emails, ...(byContact.length ? [input.account_id, ...byContact] : [])]
    )
    const changes = await manager.execute(
      `delete from chatwoot_contact_change where ${any("customer_id", ids)} or ${mentions("changes::text")} returning id`,
      [...ids, ...emails]
    )
    const subjects = [...ids, ...emails]
    const jobs = await manager.execute(
      `delete from chatwoot_sync_job
        where status <> 'processing' and kind <> 'contact_erase'
          and (${any("lower(subject)", subjects.map((s) => s.toLowerCase()))}
               or ${mentions("coalesce(payload::text, '')")} or ${mentions("coalesce(last_error, '')")}
               or ${ids.length ? `(${ids.map(() => "position(? in coalesce(payload::text, '')) > 0").join(" or ")})` : "false"})
       returning id`,
      [...subjects.map((s) => s.toLowerCase()), ...emails, ...emails, ...ids]
    )
    // a limiter keyed by an e-mail (e.g. the contact form's) forgets it too
    if (emails.length) await manager.execute(`delete from chatwoot_rate_limit where ${mentions("id")}`, emails)
    return {
      contacts: contacts.length,
      conversations: conversations.length,
      contact_changes: changes.length,
      sync_jobs: jobs.length,
    }
  }

  /**
   * Adds one account's counts to an erase's audit entry (one account at a
   * time: rows of several accounts finish at once); the entry is complete
   * once every account it covers is done.
   */
  @InjectTransactionManager()
  async recordErasureProgress(
    erasureId: string,
    counts: Record<string, number>,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager ?? sharedContext.manager!
    // rows of several accounts finish at once: one at a time on the entry
    const [entry] = (await manager.execute(
      `select id, counts, account_ids from chatwoot_erasure where id = ? for update`,
      [erasureId]
    )) as { id: string; counts: Record<string, number> | null; account_ids: string[] | null }[]
    if (!entry) return
    const total: Record<string, number> = { ...(entry.counts ?? {}) }
    for (const [key, value] of Object.entries(counts)) total[key] = (Number(total[key]) || 0) + value
    total.accounts_done = (Number(total.accounts_done) || 0) + 1
    const complete = total.accounts_done >= (entry.account_ids ?? []).length
    await manager.execute(
      `update chatwoot_erasure set counts = ?::jsonb, completed_at = case when ? then coalesce(completed_at, now()) else null end,
              updated_at = now() where id = ?`,
      [JSON.stringify(total), complete, erasureId]
    )
  }

  /**
   * Puts a claimed row back without spending an attempt (e.g. an erase whose
   * account is suspended waits for the resume instead of being parked).
   */
  @InjectTransactionManager()
  async deferSyncJob(
    id: string,
    owner: string,
    opts: { delayMs: number; note: string; now?: Date },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<boolean> {
    const manager = sharedContext.transactionManager ?? sharedContext.manager!
    const now = opts.now ?? new Date()
    const rows = await manager.execute(
      `update chatwoot_sync_job
          set status = 'pending', locked_by = null, locked_at = null, attempts = greatest(attempts - 1, 0),
              next_attempt_at = ?, last_error = ?, updated_at = ?
        where id = ? and status = 'processing' and locked_by = ? and deleted_at is null
        returning id`,
      [new Date(now.getTime() + opts.delayMs), opts.note, now, id, owner]
    )
    return rows.length > 0
  }

  /** Removes done rows finished before `before` (failed rows stay until replayed). */
  @InjectTransactionManager()
  async purgeFinishedSyncJobs(before: Date, @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    const manager = sharedContext.transactionManager ?? sharedContext.manager!
    const rows = await manager.execute(
      `delete from chatwoot_sync_job where status = 'done' and finished_at < ? returning id`,
      [before]
    )
    return rows.length
  }

  /** When the next pending row falls due (null: nothing pending). */
  @InjectManager()
  async nextSyncJobDueAt(@MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<Date | null> {
    const rows = await sharedContext.manager!.execute(
      `select min(next_attempt_at) as due from chatwoot_sync_job where status = 'pending' and deleted_at is null`
    )
    return rows[0]?.due ? new Date(rows[0].due) : null
  }

  /**
   * Queue health (design §8): rows per status, the oldest pending change
   * (sync lag) and the failed rows with their errors.
   */
  @InjectManager()
  async syncQueueStats(
    filter: { account_id?: string; failed_limit?: number; now?: Date } = {},
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ) {
    const manager = sharedContext.manager!
    const now = filter.now ?? new Date()
    const scope = filter.account_id ? "and account_id = ?" : ""
    const params = filter.account_id ? [filter.account_id] : []
    const counts = (await manager.execute(
      `select status, count(*)::int as count, min(created_at) as oldest
         from chatwoot_sync_job where deleted_at is null ${scope} group by status`,
      params
    )) as { status: string; count: number; oldest: Date }[]
    const byStatus: Record<"pending" | "processing" | "done" | "failed", number> = {
      pending: 0,
      processing: 0,
      done: 0,
      failed: 0,
    }
    let oldest = null as Date | null
    for (const row of counts) {
      byStatus[row.status as keyof typeof byStatus] = row.count
      if ((row.status === "pending" || row.status === "processing") && row.oldest) {
        const at = new Date(row.oldest)
        oldest = !oldest || at < oldest ? at : oldest
      }
    }
    const failed = (await manager.execute(
      `select id, account_id, kind, subject, attempts, last_error, created_at, updated_at
         from chatwoot_sync_job where status = 'failed' and deleted_at is null ${scope}
        order by updated_at desc limit ?`,
      [...params, filter.failed_limit ?? 50]
    )) as Record<string, unknown>[]
    return {
      counts: byStatus,
      oldest_pending_at: oldest,
      lag_seconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : 0,
      failed,
    }
  }

  // ---------------------------------------------------------------------------
  // Inbound webhooks (design §6): the receiver's account lookup, delivery
  // records (de-duplication + health counts) and the conversation mirror.
  // ---------------------------------------------------------------------------

  private webhookAuthCache_ = new Map<string, { at: number; auth: WebhookAuth }>()
  /** Account row ids that were not found, and when (a flood of one costs one lookup per TTL). */
  private unknownWebhookAccounts_ = new Map<string, number>()
  /** Refusals not yet written: key → counts (flushed every few seconds and before health is read). */
  private webhookRefusals_ = new Map<string, { account_id: string | null; reason: string; hits: number }>()
  /** Mutated, never reassigned (a wrapping proxy may not keep assignments to `this`). */
  private webhookRefusalFlush_: { timer: NodeJS.Timeout | null } = { timer: null }

  /**
   * What the webhook receiver needs to verify a delivery for an account row:
   * its signing secret and, when the account opted into it (Chatwoot < 4.12),
   * its URL token. Decrypted secrets are cached for a few seconds so a burst of
   * deliveries costs no database round trip each; an unknown account is
   * remembered as unknown for a while too (bounded), so a flood of deliveries
   * for it does not reach the database each time. Null: no such account.
   */
  async webhookAuth(accountRowId: string, nowMs: number = Date.now()): Promise<WebhookAuth | null> {
    const cached = this.webhookAuthCache_.get(accountRowId)
    if (cached && nowMs - cached.at < WEBHOOK_AUTH_CACHE_MS) return cached.auth
    const unknownAt = this.unknownWebhookAccounts_.get(accountRowId)
    if (unknownAt !== undefined && nowMs - unknownAt >= 0 && nowMs - unknownAt < WEBHOOK_UNKNOWN_ACCOUNT_CACHE_MS) return null
    const [account] = await this.listChatwootAccounts(
      { id: accountRowId },
      { select: ["id", "status", "webhook_secret_encrypted", "settings"] }
    )
    if (!account) {
      this.unknownWebhookAccounts_.delete(accountRowId)
      this.unknownWebhookAccounts_.set(accountRowId, nowMs)
      if (this.unknownWebhookAccounts_.size > WEBHOOK_UNKNOWN_ACCOUNT_CACHE_SIZE) {
        this.unknownWebhookAccounts_.delete(this.unknownWebhookAccounts_.keys().next().value as string)
      }
      return null
    }
    const settings = (account.settings ?? {}) as WebhookAuthSettings
    const auth: WebhookAuth = {
      account_id: account.id,
      status: account.status,
      secret: account.webhook_secret_encrypted ? this.decryptSecret("webhook_secret", account.webhook_secret_encrypted) : null,
      url_token:
        settings.webhook_auth === "url_token" && settings.webhook_url_token_nonce
          ? this.webhookUrlToken(account.id, settings.webhook_url_token_nonce)
          : null,
    }
    this.webhookAuthCache_.set(accountRowId, { at: nowMs, auth })
    if (this.webhookAuthCache_.size > 1000) this.webhookAuthCache_.delete(this.webhookAuthCache_.keys().next().value as string)
    return auth
  }

  /**
   * The URL token of an account that opted into it (Chatwoot < 4.12 signs
   * nothing): derived from `encryption_key`, the account and a random nonce
   * kept in the account's settings, so no secret is stored. Turning the
   * option off and on again (new nonce) rotates it.
   */
  webhookUrlToken(accountRowId: string, nonce: string): string {
    const key = Buffer.from(hkdfSync("sha256", Buffer.from(this.options_.encryption_key, "utf8"), "medusa-plugin-chatwoot", "webhook-url-token-v1", 32))
    return createHmac("sha256", key).update(`${accountRowId}:${nonce}`).digest("base64url")
  }

  /** Forgets cached webhook secrets (after a secret or URL token changed). */
  clearWebhookAuthCache(accountRowId?: string) {
    if (accountRowId) {
      this.webhookAuthCache_.delete(accountRowId)
      this.unknownWebhookAccounts_.delete(accountRowId)
    } else {
      this.webhookAuthCache_.clear()
      this.unknownWebhookAccounts_.clear()
    }
  }

  /**
   * Counts one refused delivery for the health page without touching the
   * database: refusals are summed in memory per account and reason and
   * written as aggregate rows a few seconds later (or before the health
   * figures are read), so a flood of refused requests writes nothing per
   * request.
   */
  countWebhookRefusal(accountId: string | null, reason: string, hits = 1) {
    const key = `${accountId ?? ""}|${reason}`
    const entry = this.webhookRefusals_.get(key)
    if (entry) entry.hits += hits
    else this.webhookRefusals_.set(key, { account_id: accountId, reason, hits })
    if (!this.webhookRefusalFlush_.timer) {
      const timer = setTimeout(() => {
        this.flushWebhookRefusals().catch(() => undefined)
      }, WEBHOOK_REFUSAL_FLUSH_MS)
      timer.unref?.()
      this.webhookRefusalFlush_.timer = timer
    }
  }

  /** Writes the refusals counted so far (see {@link countWebhookRefusal}); kept for the next try when writing fails. */
  async flushWebhookRefusals(): Promise<void> {
    if (this.webhookRefusalFlush_.timer) clearTimeout(this.webhookRefusalFlush_.timer)
    this.webhookRefusalFlush_.timer = null
    const pending = [...this.webhookRefusals_.values()]
    this.webhookRefusals_.clear()
    for (const [i, entry] of pending.entries()) {
      try {
        await this.recordWebhookDelivery({ account_id: entry.account_id, outcome: "rejected", reason: entry.reason, hits: entry.hits })
      } catch (error) {
        for (const rest of pending.slice(i)) this.countWebhookRefusal(rest.account_id, rest.reason, rest.hits)
        throw error
      }
    }
  }

  /**
   * Records a delivery. An accepted one claims its keys (each unique per
   * account among accepted rows: the delivery id and the signed material):
   * when one was already taken the delivery is recorded as a duplicate instead
   * and `duplicate` is true. One statement, so two simultaneous copies of a
   * delivery cannot both be accepted. A refusal adds `hits` (default 1) to the
   * aggregate row of its account, reason and minute.
   */
  @InjectManager()
  async recordWebhookDelivery(
    input: {
      account_id: string | null
      delivery_key?: string | null
      material_key?: string | null
      event?: string | null
      outcome: "accepted" | "rejected"
      reason?: string | null
      hits?: number
    },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ id: string; duplicate: boolean }> {
    const manager = sharedContext.manager!
    const insert = (outcome: string, reason: string | null, materialKey: string | null, conflict: string) =>
      manager.execute(
        `insert into chatwoot_webhook_delivery (id, account_id, delivery_key, material_key, event, outcome, reason, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, now(), now()) ${conflict} returning id`,
        [
          generateEntityId(undefined, "cwhook"),
          input.account_id,
          input.delivery_key ?? null,
          materialKey,
          input.event ?? null,
          outcome,
          reason,
        ]
      )
    if (input.outcome === "accepted" && (input.delivery_key || input.material_key)) {
      // no conflict target: a conflict on either unique key (delivery id, signed material) is a duplicate
      const rows = await insert("accepted", null, input.material_key ?? null, "on conflict do nothing")
      if (rows.length) return { id: rows[0].id, duplicate: false }
      const dup = await insert("duplicate", "already received", null, "")
      return { id: dup[0].id, duplicate: true }
    }
    if (input.outcome === "rejected") {
      const hits = Math.max(1, Math.floor(input.hits ?? 1))
      const reason = input.reason ?? "unknown"
      const minute = Math.floor(Date.now() / 60_000)
      const id = `cwhook_r${createHash("sha256").update(`${input.account_id ?? ""}|${reason}|${minute}`).digest("hex").slice(0, 26)}`
      const rows = await manager.execute(
        `insert into chatwoot_webhook_delivery (id, account_id, event, outcome, reason, hits, created_at, updated_at)
         values (?, ?, ?, 'rejected', ?, ?, now(), now())
         on conflict (id) do update set hits = chatwoot_webhook_delivery.hits + excluded.hits, updated_at = now()
         returning id`,
        [id, input.account_id, input.event ?? null, reason, hits]
      )
      return { id: rows[0].id, duplicate: false }
    }
    const rows = await insert(input.outcome, input.reason ?? null, null, "")
    return { id: rows[0].id, duplicate: false }
  }

  /**
   * Inserts or updates the mirror of a conversation, atomically and only
   * forwards: a delivery whose `chatwoot_updated_at` is older than the stored
   * one changes nothing (returns null). Links (customer, order) are never
   * cleared by a delivery that does not carry them.
   */
  @InjectManager()
  async upsertConversationMirror(
    data: ConversationMirrorInput,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ row: Record<string, unknown>; inserted: boolean } | null> {
    const manager = sharedContext.manager!
    const rows = await manager.execute(
      `insert into chatwoot_conversation
         (id, account_id, sales_channel_id, chatwoot_conversation_id, chatwoot_inbox_id, chatwoot_contact_id,
          customer_id, identity_source, email, order_id, order_link_source, status, priority, assignee_id, assignee_name,
          team_id, team_name, labels, unread_count, chatwoot_created_at, chatwoot_updated_at, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, now(), now())
       on conflict (account_id, chatwoot_conversation_id) where deleted_at is null do update set
         sales_channel_id = coalesce(excluded.sales_channel_id, chatwoot_conversation.sales_channel_id),
         chatwoot_inbox_id = coalesce(excluded.chatwoot_inbox_id, chatwoot_conversation.chatwoot_inbox_id),
         chatwoot_contact_id = coalesce(excluded.chatwoot_contact_id, chatwoot_conversation.chatwoot_contact_id),
         -- a conversation the plugin created for a logged-in customer stays theirs (identity-trust.ts)
         customer_id = case when chatwoot_conversation.identity_source = 'contact_form' then chatwoot_conversation.customer_id
                            else coalesce(excluded.customer_id, chatwoot_conversation.customer_id) end,
         identity_source = case when chatwoot_conversation.identity_source = 'contact_form' then 'contact_form'
                                when excluded.customer_id is not null then excluded.identity_source
                                else chatwoot_conversation.identity_source end,
         email = coalesce(excluded.email, chatwoot_conversation.email),
         order_id = coalesce(excluded.order_id, chatwoot_conversation.order_id),
         order_link_source = case when excluded.order_id is not null then excluded.order_link_source
                                  else chatwoot_conversation.order_link_source end,
         status = excluded.status,
         priority = excluded.priority,
         assignee_id = excluded.assignee_id,
         assignee_name = excluded.assignee_name,
         team_id = excluded.team_id,
         team_name = excluded.team_name,
         labels = excluded.labels,
         unread_count = excluded.unread_count,
         chatwoot_created_at = coalesce(chatwoot_conversation.chatwoot_created_at, excluded.chatwoot_created_at),
         chatwoot_updated_at = excluded.chatwoot_updated_at,
         updated_at = now()
       where chatwoot_conversation.chatwoot_updated_at is null
          or excluded.chatwoot_updated_at >= chatwoot_conversation.chatwoot_updated_at
       returning *, (xmax = 0) as inserted`,
      [
        generateEntityId(undefined, "cwconv"),
        data.account_id,
        data.sales_channel_id ?? null,
        data.chatwoot_conversation_id,
        data.chatwoot_inbox_id ?? null,
        data.chatwoot_contact_id ?? null,
        data.customer_id ?? null,
        data.customer_id ? (data.identity_source ?? null) : null,
        data.email ?? null,
        data.order_id ?? null,
        data.order_id ? "attribute" : null,
        data.status,
        data.priority ?? null,
        data.assignee_id ?? null,
        data.assignee_name ?? null,
        data.team_id ?? null,
        data.team_name ?? null,
        JSON.stringify(data.labels ?? []),
        data.unread_count ?? 0,
        data.chatwoot_created_at ?? null,
        data.chatwoot_updated_at,
      ]
    )
    if (!rows.length) return null
    const { inserted, ...row } = rows[0]
    return { row, inserted: Boolean(inserted) }
  }

  /**
   * Records that the plugin created a conversation for a logged-in customer
   * (the contact form with a customer token): the mirror row belongs to that
   * customer whatever a later webhook carries (identity-trust.ts). Creates
   * the row when no webhook has yet; a later delivery fills in the rest.
   */
  @InjectManager()
  async claimContactFormConversation(
    input: { account_id: string; sales_channel_id: string | null; chatwoot_conversation_id: number; customer_id: string; email?: string | null },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    const manager = sharedContext.manager!
    await manager.execute(
      `insert into chatwoot_conversation
         (id, account_id, sales_channel_id, chatwoot_conversation_id, customer_id, identity_source, email, status, unread_count, created_at, updated_at)
       values (?, ?, ?, ?, ?, 'contact_form', ?, 'open', 0, now(), now())
       on conflict (account_id, chatwoot_conversation_id) where deleted_at is null do update set
         customer_id = excluded.customer_id,
         identity_source = 'contact_form',
         sales_channel_id = coalesce(chatwoot_conversation.sales_channel_id, excluded.sales_channel_id),
         email = coalesce(excluded.email, chatwoot_conversation.email),
         updated_at = now()`,
      [
        generateEntityId(undefined, "cwconv"),
        input.account_id,
        input.sales_channel_id,
        input.chatwoot_conversation_id,
        input.customer_id,
        input.email ?? null,
      ]
    )
  }

  /**
   * Records a message on the mirror: the newest customer message or agent
   * reply time only ever moves forwards, the preview follows the newest one.
   * An order the customer mentioned links the conversation unless the
   * conversation's own `order_id` attribute already did.
   */
  @InjectManager()
  async recordConversationMessage(
    input: {
      account_id: string
      chatwoot_conversation_id: number
      from: "customer" | "agent"
      at: Date
      preview: string | null
      mentioned_order_id?: string | null
    },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<boolean> {
    const manager = sharedContext.manager!
    const column = input.from === "customer" ? "last_customer_message_at" : "last_agent_reply_at"
    const other = input.from === "customer" ? "last_agent_reply_at" : "last_customer_message_at"
    const rows = await manager.execute(
      `update chatwoot_conversation set
         ${column} = greatest(coalesce(${column}, ?), ?),
         last_message = case when ? >= coalesce(greatest(${column}, ${other}), ?) then ? else last_message end,
         order_id = case when ?::text is not null and order_link_source is distinct from 'attribute' then ? else order_id end,
         order_link_source = case when ?::text is not null and order_link_source is distinct from 'attribute' then 'mention' else order_link_source end,
         updated_at = now()
       where account_id = ? and chatwoot_conversation_id = ? and deleted_at is null
       returning id`,
      [
        input.at,
        input.at,
        input.at,
        input.at,
        input.preview,
        input.mentioned_order_id ?? null,
        input.mentioned_order_id ?? null,
        input.mentioned_order_id ?? null,
        input.account_id,
        input.chatwoot_conversation_id,
      ]
    )
    return rows.length > 0
  }

  /**
   * Webhook health of an account (design §8) since a moment: deliveries per
   * outcome, refusals per reason, processing failures and the last accepted
   * delivery. Unknown-account refusals have no account (`account_id: null`).
   */
  @InjectManager()
  async webhookDeliveryStats(
    filter: { account_id: string | null; since: Date },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ) {
    // refusals counted in memory are part of the figures
    await this.flushWebhookRefusals().catch(() => undefined)
    const manager = sharedContext.manager!
    const scope = filter.account_id === null ? "account_id is null" : "account_id = ?"
    const params = filter.account_id === null ? [filter.since] : [filter.account_id, filter.since]
    const rows = (await manager.execute(
      `select outcome, reason, (error is not null) as failed, sum(hits)::int as count, max(created_at) as last_at
         from chatwoot_webhook_delivery where ${scope} and created_at >= ? and deleted_at is null
        group by outcome, reason, (error is not null)`,
      params
    )) as { outcome: string; reason: string | null; failed: boolean; count: number; last_at: Date }[]
    const stats = {
      accepted: 0,
      duplicate: 0,
      rejected: 0,
      processing_failed: 0,
      rejected_by_reason: {} as Record<string, number>,
      last_accepted_at: null as Date | null,
    }
    for (const row of rows) {
      if (row.outcome === "accepted") {
        stats.accepted += row.count
        if (row.failed) stats.processing_failed += row.count
        const at = new Date(row.last_at)
        if (!stats.last_accepted_at || at > stats.last_accepted_at) stats.last_accepted_at = at
      } else if (row.outcome === "duplicate") stats.duplicate += row.count
      else {
        stats.rejected += row.count
        const reason = row.reason ?? "unknown"
        stats.rejected_by_reason[reason] = (stats.rejected_by_reason[reason] ?? 0) + row.count
      }
    }
    return stats
  }

  /** Deletes delivery records created before `before` (in batches); returns how many. */
  @InjectManager()
  async purgeWebhookDeliveries(before: Date, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<number> {
    const manager = sharedContext.manager!
    let total = 0
    for (;;) {
      const rows = await manager.execute(
        `delete from chatwoot_webhook_delivery where id in (
           select id from chatwoot_webhook_delivery where created_at < ? limit 5000) returning id`,
        [before]
      )
      total += rows.length
      if (rows.length < 5000) return total
    }
  }

  /**
   * Keeps one pending review row per contact with the latest differences
   * between the Chatwoot contact and the Medusa customer.
   */
  @InjectManager()
  async upsertContactChange(
    input: { account_id: string; customer_id: string; chatwoot_contact_id: number; changes: Record<string, unknown> },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ id: string; inserted: boolean }> {
    const manager = sharedContext.manager!
    const rows = await manager.execute(
      `insert into chatwoot_contact_change (id, account_id, customer_id, chatwoot_contact_id, changes, status, created_at, updated_at)
       values (?, ?, ?, ?, ?::jsonb, 'pending', now(), now())
       on conflict (account_id, chatwoot_contact_id) where status = 'pending' and deleted_at is null
       do update set changes = chatwoot_contact_change.changes || excluded.changes,
                     customer_id = excluded.customer_id, updated_at = now()
       returning id, (xmax = 0) as inserted`,
      [
        generateEntityId(undefined, "cwchg"),
        input.account_id,
        input.customer_id,
        input.chatwoot_contact_id,
        JSON.stringify(input.changes),
      ]
    )
    return { id: rows[0].id, inserted: Boolean(rows[0].inserted) }
  }

  // ---------------------------------------------------------------------------
  // Backfill (design §8): a persisted cursor over customers, advanced a page
  // at a time together with the queue rows of that page.
  // ---------------------------------------------------------------------------

  /**
   * Moves a running backfill's cursor from `from` to `to` and queues the
   * page's rows, in one transaction. Optimistic: when another process moved
   * the cursor first (or the backfill stopped), nothing happens and false is
   * returned, so two drainers never queue a page twice.
   */
  @InjectTransactionManager()
  async advanceBackfill(
    input: { id: string; from: string | null; to: string; scanned: number; jobs: EnqueueSyncJobInput[]; now?: Date },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<boolean> {
    const manager = sharedContext.transactionManager ?? sharedContext.manager!
    const now = input.now ?? new Date()
    const moved = await manager.execute(
      `update chatwoot_backfill
          set cursor = ?, scanned = scanned + ?, queued = queued + ?, total = greatest(total, scanned + ?), updated_at = ?
        where id = ? and status = 'running' and cursor is not distinct from ? and deleted_at is null
        returning id`,
      [input.to, input.scanned, input.jobs.length, input.scanned, now, input.id, input.from]
    )
    if (!moved.length) return false
    if (input.jobs.length) {
      await this.enqueueSyncJobs(
        input.jobs.map((job) => ({ ...job, payload: { ...(job.payload ?? {}), backfill_id: input.id } })),
        now,
        sharedContext
      )
    }
    return true
  }

  /** Customers of a backfill whose rows are still queued or being sent. */
  @InjectManager()
  async backfillOpenSubjects(backfillId: string, @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    const rows = await sharedContext.manager!.execute(
      `select count(distinct subject)::int as open from chatwoot_sync_job
        where status in ('pending', 'processing') and deleted_at is null and payload->>'backfill_id' = ?`,
      [backfillId]
    )
    return Number(rows[0]?.open ?? 0)
  }
}

const WEBHOOK_AUTH_CACHE_MS = 10_000
/** How long an unknown account row id is answered from memory, and how many are remembered. */
const WEBHOOK_UNKNOWN_ACCOUNT_CACHE_MS = 30_000
const WEBHOOK_UNKNOWN_ACCOUNT_CACHE_SIZE = 10_000
/** How often refusals counted in memory are written. */
const WEBHOOK_REFUSAL_FLUSH_MS = 5_000

/** Non-secret webhook settings kept in `chatwoot_account.settings`. */
export type WebhookAuthSettings = {
  /** `url_token` for Chatwoot < 4.12 (opt-in); default: signature. */
  webhook_auth?: "signature" | "url_token"
  webhook_url_token_nonce?: string | null
}

export type WebhookAuth = {
  account_id: string
  status: string
  secret: string | null
  url_token: string | null
}

export type ConversationMirrorInput = {
  account_id: string
  sales_channel_id?: string | null
  chatwoot_conversation_id: number
  chatwoot_inbox_id?: number | null
  chatwoot_contact_id?: number | null
  customer_id?: string | null
  /** How customer_id was verified (identity-trust.ts); ignored without a customer_id. */
  identity_source?: "hmac" | "contact_form" | null
  email?: string | null
  order_id?: string | null
  status: "open" | "resolved" | "pending" | "snoozed"
  priority?: string | null
  assignee_id?: number | null
  assignee_name?: string | null
  team_id?: number | null
  team_name?: string | null
  labels?: string[]
  unread_count?: number
  chatwoot_created_at?: Date | null
  chatwoot_updated_at: Date
}
