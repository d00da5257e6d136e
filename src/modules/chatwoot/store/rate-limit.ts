import type { RateLimitGrant, RateLimitStore } from "../client"

/** Runs one SQL statement; the store only reads `state` from the rows. */
type SqlRunner = { raw(sql: string, bindings?: unknown[]): Promise<{ rows: { state?: unknown }[] }> }

/** The part of a knex connection the store needs (Medusa's PG connection is one). */
export type SqlConnection = SqlRunner & {
  transaction<T>(run: (trx: SqlRunner) => Promise<T>): Promise<T>
}

type State = { starts: number[]; blocked_until: number }

/**
 * Rate-limit store in Postgres (table `chatwoot_rate_limit`), so every Medusa
 * process (server and workers) draws on one budget. Each acquire
 * is one short transaction holding the limiter's row lock: prune the window,
 * grant or refuse, record the start — the same sliding-window log as the
 * in-memory store, exact across processes.
 */
export class PostgresRateLimitStore implements RateLimitStore {
  constructor(private readonly db: SqlConnection) {}

  async acquire(key: string, now: number, limit: number, windowMs: number): Promise<RateLimitGrant> {
    return this.db.transaction(async (trx) => {
      const state = await this.lock(trx, key)
      if (now < state.blocked_until) return { granted: false, retryAt: state.blocked_until }
      const live = state.starts.filter((at) => at > now - windowMs)
      let grant: RateLimitGrant
      if (live.length < limit) {
        live.push(now)
        grant = { granted: true }
      } else {
        // the start that leaves the window first is the one `limit` places back
        grant = { granted: false, retryAt: live[live.length - limit] + windowMs }
      }
      await this.save(trx, key, { starts: live, blocked_until: state.blocked_until })
      return grant
    })
  }

  async block(key: string, until: number): Promise<void> {
    await this.db.transaction(async (trx) => {
      const state = await this.lock(trx, key)
      await this.save(trx, key, { ...state, blocked_until: Math.max(state.blocked_until, until) })
    })
  }

  async blockedUntil(key: string): Promise<number> {
    const { rows } = await this.db.raw(`select state from chatwoot_rate_limit where id = ? and deleted_at is null`, [key])
    return Number((rows[0]?.state as State | undefined)?.blocked_until ?? 0)
  }

  private async lock(trx: SqlRunner, key: string): Promise<State> {
    await trx.raw(
      `insert into chatwoot_rate_limit (id, state, created_at, updated_at)
       values (?, '{"starts": [], "blocked_until": 0}'::jsonb, now(), now())
       on conflict (id) do nothing`,
      [key]
    )
    const { rows } = await trx.raw(`select state from chatwoot_rate_limit where id = ? for update`, [key])
    const state = (rows[0]?.state ?? {}) as Partial<State>
    return { starts: Array.isArray(state.starts) ? state.starts.map(Number) : [], blocked_until: Number(state.blocked_until ?? 0) }
  }

  private async save(trx: SqlRunner, key: string, state: State) {
    await trx.raw(`update chatwoot_rate_limit set state = ?::jsonb, updated_at = now() where id = ?`, [JSON.stringify(state), key])
  }
}
