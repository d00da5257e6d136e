import type { MedusaContainer } from "@medusajs/framework/types"
import { CHATWOOT_MODULE } from "../../modules/chatwoot"
import { kickChatwootSync } from "../wake"

/**
 * The in-process waker is one per process: every subscriber run, route and
 * job hands it its own container scope (and module services are not one
 * object across them), and each of those kicks must fold into the same
 * debounced drain, not start a drain of its own.
 */
describe("kickChatwootSync", () => {
  beforeEach(() => {
    jest.useFakeTimers()
    // a fresh process's waker for every test
    delete (globalThis as Record<symbol, unknown>)[Symbol.for("medusa-plugin-chatwoot.sync-kick")]
  })
  afterEach(() => jest.useRealTimers())

  /** A container scope with its own copy of the module service; counts the queue claims it is asked for. */
  function scope(claims: { count: number }, due: () => Date | null = () => null) {
    const service = {
      getPublicOptions: () => ({ sync_concurrency: 8 }),
      listChatwootBackfills: async () => [],
      claimSyncJobs: async () => {
        claims.count += 1
        return []
      },
      nextSyncJobDueAt: async () => due(),
    }
    return {
      resolve: (key: string) => {
        if (key === CHATWOOT_MODULE) return service
        throw new Error(`not registered: ${key}`)
      },
      hasRegistration: () => false,
    } as unknown as MedusaContainer
  }

  async function settle(ms: number) {
    await jest.advanceTimersByTimeAsync(ms)
  }

  it("folds kicks from many container scopes into one drain", async () => {
    const claims = { count: 0 }
    for (let i = 0; i < 50; i++) kickChatwootSync(scope(claims), 250)
    await settle(1_000)
    expect(claims.count).toBe(1)
  })

  it("keeps the earliest wake-up and drains again after a later kick", async () => {
    const claims = { count: 0 }
    kickChatwootSync(scope(claims), 1_000)
    kickChatwootSync(scope(claims), 100)
    await settle(150)
    expect(claims.count).toBe(1)
    // the 1 s kick was folded into the earlier drain: nothing more is started by it
    await settle(2_000)
    expect(claims.count).toBe(1)
    kickChatwootSync(scope(claims), 0)
    await settle(50)
    expect(claims.count).toBe(2)
  })

  it("wakes once when the next settling row falls due", async () => {
    const claims = { count: 0 }
    let due: Date | null = new Date(Date.now() + 500)
    const container = scope(claims, () => due)
    kickChatwootSync(container, 0)
    await settle(10)
    expect(claims.count).toBe(1)
    due = null
    await settle(600)
    expect(claims.count).toBe(2)
    await settle(5_000)
    expect(claims.count).toBe(2)
  })

  it("does nothing in a container without the module", async () => {
    const container = { resolve: () => { throw new Error("not registered") } } as unknown as MedusaContainer
    expect(() => kickChatwootSync(container, 0)).not.toThrow()
    await settle(10)
  })
})
