/**
 * Time source of the client. Injected so the rate limiter and the back-off can
 * be tested on a fake clock instead of wall time.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch (wall time: Retry-After may be an HTTP date). */
  now(): number
  /** Resolves after `ms` milliseconds of this clock's time. */
  sleep(ms: number): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) =>
    new Promise((resolve) => {
      setTimeout(resolve, Math.max(0, ms))
    }),
}
