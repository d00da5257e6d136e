import type { SyncJobKind, SyncJobStatus } from "./models/chatwoot-sync-job"

/** Defaults of the durable sync queue. */
export const SYNC_QUEUE_DEFAULTS = {
  /** Rows one claim takes. */
  batchSize: 20,
  /** How long a claim holds its rows; a drainer that dies loses them after this. */
  leaseMs: 120_000,
  /** Attempts before a row is parked as `failed`. */
  maxAttempts: 8,
  /** Back-off base and cap: attempt n waits ~ base · 2^(n-1), jittered, at most the cap. */
  backoffBaseMs: 1_000,
  backoffMaxMs: 10 * 60_000,
  /** Longest error text stored on a row. */
  maxErrorLength: 1_000,
} as const

export type SyncJobRow = {
  id: string
  account_id: string
  kind: SyncJobKind
  subject: string
  coalesce_key: string
  payload: Record<string, unknown> | null
  status: SyncJobStatus
  attempts: number
  next_attempt_at: Date
  last_error: string | null
  locked_by: string | null
  locked_at: Date | null
  coalesced_count: number
  created_at: Date
  updated_at: Date
}

export type EnqueueSyncJobInput = {
  account_id: string
  kind: SyncJobKind
  subject: string
  payload?: Record<string, unknown> | null
  /**
   * Rows with the same key coalesce while pending. Defaults to
   * `<account>:<kind>:<subject>`; give a unique one for changes that must not
   * fold (e.g. one private note per order).
   */
  coalesce_key?: string
  /**
   * Wait this long for more changes to the same key before the row may be
   * claimed; each coalesced change restarts the wait (default 0: due at once).
   */
  settle_ms?: number
  /** Longest a row is kept settling after its first change (default `settle_ms`). */
  settle_max_ms?: number
}

export function syncCoalesceKey(job: Pick<EnqueueSyncJobInput, "account_id" | "kind" | "subject" | "coalesce_key">) {
  return job.coalesce_key ?? `${job.account_id}:${job.kind}:${job.subject}`
}

/**
 * Full-jitter-ish exponential back-off for a row that failed its n-th attempt
 * (n ≥ 1): a random delay in [½, 1] · min(cap, base · 2^(n-1)), never shorter
 * than a Retry-After Chatwoot asked for.
 */
export function syncBackoffMs(
  attempts: number,
  opts: { baseMs?: number; maxMs?: number; random?: () => number; retryAfterMs?: number } = {}
): number {
  const base = opts.baseMs ?? SYNC_QUEUE_DEFAULTS.backoffBaseMs
  const max = opts.maxMs ?? SYNC_QUEUE_DEFAULTS.backoffMaxMs
  const random = opts.random ?? Math.random
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempts - 1))
  const delay = Math.round(ceiling * (0.5 + 0.5 * random()))
  return Math.max(delay, opts.retryAfterMs ?? 0)
}

/** Error text for a row: one line, bounded, without anything that looks like a token. */
export function syncErrorText(error: unknown): string {
  const raw = error instanceof Error ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message}` : String(error)
  // capped before any pattern runs over it (an error may echo customer text)
  return raw
    .slice(0, 4 * SYNC_QUEUE_DEFAULTS.maxErrorLength)
    .replace(/(api_access_token|token|secret|password|authorization)(["'\s:=]+)[^\s"',}]+/gi, "$1$2[redacted]")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, SYNC_QUEUE_DEFAULTS.maxErrorLength)
}
