import type { JsonObject } from "./json"

// Platform API (accounts, users, account users) and the profile of a user token.

export type AccountStatus = "active" | "suspended"

/** POST/PATCH /platform/api/v1/accounts body. */
export type PlatformAccountInput = {
  name: string
  /** ISO code: en, de, pt_BR, … */
  locale?: string
  /** inbound e-mail domain for reply addresses (not the website) */
  domain?: string
  support_email?: string
  status?: AccountStatus
  limits?: Record<string, number>
  custom_attributes?: JsonObject
}

export type PlatformAccountUpdate = Partial<PlatformAccountInput>

export type PlatformAccount = {
  id: number
  name: string
  locale?: string
  domain?: string | null
  support_email?: string | null
  status?: AccountStatus
  features?: Record<string, boolean>
  custom_attributes?: JsonObject
  limits?: Record<string, number>
}

export type PlatformUserInput = {
  name: string
  display_name?: string
  email: string
  /** 6–128 chars with an upper, a lower, a digit and a special character */
  password: string
  custom_attributes?: JsonObject
}

export type PlatformUserUpdate = Partial<PlatformUserInput>

export type AccountRole = "administrator" | "agent"

export type UserAccountMembership = {
  id: number
  name: string
  role: AccountRole
  status?: string
  active_at?: string | null
}

export type PlatformUser = {
  id: number
  name: string
  display_name?: string | null
  email: string
  /** opens the Application API on the user's behalf: store encrypted */
  access_token?: string
  account_id?: number | null
  available_name?: string
  avatar_url?: string
  confirmed?: boolean
  pubsub_token?: string
  role?: AccountRole | null
  custom_attributes?: JsonObject
  accounts?: UserAccountMembership[]
}

/** GET /platform/api/v1/users/{id}/login */
export type SsoLink = { url: string }

/** POST /platform/api/v1/users/{id}/token (not in the OpenAPI spec) */
export type PlatformUserToken = {
  access_token: string
  expiry: number | null
  user: { id: number; name: string; display_name?: string | null; email: string; pubsub_token?: string }
}

export type AccountUser = {
  account_id: number
  user_id: number
  role: AccountRole
  id?: number
}

/** GET /api/v1/profile: the owner of a user token, with the accounts it can open. */
export type Profile = {
  id: number
  name: string
  email: string
  display_name?: string | null
  available_name?: string
  account_id?: number | null
  role?: AccountRole | null
  type?: string | null
  accounts: UserAccountMembership[]
}
