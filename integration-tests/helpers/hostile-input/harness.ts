/**
 * The checking side of the hostile-input suite: one case is a request; every
 * answer must be a 4xx or the route's documented 2xx, never a 5xx, within
 * MAX_MS, with no secret and no stack trace in it. Counts the cases run and
 * records process-level errors for `expectHealthy`.
 */
import { randomUUID } from "node:crypto"
import type { AxiosInstance, AxiosResponse } from "axios"
import fc from "fast-check"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createStorefront } from "../auth"
import { waitForAccount, type TestAccount } from "../accounts"
import { webhookSecretOf } from "../webhooks"
import type { Sandbox } from "../../sandbox"

export const RUNS = Math.max(1, Number(process.env.HOSTILE_RUNS) || 25)
export const SEED = Number(process.env.HOSTILE_SEED) || 20_251_212
export const MAX_MS = 1_000

export type Case = {
  method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH"
  path: string
  headers?: Record<string, string>
  body?: string | Buffer
  /** the route's documented success statuses for this request */
  ok?: number[]
}

let casesRun = 0
const processErrors: string[] = []
const onUnhandled = (error: unknown) => processErrors.push(`unhandled: ${String((error as Error)?.stack ?? error).slice(0, 500)}`)
const onUncaught = (error: unknown) => processErrors.push(`uncaught: ${String((error as Error)?.stack ?? error).slice(0, 500)}`)

/** Records unhandled errors at process level for the whole file and prints `hostile-input: N cases` at its end. */
export function watchProcess() {
  beforeAll(() => {
    process.on("unhandledRejection", onUnhandled)
    process.on("uncaughtException", onUncaught)
  })
  afterAll(() => {
    process.off("unhandledRejection", onUnhandled)
    process.off("uncaughtException", onUncaught)
    console.log(`hostile-input: ${casesRun} cases (HOSTILE_RUNS=${RUNS}, seed ${SEED})`)
  })
}

/** Every secret the sandbox holds for the plugin: none may appear in any answer. */
export function collectSecrets(sandbox: Sandbox, secrets: Set<string>) {
  const state = sandbox.state
  for (const inbox of state.inboxes.values()) {
    const token = (inbox.channel as { hmac_token?: string }).hmac_token
    if (token) secrets.add(token)
  }
  for (const webhook of state.webhooks.values()) if (webhook.secret) secrets.add(webhook.secret)
  for (const user of state.users.values()) {
    if (user.access_token) secrets.add(user.access_token)
    if (user.pubsub_token) secrets.add(user.pubsub_token)
  }
  for (const app of state.dashboardApps.values()) {
    const m = /#k=(.+)$/.exec(app.content[0]?.url ?? "")
    if (m) secrets.add(decodeURIComponent(m[1]))
  }
}

/** One storefront with its active account, its webhook secret and dashboard-app secret. */
export async function setupStorefront(ctx: { container: MedusaContainer; api: AxiosInstance; admin: Record<string, string>; sandbox: () => Sandbox; secrets: Set<string> }) {
  const { container, api, admin, sandbox, secrets } = ctx
  const sf = await createStorefront(container, `Hostile ${randomUUID().slice(0, 8)}`)
  const account: TestAccount = await waitForAccount(api, admin, sf.salesChannelId)
  sandbox().autoWebhooks = false
  const app = [...sandbox().state.dashboardApps.values()].find((a) => a.account_id === account.chatwoot_account_id)
  const dashboardSecret = decodeURIComponent(/#k=(.+)$/.exec(app?.content[0]?.url ?? "")?.[1] ?? "")
  collectSecrets(sandbox(), secrets)
  return {
    ...sf,
    account,
    webhookSecret: webhookSecretOf(sandbox(), account.chatwoot_account_id),
    dashboardSecret,
  }
}

/** The checks of one test file, against its Medusa (`api`) and the secrets no answer may contain. */
export function hostileChecks(api: AxiosInstance, secrets: Set<string>) {
  /** Sends one case and returns what is wrong with the answer (empty: nothing). */
  async function probe(c: Case): Promise<{ problems: string[]; res?: AxiosResponse<string> }> {
    casesRun++
    const started = performance.now()
    let res: AxiosResponse<string>
    try {
      res = await api.request<string>({
        method: c.method,
        url: c.path,
        headers: c.headers,
        data: c.body,
        validateStatus: () => true,
        transformRequest: [(data) => data],
        transformResponse: [(data) => data],
        maxBodyLength: Infinity,
        maxContentLength: Infinity,
        timeout: 10_000,
      })
    } catch (error) {
      return { problems: [`no answer: ${(error as Error).message}`] }
    }
    const ms = performance.now() - started
    const problems: string[] = []
    if (res.status >= 500) problems.push(`status ${res.status}: ${String(res.data).slice(0, 300)}`)
    else if (res.status < 400 && !(c.ok ?? []).includes(res.status)) problems.push(`undocumented status ${res.status}`)
    if (ms > MAX_MS) problems.push(`took ${Math.round(ms)} ms`)
    const text = `${JSON.stringify(res.headers)}\n${typeof res.data === "string" ? res.data : ""}`
    for (const secret of secrets) if (secret && text.includes(secret)) problems.push("leaks a secret")
    if (/\n\s+at .+\(.*:\d+:\d+\)|node_modules\//.test(text)) problems.push("leaks a stack trace")
    return { problems, res }
  }

  const describeCase = (c: Case) =>
    `${c.method} ${c.path.slice(0, 300)} headers=${JSON.stringify(c.headers ?? {}).slice(0, 300)} body=${
      c.body === undefined ? "-" : JSON.stringify(String(c.body).slice(0, 300))
    }`

  /** Throws (for fast-check) when the answer breaks a rule. */
  async function expectSafe(c: Case) {
    const { problems, res } = await probe(c)
    if (problems.length) throw new Error(`${problems.join("; ")}\n  ${describeCase(c)}`)
    return res!
  }

  /** Runs a property over `cases` with the suite's seed and run count. */
  async function property(name: string, cases: fc.Arbitrary<Case>, runs = RUNS) {
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        await expectSafe(c)
      }),
      { seed: SEED + name.length * 7919, numRuns: runs, endOnFailure: true }
    )
  }

  /** Hand-picked cases: all checked, all problems reported together. */
  async function handPicked(cases: Case[]) {
    const failures: string[] = []
    for (const c of cases) {
      const { problems } = await probe(c)
      if (problems.length) failures.push(`${problems.join("; ")}\n  ${describeCase(c)}`)
    }
    expect(failures).toEqual([])
  }

  /** The server is still healthy: /health, a valid widget request, no process-level error, no polluted prototype. */
  async function expectHealthy(sf: { headers: Record<string, string> }) {
    const health = await api.get("/health", { validateStatus: () => true })
    expect(health.status).toBe(200)
    const widget = await api.get("/store/chatwoot/widget", { headers: sf.headers, validateStatus: () => true })
    expect(widget.status).toBe(200)
    expect(widget.data.widget.enabled).toBe(true)
    expect(processErrors).toEqual([])
    for (const key of ["polluted", "admin", "isAdmin", "a", "email"]) {
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, key)).toBe(false)
    }
  }

  return { probe, expectSafe, property, handPicked, expectHealthy }
}
