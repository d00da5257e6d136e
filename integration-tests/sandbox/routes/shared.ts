import { requireAccount, type RouteContext } from "../context"
import { errors, type AccountScope } from "../http"
import { int, isObject, type JsonObject } from "../util"

/** Application API account prefix. */
export const A = "/api/v1/accounts/:account_id"

export function body(ctx: RouteContext): JsonObject {
  return isObject(ctx.req.body) ? ctx.req.body : {}
}

export function scope(ctx: RouteContext, params: Record<string, string>): AccountScope {
  return requireAccount(ctx, params.account_id)
}

/** Account-scoped record lookup by numeric path id; 404 "Resource could not be found" otherwise. */
export function scoped<T extends { account_id: number }>(map: Map<number, T>, accountId: number, rawId: string): T {
  const id = int(rawId)
  const record = id === undefined ? undefined : map.get(id)
  if (!record || record.account_id !== accountId) {
    throw errors.notFound()
  }
  return record
}
