import type { ChatwootHttp, ChatwootRequest } from "../http"
import type {
  AccountRole,
  AccountUser,
  PlatformAccount,
  PlatformAccountInput,
  PlatformAccountUpdate,
  PlatformUser,
  PlatformUserInput,
  PlatformUserToken,
  PlatformUserUpdate,
  SsoLink,
} from "../types"

const P = "/platform/api/v1"

type PlatformRequest = Omit<ChatwootRequest, "kind" | "token">

/** Platform API (self-hosted Chatwoot, Platform App token): objects this app created. */
export class PlatformApi {
  readonly accounts: PlatformAccounts
  readonly users: PlatformUsers
  readonly accountUsers: PlatformAccountUsers

  constructor(http: ChatwootHttp) {
    const call = <T>(req: PlatformRequest) => http.request<T>({ ...req, kind: "platform" })
    this.accounts = new PlatformAccounts(call)
    this.users = new PlatformUsers(call)
    this.accountUsers = new PlatformAccountUsers(call)
  }
}

type Call = <T>(req: PlatformRequest) => Promise<T>

export class PlatformAccounts {
  constructor(private readonly call: Call) {}

  /** Accounts this Platform App may manage (GET /accounts: not in the OpenAPI spec). */
  list(): Promise<PlatformAccount[]> {
    return this.call({ method: "GET", path: `${P}/accounts` })
  }

  /** Creates an account. Not idempotent: store the id before anything can fail. */
  create(input: PlatformAccountInput): Promise<PlatformAccount> {
    return this.call({ method: "POST", path: `${P}/accounts`, body: input, idempotent: false })
  }

  get(accountId: number): Promise<PlatformAccount> {
    return this.call({ method: "GET", path: `${P}/accounts/{account_id}`, params: { account_id: accountId } })
  }

  /** Renames, relocalises, suspends (`status: "suspended"`) or reactivates an account. */
  update(accountId: number, input: PlatformAccountUpdate): Promise<PlatformAccount> {
    return this.call({
      method: "PATCH",
      path: `${P}/accounts/{account_id}`,
      params: { account_id: accountId },
      body: input,
    })
  }

  /** Deletes an account (asynchronously, in Chatwoot). */
  async delete(accountId: number): Promise<void> {
    await this.call({ method: "DELETE", path: `${P}/accounts/{account_id}`, params: { account_id: accountId } })
  }
}

export class PlatformUsers {
  constructor(private readonly call: Call) {}

  /** Creates a user, or returns the existing one with that e-mail (idempotent by e-mail). */
  create(input: PlatformUserInput): Promise<PlatformUser> {
    return this.call({ method: "POST", path: `${P}/users`, body: input, idempotent: true })
  }

  get(userId: number): Promise<PlatformUser> {
    return this.call({ method: "GET", path: `${P}/users/{id}`, params: { id: userId } })
  }

  /** Updates a user; custom_attributes are merged. */
  update(userId: number, input: PlatformUserUpdate): Promise<PlatformUser> {
    return this.call({ method: "PATCH", path: `${P}/users/{id}`, params: { id: userId }, body: input })
  }

  async delete(userId: number): Promise<void> {
    await this.call({ method: "DELETE", path: `${P}/users/{id}`, params: { id: userId } })
  }

  /** One-time SSO login URL of a user (valid 5 minutes). */
  loginLink(userId: number): Promise<SsoLink> {
    return this.call({ method: "GET", path: `${P}/users/{id}/login`, params: { id: userId } })
  }

  /** The user's access token (POST /users/{id}/token: not in the OpenAPI spec). */
  createToken(userId: number): Promise<PlatformUserToken> {
    return this.call({ method: "POST", path: `${P}/users/{id}/token`, params: { id: userId }, idempotent: true })
  }
}

export class PlatformAccountUsers {
  constructor(private readonly call: Call) {}

  list(accountId: number): Promise<AccountUser[]> {
    return this.call({
      method: "GET",
      path: `${P}/accounts/{account_id}/account_users`,
      params: { account_id: accountId },
    })
  }

  /** Adds a user to an account with a role, or changes the role (an upsert). */
  create(accountId: number, input: { user_id: number; role: AccountRole }): Promise<AccountUser> {
    return this.call({
      method: "POST",
      path: `${P}/accounts/{account_id}/account_users`,
      params: { account_id: accountId },
      body: input,
      idempotent: true,
    })
  }

  /** Removes a user from an account (Chatwoot reads `user_id` from the body). */
  async delete(accountId: number, userId: number): Promise<void> {
    await this.call({
      method: "DELETE",
      path: `${P}/accounts/{account_id}/account_users`,
      params: { account_id: accountId },
      body: { user_id: userId },
    })
  }
}
