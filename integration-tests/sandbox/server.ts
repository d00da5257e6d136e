/**
 * The Chatwoot v4.15.1 sandbox server: node:http, stateful, with fault injection, a request log,
 * signed account webhooks and `/__sandbox/*` control endpoints for the standalone demo.
 */
import http from "node:http"
import type { AddressInfo, Socket } from "node:net"

import { widgetVisitor } from "./widget-visitor"
import type { RouteContext } from "./context"
import { registerControlRoutes, type ControlContext } from "./control"
import { Faults } from "./faults"
import { HttpError, Router, type SandboxRequest, type SandboxResponse } from "./http"
import { registerApplicationRoutes } from "./routes/application"
import { createOutgoingMessage } from "./domain"
import { registerPlatformRoutes } from "./routes/platform"
import { registerPublicRoutes } from "./routes/public-api"
import { Store } from "./store"
import type { RequestLogEntry, Sandbox, SandboxOptions, WebhookDeliveryResult } from "./types"
import { WebhookDispatcher } from "./webhooks"
import { secureToken, sleep } from "./util"
import { registerWidgetSdkRoutes, SDK_JS, SDK_PATH } from "./widget-sdk"

const CONTROL_PREFIX = "/__sandbox"

function parseQuery(search: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {}
  for (const [key, value] of search) {
    const existing = query[key]
    if (existing === undefined) {
      query[key] = key.endsWith("[]") ? [value] : value
    } else {
      query[key] = Array.isArray(existing) ? [...existing, value] : [existing, value]
    }
  }
  return query
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    req.on("error", reject)
  })
}

function parseJson(raw: string): { ok: true; value: unknown } | { ok: false } {
  if (raw.trim() === "") {
    return { ok: true, value: undefined }
  }
  try {
    return { ok: true, value: JSON.parse(raw) }
  } catch {
    return { ok: false }
  }
}

