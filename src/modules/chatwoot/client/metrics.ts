import { systemClock, type Clock } from "./clock"
import type { ChatwootExchange } from "./http"

/** Counts of calls (attempts) to one Chatwoot account over a window. */
export type CallCounts = {
  calls: number
  /** 429 answers (rate limited by Chatwoot). */
  rate_limited: number
  /** 5xx answers. */
  server_errors: number
  /** No answer: timeout, reset, refused. */
  network_errors: number
  last_success_at: Date | null
  last_failure_at: Date | null
}

const MINUTE = 60_000
/** Longest window kept: the health page shows the last 24 h. */
const KEEP_MS = 24 * 60 * MINUTE

type Bucket = { calls: number; rate_limited: number; server_errors: number; network_errors: number }
type Series = { buckets: Map<number, Bucket>; last_success_at: number | null; last_failure_at: number | null }

/**
 * In-memory per-account counters of calls to Chatwoot (one process; reset on
 * restart), fed by the client after every attempt: recent 429/5xx/network
 * failures and the last successful call, for GET /admin/chatwoot/health.
 * Calls outside an account (Platform, Public API) count under account 0.
 */
export class ChatwootCallMetrics {
  private readonly series = new Map<number, Series>()

  constructor(private readonly clock: Clock = systemClock) {}

  record(exchange: ChatwootExchange): void {
    const now = this.clock.now()
    const key = exchange.accountId ?? 0
    let series = this.series.get(key)
    if (!series) {
      series = { buckets: new Map(), last_success_at: null, last_failure_at: null }
      this.series.set(key, series)
    }
    const minute = Math.floor(now / MINUTE)
    let bucket = series.buckets.get(minute)
    if (!bucket) {
      bucket = { calls: 0, rate_limited: 0, server_errors: 0, network_errors: 0 }
      series.buckets.set(minute, bucket)
      this.prune(series, minute)
    }
    bucket.calls++
    const status = exchange.status
    if (status === 429) bucket.rate_limited++
    else if (status !== undefined && status >= 500) bucket.server_errors++
    else if (status === undefined) bucket.network_errors++
    if (status !== undefined && status >= 200 && status < 400) series.last_success_at = now
    else series.last_failure_at = now
  }

  /** Counts of one Chatwoot account over the last `windowMs` (default 24 h). */
  counts(chatwootAccountId: number, windowMs: number = KEEP_MS): CallCounts {
    const series = this.series.get(chatwootAccountId)
    const out: CallCounts = {
      calls: 0,
      rate_limited: 0,
      server_errors: 0,
      network_errors: 0,
      last_success_at: series?.last_success_at ? new Date(series.last_success_at) : null,
      last_failure_at: series?.last_failure_at ? new Date(series.last_failure_at) : null,
    }
    if (!series) return out
    const from = Math.floor((this.clock.now() - windowMs) / MINUTE)
    for (const [minute, bucket] of series.buckets) {
      if (minute < from) continue
      out.calls += bucket.calls
      out.rate_limited += bucket.rate_limited
      out.server_errors += bucket.server_errors
      out.network_errors += bucket.network_errors
    }
    return out
  }

  private prune(series: Series, currentMinute: number) {
    const oldest = currentMinute - KEEP_MS / MINUTE
    for (const minute of series.buckets.keys()) {
      if (minute < oldest) series.buckets.delete(minute)
    }
  }
}
