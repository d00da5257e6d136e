import { startSandbox, type Sandbox } from "../../../../../../integration-tests/sandbox"
import { ChatwootClient, type ChatwootClientOptions, type ChatwootExchange } from "../.."
import type { Clock } from "../../clock"

export type { Sandbox }

export type Harness = {
  sandbox: Sandbox
  client: ChatwootClient
  exchanges: ChatwootExchange[]
  logs: string[]
  close(): Promise<void>
}

/**
 * A Chatwoot sandbox on 127.0.0.1 and a client pointed at it. With a `clock`,
 * sandbox and client share it (fault windows, Retry-After, request times).
 * Back-off is shortened unless `retry` says otherwise.
 */
export async function startHarness(
  options: { clock?: Clock; platformToken?: string | null } & Partial<ChatwootClientOptions> = {}
): Promise<Harness> {
  const { clock, platformToken, ...clientOptions } = options
  const sandbox = await startSandbox(clock ? { clock: () => clock.now() } : {})
  const exchanges: ChatwootExchange[] = []
  const logs: string[] = []
  const client = new ChatwootClient({
    baseUrl: sandbox.url,
    platformToken: platformToken === null ? undefined : platformToken ?? sandbox.platformToken,
    timeoutMs: 2_000,
    clock,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    logger: { debug: (message) => logs.push(message) },
    onExchange: (exchange) => exchanges.push(exchange),
    ...clientOptions,
  })
  return {
    sandbox,
    client,
    exchanges,
    logs,
    async close() {
      client.close()
      await sandbox.close()
    },
  }
}

/** The api_access_token header the sandbox received. */
export function tokenHeader(entry: { headers: Record<string, string | string[] | undefined> }): string | undefined {
  const value = entry.headers["api_access_token"]
  return Array.isArray(value) ? value[0] : value
}
