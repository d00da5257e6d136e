import { expectConformant } from "../contract/harness"
import { startSandbox, type Sandbox } from "../sandbox"

export const TEST_PLATFORM_TOKEN = "test-platform-token-0123456789"

/**
 * Starts a Chatwoot sandbox for an http spec and points the app's Chatwoot
 * options at it. Call it at the top of the file, before
 * medusaIntegrationTestRunner: its beforeAll then runs before Medusa loads
 * medusa-config.ts. The sandbox is emptied before every test, like the DB.
 * With CHATWOOT_OPENAPI set, every request the plugin sent during a test and
 * every sandbox answer are checked against Chatwoot's OpenAPI spec after it.
 */
export function useChatwootSandbox(opts: { platformToken?: string | null } = {}) {
  const ref: { current: Sandbox | null } = { current: null }
  beforeAll(async () => {
    const platformToken = opts.platformToken === null ? undefined : (opts.platformToken ?? TEST_PLATFORM_TOKEN)
    ref.current = await startSandbox({ platformToken: platformToken ?? "unused-platform-token" })
    process.env.CHATWOOT_URL = ref.current.url
    if (platformToken) process.env.CHATWOOT_PLATFORM_TOKEN = platformToken
    else delete process.env.CHATWOOT_PLATFORM_TOKEN
  })
  beforeEach(() => {
    ref.current!.reset()
    ref.current!.faults.clear()
    ref.current!.clearLog()
  })
  afterEach(() => {
    if (process.env.CHATWOOT_OPENAPI && ref.current) {
      expectConformant(ref.current.requests)
    }
  })
  afterAll(async () => {
    await ref.current?.close()
  })
  return () => ref.current!
}