function proxyErrorPage(status: 502 | 503 | 504): string {
  const title = { 502: "502 Bad Gateway", 503: "503 Service Temporarily Unavailable", 504: "504 Gateway Time-out" }[status]
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const clock = opts.clock ?? Date.now
  const host = opts.host ?? "127.0.0.1"
  const platformToken = opts.platformToken ?? secureToken()
  const store = new Store(clock)
  const faults = new Faults(clock)
  const dispatcher = new WebhookDispatcher(store, opts.webhookTimeoutMs ?? 5000)
  const requests: RequestLogEntry[] = []
  const heldSockets = new Set<Socket>()
  let logSeq = 0
  let baseUrl = ""

  const api = new Router<RouteContext>()
  registerPlatformRoutes(api)
  registerApplicationRoutes(api)
  registerPublicRoutes(api)

  const control = new Router<ControlContext>()

  const sandbox: Sandbox = {
    url: "",
    platformToken,
    get state() {
      return store.state
    },
    faults,
    requests,
    autoWebhooks: opts.deliverWebhooks ?? true,
    deliveries: dispatcher.deliveries,
    sdkCalls: [],
    clearLog() {
      requests.length = 0
    },
    createAccountWithAdmin(input = {}) {
      const n = store.state.accounts.size + 1
      // link mode: the account exists in Chatwoot but was not created by this platform app
      const account = store.createAccount({ name: input.name ?? `Linked Store ${n}` }, false)
      const email = (input.email ?? `admin-${account.id}-${secureToken(6).toLowerCase()}@example.com`).toLowerCase()
      const user = store.userByEmail(email) ?? store.createUser({ name: `Admin ${account.id}`, email }, false)
      store.upsertAccountUser(account.id, user.id, "administrator")
      return { accountId: account.id, userId: user.id, accessToken: user.access_token }
    },
    async sendWebhook(accountId, event, payload, sendOpts = {}) {
      const rawBody = WebhookDispatcher.body(event, payload)
      const results: WebhookDeliveryResult[] = []
      for (const webhook of dispatcher.subscribers(accountId, event)) {
        results.push(
          await dispatcher.deliver({
            webhook,
            event,
            rawBody,
            sign: sendOpts.sign ?? true,
            timestamp: sendOpts.timestamp,
            deliveryId: sendOpts.deliveryId,
          })
        )
      }
      return results
    },
    flushWebhooks() {
      return dispatcher.flush()
    },
    faultState() {
      return faults.snapshot()
    },
    reset() {
      store.reset()
      requests.length = 0
      dispatcher.deliveries.length = 0
      sandbox.sdkCalls.length = 0
      dispatcher.clearQueue()
      faults.clear()
    },
    agentReply(input) {
      return createOutgoingMessage(routeContext(undefined), input)
    },
    widgetVisitor(input) {
      return widgetVisitor(routeContext(undefined), input)
    },
    async close() {
      dispatcher.close()
      for (const socket of heldSockets) {
        socket.destroy()
      }
      heldSockets.clear()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }

  function routeContext(req: SandboxRequest | undefined): RouteContext {
    return {
      req: req ?? { method: "INTERNAL", path: "", query: {}, headers: {}, body: undefined, rawBody: "" },
      store,
      baseUrl,
      platformToken,
      emit(accountId, event, payload) {
        if (sandbox.autoWebhooks) {
          dispatcher.enqueue(accountId, event, payload)
        }
      },
    }
  }

  registerControlRoutes(control, sandbox, store)
  registerWidgetSdkRoutes(control, sandbox)

  async function handleApi(req: SandboxRequest): Promise<SandboxResponse> {
    const match = api.match(req.method, req.path)
    if (!match) {
      return { status: 404, json: { status: 404, error: "Not Found" } }
    }
    if ("methodNotAllowed" in match) {
      return { status: 404, json: { status: 404, error: "Not Found" } }
    }
    try {
      return await match.handler(routeContext(req), match.params)
    } catch (err) {
      if (err instanceof HttpError) {
        return { status: err.status, json: err.body }
      }
      return {
        status: 500,
        json: { status: 500, error: "Internal Server Error", sandbox_error: (err as Error).message },
      }
    }
  }

  function send(res: http.ServerResponse, response: SandboxResponse, cors = false): { raw: string; parsed: unknown } {
    const headers: Record<string, string> = { ...(response.headers ?? {}) }
    if (cors) {
      // Chatwoot's rack-cors: origins '*' for /public/api/*
      headers["Access-Control-Allow-Origin"] = "*"
    }
    let raw = ""
    let parsed: unknown
    if ("json" in response) {
      raw = JSON.stringify(response.json)
      parsed = response.json
      headers["Content-Type"] = "application/json; charset=utf-8"
    } else if ("text" in response) {
      raw = response.text
      parsed = response.text
      headers["Content-Type"] = response.contentType
    }
    headers["Content-Length"] = String(Buffer.byteLength(raw))
    res.writeHead(response.status, headers)
    res.end(raw)
    return { raw, parsed }
  }

  const server = http.createServer(async (req, res) => {
    const startedAt = clock()
    const started = performance.now()
    const url = new URL(req.url ?? "/", "http://sandbox.local")
    const rawBody = await readBody(req).catch(() => "")
    const parsedBody = parseJson(rawBody)
    const sreq: SandboxRequest = {
      method: (req.method ?? "GET").toUpperCase(),
      path: url.pathname,
      query: parseQuery(url.searchParams),
      headers: { ...req.headers },
      body: parsedBody.ok ? parsedBody.value : undefined,
      rawBody,
    }

    // the widget SDK stub is a static asset, not part of the API: never faulted, never logged
    if (sreq.method === "GET" && sreq.path === SDK_PATH) {
      send(res, { status: 200, text: SDK_JS, contentType: "application/javascript; charset=utf-8" })
      return
    }

    // control endpoints: never faulted, never logged
    if (sreq.path === CONTROL_PREFIX || sreq.path.startsWith(`${CONTROL_PREFIX}/`)) {
      const match = control.match(sreq.method, sreq.path)
      let response: SandboxResponse
      if (!match || "methodNotAllowed" in match) {
        response = { status: 404, json: { error: `no control endpoint ${sreq.method} ${sreq.path}` } }
      } else if (!parsedBody.ok) {
        response = { status: 400, json: { error: "invalid JSON body" } }
      } else {
        try {
          response = await match.handler({ req: sreq, sandbox }, match.params)
        } catch (err) {
          response =
            err instanceof HttpError
              ? { status: err.status, json: err.body }
              : { status: 500, json: { error: (err as Error).message } }
        }
      }
      // the SDK stub reports its calls from storefront pages (a simple text/plain POST)
      send(res, response, sreq.path === "/__sandbox/sdk-calls")
      return
    }

    const entry: RequestLogEntry = {
      id: ++logSeq,
      at: startedAt,
      method: sreq.method,
      path: sreq.path,
      query: sreq.query,
      headers: sreq.headers,
      body: sreq.body,
      rawBody,
      status: 0,
      responseBody: undefined,
      durationMs: 0,
    }

    const decision = faults.decide(sreq.method, sreq.path)
    if (decision?.kind === "outage") {
      entry.fault = "outage"
      requests.push(entry)
      req.socket.destroy()
      return
    }
    if (decision?.kind === "timeout") {
      entry.fault = "timeout"
      requests.push(entry)
      heldSockets.add(req.socket)
      req.socket.once("close", () => heldSockets.delete(req.socket))
      return
    }

    let response: SandboxResponse
    if (decision?.kind === "rate_limit") {
      entry.fault = "rate_limit"
      // rack-attack 6.7 default throttled responder
      response = {
        status: 429,
        text: "Retry later\n",
        contentType: "text/plain",
        headers: decision.retryAfter === null ? {} : { "Retry-After": decision.retryAfter },
      }
    } else if (decision?.kind === "server_error") {
      entry.fault = "server_error"
      response =
        decision.status === 500
          ? { status: 500, json: { status: 500, error: "Internal Server Error" } }
          : { status: decision.status, text: proxyErrorPage(decision.status), contentType: "text/html" }
    } else if (!parsedBody.ok) {
      // ActionDispatch::Http::Parameters::ParseError
      response = { status: 400, json: { status: 400, error: "Bad Request" } }
    } else {
      response = await handleApi(sreq)
    }

    if (faults.latencyMs > 0) {
      entry.fault ??= "latency"
      await sleep(faults.latencyMs)
    }
    if (res.destroyed) {
      return
    }
    const { parsed } = send(res, response, sreq.path.startsWith("/public/api/"))
    entry.status = response.status
    entry.responseBody = parsed
    entry.durationMs = Math.round((performance.now() - started) * 100) / 100
    requests.push(entry)
  })

  // keep-alive sockets must not keep close() waiting
  server.keepAliveTimeout = 1000

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const printableHost = host.includes(":") ? `[${host}]` : host
  baseUrl = `http://${printableHost}:${address.port}`
  sandbox.url = baseUrl
  return sandbox
}
