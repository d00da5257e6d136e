/** Non-secret webhook settings kept in `chatwoot_account.settings`. */
export type WebhookAuthSettings = {
  /** `url_token` for Chatwoot < 4.12 (opt-in); default: signature. */
  webhook_auth?: "signature" | "url_token"
  webhook_url_token_nonce?: string | null
}

/** What the webhook receiver needs to verify a delivery for an account row. */
export type WebhookAuth = {
  account_id: string
  status: string
  secret: string | null
  url_token: string | null
}

const WEBHOOK_AUTH_CACHE_MS = 10_000
const WEBHOOK_AUTH_CACHE_SIZE = 1000
/** How long an unknown account row id is answered from memory, and how many are remembered. */
const WEBHOOK_UNKNOWN_ACCOUNT_CACHE_MS = 30_000
const WEBHOOK_UNKNOWN_ACCOUNT_CACHE_SIZE = 10_000

/**
 * The receiver's per-process memory of account webhook secrets: decrypted
 * secrets are kept for a few seconds so a burst of deliveries costs no
 * database round trip each, and an unknown account is remembered as
 * unknown for a while too (bounded), so a flood of deliveries for it does
 * not reach the database each time.
 */
export class WebhookAuthCache {
  private readonly known = new Map<string, { at: number; auth: WebhookAuth }>()
  /** Account row ids that were not found, and when (a flood of one costs one lookup per TTL). */
  private readonly unknown = new Map<string, number>()

  /** The cached auth of an account row, else `load()`'s answer (null: no such account), remembered. */
  async get(accountRowId: string, nowMs: number, load: () => Promise<WebhookAuth | null>): Promise<WebhookAuth | null> {
    const cached = this.known.get(accountRowId)
    if (cached && nowMs - cached.at < WEBHOOK_AUTH_CACHE_MS) return cached.auth
    const unknownAt = this.unknown.get(accountRowId)
    if (unknownAt !== undefined && nowMs - unknownAt >= 0 && nowMs - unknownAt < WEBHOOK_UNKNOWN_ACCOUNT_CACHE_MS) return null
    const auth = await load()
    if (!auth) {
      this.unknown.delete(accountRowId)
      this.unknown.set(accountRowId, nowMs)
      if (this.unknown.size > WEBHOOK_UNKNOWN_ACCOUNT_CACHE_SIZE) this.unknown.delete(this.unknown.keys().next().value as string)
      return null
    }
    this.known.set(accountRowId, { at: nowMs, auth })
    if (this.known.size > WEBHOOK_AUTH_CACHE_SIZE) this.known.delete(this.known.keys().next().value as string)
    return auth
  }

  /** Forgets one account row (after its secret or URL token changed), or every one. */
  clear(accountRowId?: string) {
    if (accountRowId) {
      this.known.delete(accountRowId)
      this.unknown.delete(accountRowId)
    } else {
      this.known.clear()
      this.unknown.clear()
    }
  }
}
