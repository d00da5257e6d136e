/**
 * Bounds how many webhook deliveries are processed at once in this process.
 * The local event bus starts every subscriber at once: under a burst,
 * hundreds of processing workflows would take every database connection and
 * the receiver's own acknowledgement (one insert) would wait behind them.
 * Deliveries beyond `maxQueued` are refused (recorded as failed) rather than
 * held in memory without bound.
 */
export class ProcessingGate {
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(
    private readonly maxConcurrent: number,
    private readonly maxQueued: number
  ) {}

  get backlog() {
    return this.waiting.length
  }

  /** Runs `task` when a slot is free; false (not run) when the backlog is full. */
  async run(task: () => Promise<void>): Promise<boolean> {
    if (this.running >= this.maxConcurrent) {
      if (this.waiting.length >= this.maxQueued) return false
      await new Promise<void>((resolve) => this.waiting.push(resolve))
    }
    this.running += 1
    try {
      await task()
    } finally {
      this.running -= 1
      this.waiting.shift()?.()
    }
    return true
  }
}

function envInt(name: string, fallback: number) {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback
}

/** `CHATWOOT_WEBHOOK_CONCURRENCY` (default 2) deliveries at once, `CHATWOOT_WEBHOOK_BACKLOG` (default 10000) waiting. */
export const webhookProcessingGate = new ProcessingGate(
  envInt("CHATWOOT_WEBHOOK_CONCURRENCY", 2),
  envInt("CHATWOOT_WEBHOOK_BACKLOG", 10_000)
)
