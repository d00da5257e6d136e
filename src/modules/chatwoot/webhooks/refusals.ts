/** How often refusals counted in memory are written. */
const WEBHOOK_REFUSAL_FLUSH_MS = 5_000

export type WebhookRefusal = { account_id: string | null; reason: string; hits: number }

/**
 * Refused deliveries counted in memory per account and reason, written as
 * aggregate rows a few seconds later (or before the health figures are
 * read), so a flood of refused requests writes nothing per request.
 */
export class WebhookRefusalBuffer {
  /** key → counts not yet written. */
  private readonly pending = new Map<string, WebhookRefusal>()
  /** Mutated, never reassigned (a wrapping proxy may not keep assignments to `this`). */
  private readonly flushTimer: { timer: NodeJS.Timeout | null } = { timer: null }

  /** Adds hits; `flushLater` runs once, a few seconds after the first hit not yet written. */
  add(accountId: string | null, reason: string, hits: number, flushLater: () => Promise<void>) {
    const key = `${accountId ?? ""}|${reason}`
    const entry = this.pending.get(key)
    if (entry) entry.hits += hits
    else this.pending.set(key, { account_id: accountId, reason, hits })
    if (!this.flushTimer.timer) {
      const timer = setTimeout(() => {
        flushLater().catch(() => undefined)
      }, WEBHOOK_REFUSAL_FLUSH_MS)
      timer.unref?.()
      this.flushTimer.timer = timer
    }
  }

  /** Writes the refusals counted so far with `write`; what was not written is kept for the next try. */
  async flush(write: (refusal: WebhookRefusal) => Promise<unknown>, flushLater: () => Promise<void>): Promise<void> {
    if (this.flushTimer.timer) clearTimeout(this.flushTimer.timer)
    this.flushTimer.timer = null
    const pending = [...this.pending.values()]
    this.pending.clear()
    for (const [i, entry] of pending.entries()) {
      try {
        await write(entry)
      } catch (error) {
        for (const rest of pending.slice(i)) this.add(rest.account_id, rest.reason, rest.hits, flushLater)
        throw error
      }
    }
  }
}
