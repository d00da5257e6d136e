import { createServer } from "node:net"
import { inspect } from "node:util"
import { MedusaError } from "@medusajs/framework/utils"
import { ChatwootClient, ChatwootApiError, type ChatwootExchange } from ".."
import { buildUrl } from "../http"
import { JumpClock } from "./helpers/clocks"

const PLATFORM_TOKEN = "platform-token-SECRET-0001"
const USER_TOKEN = "user-token-SECRET-0002"

/** A local port nothing listens on: connections are refused before anything is sent. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const address = server.address()
  const port = typeof address === "object" && address ? address.port : 0
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe("buildUrl", () => {
  it("fills and encodes path parameters and drops undefined query values", () => {
    expect(
      buildUrl(
        "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}",
        { inbox_identifier: "a/b c", contact_identifier: "x?y" },
        { page: 2, q: "jo@example.com", skip: undefined, flag: false }
      )
    ).toBe("/public/api/v1/inboxes/a%2Fb%20c/contacts/x%3Fy?page=2&q=jo%40example.com&flag=false")
  })

  it("refuses a missing path parameter", () => {
    expect(() => buildUrl("/api/v1/accounts/{account_id}", {})).toThrow(/missing path parameter account_id/)
  })
})

describe("ChatwootHttp without a server", () => {
  let port: number
  beforeAll(async () => {
    port = await closedPort()
  })

  function client(extra: { platformToken?: string } = {}) {
    const exchanges: ChatwootExchange[] = []
    const logs: string[] = []
    const c = new ChatwootClient({
      baseUrl: `http://127.0.0.1:${port}/`,
      platformToken: extra.platformToken,
      clock: new JumpClock(),
      logger: { debug: (m) => logs.push(m) },
      onExchange: (e) => exchanges.push(e),
    })
    return { c, exchanges, logs }
  }

  it("refuses Platform calls without a platform token, before sending anything", async () => {
    const { c, exchanges } = client()
    expect(c.hasPlatformToken).toBe(false)
    const error = await c.platform.accounts.get(1).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MedusaError)
    expect((error as MedusaError).type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect((error as MedusaError).message).toMatch(/platform_token/)
    expect(exchanges).toEqual([])
  })

  it("requires an account id and token for the Application API", () => {
    const { c } = client()
    expect(() => c.account(0, USER_TOKEN)).toThrow(/account id/)
    expect(() => c.account(1, "")).toThrow(/access token/)
    expect(() => c.public("")).toThrow(/inbox identifier/)
  })

  it("refuses a token on a Public API call", async () => {
    const { c } = client()
    await expect(
      c.http.request({ method: "GET", path: "/public/api/v1/inboxes/{x}", params: { x: "y" }, kind: "public", token: "t0k3n-xyz" })
    ).rejects.toMatchObject({ type: MedusaError.Types.INVALID_ARGUMENT })
  })

  it("retries a refused connection even for a non-idempotent call, then fails retryable without leaking tokens", async () => {
    const { c, exchanges, logs } = client({ platformToken: PLATFORM_TOKEN })
    const error = await c.platform.accounts.create({ name: "Shop" }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ChatwootApiError)
    const apiError = error as ChatwootApiError
    expect(apiError).toMatchObject({
      type: MedusaError.Types.UNEXPECTED_STATE,
      status: undefined,
      networkCode: "ECONNREFUSED",
      retryable: true,
      maybeApplied: false,
      attempts: 5,
      operation: "POST /platform/api/v1/accounts",
    })
    expect(exchanges.map((e) => e.networkCode)).toEqual(Array(5).fill("ECONNREFUSED"))
    expect(logs).toHaveLength(4)
    for (const text of [apiError.message, apiError.stack ?? "", JSON.stringify(apiError), inspect(apiError), ...logs]) {
      expect(text).not.toContain(PLATFORM_TOKEN)
    }
    c.close()
  })

  it("does not leak an account token from a failed account call", async () => {
    const { c } = client({ platformToken: PLATFORM_TOKEN })
    const error = await c.account(3, USER_TOKEN).contacts.get(9).catch((e: unknown) => e)
    expect(ChatwootApiError.is(error)).toBe(true)
    const text = [String(error), (error as Error).stack, JSON.stringify(error), inspect(error, { depth: 10 })].join("\n")
    expect(text).not.toContain(USER_TOKEN)
    expect(text).not.toContain(PLATFORM_TOKEN)
    expect(text).toContain("GET /api/v1/accounts/{account_id}/contacts/{id}")
    c.close()
  })
})
