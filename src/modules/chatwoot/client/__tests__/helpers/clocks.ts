import type { Clock } from "../../clock"

type Sleeper = { at: number; seq: number; resolve: () => void }

/**
 * A clock that only moves when the test says so. `advance(ms)` wakes the
 * sleepers in time order, letting each one's continuation run before the next.
 */
export class ManualClock implements Clock {
  private t: number
  private seq = 0
  private sleepers: Sleeper[] = []

  constructor(start = Date.UTC(2026, 0, 1, 12, 0, 0)) {
    this.t = start
  }

  now(): number {
    return this.t
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.sleepers.push({ at: this.t + Math.max(0, ms), seq: this.seq++, resolve })
    })
  }

  get pendingSleepers(): number {
    return this.sleepers.length
  }

  /** Moves time forward by `ms`, waking due sleepers one at a time. */
  async advance(ms: number): Promise<void> {
    const target = this.t + ms
    for (;;) {
      await flush()
      this.sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq)
      const next = this.sleepers[0]
      if (!next || next.at > target) {
        break
      }
      this.sleepers.shift()
      this.t = Math.max(this.t, next.at)
      next.resolve()
    }
    this.t = target
    await flush()
  }
}

/**
 * A clock where sleeping jumps time forward at once: for driving long bursts
 * (minutes of rate limiting) through real code in milliseconds. Time never
 * goes back and nobody wakes before their deadline.
 */
export class JumpClock implements Clock {
  private t: number

  constructor(start = Date.UTC(2026, 0, 1, 12, 0, 0)) {
    this.t = start
  }

  now(): number {
    return this.t
  }

  async sleep(ms: number): Promise<void> {
    this.t = Math.max(this.t, this.t + Math.max(0, ms))
    await Promise.resolve()
  }
}

/** Lets every queued promise continuation (and I/O callback already due) run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
}
