import { errors, type AccountScope, type SandboxRequest } from "./http"
import type { Store } from "./store"
import type { AccountRecord, UserRecord } from "./types"
import { int } from "./util"

/** Everything a route handler needs: the request, the store, and the event emitter. */
export interface RouteContext {
  req: SandboxRequest
  store: Store
  baseUrl: string
  platformToken: string
  /** enqueue an account webhook (no-op when automatic webhooks are off) */
  emit(accountId: number, event: string, payload: object): void
}

export function accessToken(ctx: RouteContext): string | undefined {
  const raw = ctx.req.headers["api_access_token"] ?? ctx.req.headers["api-access-token"]
  const value = Array.isArray(raw) ? raw[0] : raw
  return value === undefined ? undefined : value
}

/** Platform API: only the platform app token. */
export function requirePlatform(ctx: RouteContext): void {
  const token = accessToken(ctx)
  if (token !== ctx.platformToken) {
    throw errors.invalidPlatformToken()
  }
}

/** Platform API `validate_platform_app_permissible`: the app only touches objects it created. */
export function requirePermissible(ctx: RouteContext, type: "Account" | "User", id: number): void {
  if (!ctx.store.state.platformPermissibles.has(`${type}:${id}`)) {
    throw errors.notPermissible()
  }
}

export function platformAccount(ctx: RouteContext, rawId: string): AccountRecord {
  const id = int(rawId)
  const account = id === undefined ? undefined : ctx.store.state.accounts.get(id)
  if (!account) {
    throw errors.railsNotFound()
  }
  requirePermissible(ctx, "Account", account.id)
  return account
}

/** Application API token check (AccessTokenAuthHelper): a user token. */
export function requireUser(ctx: RouteContext): UserRecord {
  const token = accessToken(ctx)
  if (token === undefined || token === "") {
    throw errors.notSignedIn()
  }
  if (token === ctx.platformToken) {
    // the platform app's AccessToken owner is a PlatformApp, neither User nor AgentBot
    throw errors.botsNotAuthorized()
  }
  const user = ctx.store.userByToken(token)
  if (!user) {
    throw errors.invalidAccessToken()
  }
  return user
}

/** `/api/v1/accounts/{account_id}/…`: token, account, active status, membership. */
export function requireAccount(ctx: RouteContext, rawAccountId: string): AccountScope {
  const user = requireUser(ctx)
  const id = int(rawAccountId)
  const account = id === undefined ? undefined : ctx.store.state.accounts.get(id)
  if (!account) {
    throw errors.notFound()
  }
  const membership = ctx.store.accountUser(account.id, user.id)
  if (!membership) {
    throw errors.notMember()
  }
  if (account.status === "suspended") {
    throw errors.suspended()
  }
  membership.active_at = ctx.store.now()
  return { account, user, membership, isAdmin: membership.role === "administrator" }
}

export function requireAdmin(scope: AccountScope): void {
  if (!scope.isAdmin) {
    throw errors.forbidden()
  }
}
