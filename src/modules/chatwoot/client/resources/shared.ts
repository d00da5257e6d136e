import type { ChatwootHttp, ChatwootRequest } from "../http"

/** An account and the user token that opens it. */
export type AccountScope = {
  http: ChatwootHttp
  accountId: number
  token: string
}

export type AccountRequest = Omit<ChatwootRequest, "kind" | "token">

export const ACCOUNT_PATH = "/api/v1/accounts/{account_id}"

/** Sends an Application API request of the scope's account with its token. */
export function accountRequest<T>(scope: AccountScope, req: AccountRequest): Promise<T> {
  return scope.http.request<T>({
    ...req,
    params: { account_id: scope.accountId, ...req.params },
    kind: "account",
    token: scope.token,
  })
}

/**
 * Chatwoot wraps many answers in `{ payload: … }` and the OpenAPI spec
 * sometimes documents them bare: accept both.
 */
export function unwrapPayload<T>(body: unknown): T {
  if (body && typeof body === "object" && !Array.isArray(body) && "payload" in body) {
    return (body as { payload: T }).payload
  }
  return body as T
}
