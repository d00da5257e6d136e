import { asValue } from "@medusajs/framework/awilix"
import { createMedusaContainer } from "@medusajs/framework/utils"
import type { Logger } from "@medusajs/framework/types"
import optionsLoader, { CHATWOOT_OPTIONS } from "../../loaders/options"
import clientLoader, { CHATWOOT_CLIENT } from "../../loaders/client"
import { ChatwootClient } from ".."
import { startSandbox, type Sandbox } from "../../../../../integration-tests/sandbox"

describe("client loader", () => {
  let sandbox: Sandbox

  beforeAll(async () => {
    sandbox = await startSandbox()
  })
  afterAll(async () => {
    await sandbox.close()
  })

  async function load(extra: Record<string, unknown> = {}) {
    const container = createMedusaContainer()
    const debug: string[] = []
    const logger = { debug: (m: string) => debug.push(m) } as unknown as Logger
    container.register("logger", asValue(logger))
    const options = {
      chatwoot_url: `${sandbox.url}/`,
      public_url: "https://shop.example.com",
      encryption_key: "loader-test-encryption-key-0123456789",
      ...extra,
    }
    await optionsLoader({ container, options })
    await clientLoader({ container, options })
    return { container, debug, client: container.resolve<ChatwootClient>(CHATWOOT_CLIENT) }
  }

  it("registers chatwootClient built from the validated options", async () => {
    const { container, client } = await load({
      platform_token: sandbox.platformToken,
      rate_limit_per_minute: 600,
      request_timeout_ms: 1234,
    })
    expect(container.hasRegistration(CHATWOOT_OPTIONS)).toBe(true)
    expect(client).toBeInstanceOf(ChatwootClient)
    expect(client.hasPlatformToken).toBe(true)
    expect(client.rateLimiter.limit).toBe(600)
    expect(client.http.baseUrl).toBe(sandbox.url)

    sandbox.clearLog()
    await client.platform.accounts.list()
    expect(sandbox.requests[0].headers["api_access_token"]).toBe(sandbox.platformToken)
    client.close()
  })

  it("works without a platform token (link mode) and uses the default rate limit", async () => {
    const { client } = await load()
    expect(client.hasPlatformToken).toBe(false)
    expect(client.rateLimiter.limit).toBe(2400)
    await expect(client.platform.accounts.list()).rejects.toMatchObject({ type: "not_allowed" })
    client.close()
  })

  it("logs a debug line per retry through the module logger, without secrets", async () => {
    const { client, debug } = await load({ platform_token: sandbox.platformToken })
    sandbox.faults.rateLimit({ retryAfterSeconds: 1, requests: 1 })
    sandbox.faults.serverError({ status: 503, requests: 1 })
    await client.platform.accounts.list()
    sandbox.faults.clear()
    expect(debug).toEqual([
      expect.stringMatching(/^chatwoot: 429 on GET \/platform\/api\/v1\/accounts; pausing every call for 1000 ms/),
      expect.stringMatching(/^chatwoot: GET \/platform\/api\/v1\/accounts failed \(503\); retry 1\/4 in \d+ ms$/),
    ])
    expect(debug.join("\n")).not.toContain(sandbox.platformToken)
    client.close()
  }, 15_000)
})
