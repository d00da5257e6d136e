import type { AccountRecord, AccountUserRecord, UserRecord } from "./types"

export interface SandboxRequest {
  method: string
  path: string
  query: Record<string, string | string[]>
  headers: Record<string, string | string[] | undefined>
  body: unknown
  rawBody: string
}

export type SandboxResponse =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status: number; text: string; contentType: string; headers?: Record<string, string> }
  | { status: number; empty: true; headers?: Record<string, string> }

export const json = (status: number, body: unknown): SandboxResponse => ({ status, json: body })
export const empty = (status = 200): SandboxResponse => ({ status, empty: true })

/** Thrown by handlers to answer with an error body (Chatwoot's RequestExceptionHandler shapes). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown
  ) {
    super(`HTTP ${status}: ${JSON.stringify(body)}`)
  }
}

// Chatwoot error bodies (RequestExceptionHandler, Devise, Rails defaults)
export const errors = {
  notFound: () => new HttpError(404, { error: "Resource could not be found" }),
  /** Platform/Public controllers have no handle_with_exception: Rails' default 404 */
  railsNotFound: () => new HttpError(404, { status: 404, error: "Not Found" }),
  railsUnprocessable: () => new HttpError(422, { status: 422, error: "Unprocessable Entity" }),
  railsServerError: () => new HttpError(500, { status: 500, error: "Internal Server Error" }),
  invalidAccessToken: () => new HttpError(401, { error: "Invalid Access Token" }),
  invalidPlatformToken: () => new HttpError(401, { error: "Invalid access_token" }),
  notSignedIn: () => new HttpError(401, { errors: ["You need to sign in or sign up before continuing."] }),
  botsNotAuthorized: () => new HttpError(401, { error: "Access to this endpoint is not authorized for bots" }),
  notPermissible: () => new HttpError(401, { error: "Non permissible resource" }),
  suspended: () => new HttpError(401, { error: "Account is suspended" }),
  notMember: () => new HttpError(401, { error: "You are not authorized to access this account" }),
  forbidden: () => new HttpError(401, { error: "You are not authorized to do this action" }),
  invalid: (messages: Array<[attribute: string, message: string]>) =>
    new HttpError(422, {
      message: messages.map(([, m]) => m).join(", "),
      attributes: [...new Set(messages.map(([a]) => a))],
    }),
  unprocessable: (error: string) => new HttpError(422, { error }),
  paramMissing: (param: string) =>
    new HttpError(422, { error: `param is missing or the value is empty: ${param}` }),
}

export interface AccountScope {
  account: AccountRecord
  user: UserRecord
  membership: AccountUserRecord
  isAdmin: boolean
}

export type Params = Record<string, string>

export type Handler<C> = (ctx: C, params: Params) => SandboxResponse | Promise<SandboxResponse>

interface Route<C> {
  method: string
  segments: string[]
  handler: Handler<C>
}

/** Minimal method + path-template router; literal segments win over `:params` (search before :id). */
export class Router<C> {
  private routes: Array<Route<C>> = []

  on(method: string, pattern: string, handler: Handler<C>): this {
    this.routes.push({ method, segments: pattern.split("/").filter(Boolean), handler })
    return this
  }

  match(method: string, path: string): { handler: Handler<C>; params: Params } | { methodNotAllowed: true } | null {
    const parts = path.split("/").filter(Boolean)
    let best: { route: Route<C>; params: Params; literals: number } | null = null
    let pathMatched = false
    for (const route of this.routes) {
      if (route.segments.length !== parts.length) {
        continue
      }
      const params: Params = {}
      let literals = 0
      let ok = true
      for (let i = 0; i < parts.length; i++) {
        const seg = route.segments[i]
        if (seg.startsWith(":")) {
          params[seg.slice(1)] = decodeURIComponent(parts[i])
        } else if (seg === parts[i]) {
          literals++
        } else {
          ok = false
          break
        }
      }
      if (!ok) {
        continue
      }
      pathMatched = true
      if (route.method !== method) {
        continue
      }
      if (!best || literals > best.literals) {
        best = { route, params, literals }
      }
    }
    if (best) {
      return { handler: best.route.handler, params: best.params }
    }
    return pathMatched ? { methodNotAllowed: true } : null
  }
}
