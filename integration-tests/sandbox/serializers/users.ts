/** Serializers: platform accounts, users, account users, agents and teams. */
import type { AccountUserJson, AgentJson, PlatformAccountJson, TeamJson, UserJson } from "../json-types"
import type { Store } from "../store"
import { type AccountRecord, type AccountUserRecord, type TeamRecord, type UserRecord } from "../types"
import { iso } from "../util"

export function platformAccountJson(account: AccountRecord): PlatformAccountJson {
  const enabled: Record<string, boolean> = {}
  for (const [name, on] of Object.entries(account.features)) {
    if (on) {
      enabled[name] = true
    }
  }
  return {
    id: account.id,
    name: account.name,
    locale: account.locale,
    domain: account.domain,
    support_email: account.support_email,
    features: enabled,
    custom_attributes: account.custom_attributes,
    limits: account.limits,
    status: account.status,
  }
}

export function userJson(store: Store, user: UserRecord): UserJson {
  const memberships = store.accountUsersOf(user.id).filter((au) => store.state.accounts.has(au.account_id))
  const active = memberships[0]
  const json: UserJson = {
    access_token: user.access_token,
    available_name: user.display_name ?? user.name,
    avatar_url: "",
    confirmed: true,
    display_name: user.display_name,
    message_signature: user.message_signature,
    email: user.email,
    id: user.id,
    name: user.name,
    provider: "email",
    pubsub_token: user.pubsub_token,
    custom_attributes: user.custom_attributes,
    ui_settings: user.ui_settings,
    uid: user.email,
    type: "user",
    accounts: memberships.map((au) => {
      const account = store.state.accounts.get(au.account_id) as AccountRecord
      return {
        id: account.id,
        name: account.name,
        status: account.status,
        active_at: au.active_at === null ? null : iso(au.active_at),
        role: au.role,
        permissions: au.role === "administrator" ? ["administrator"] : ["agent"],
        availability: au.availability,
        availability_status: au.availability,
        auto_offline: au.auto_offline,
        custom_role_id: null,
        custom_role: null,
      }
    }),
  }
  // jbuilder renders these from the active account_user; a user without accounts has none
  if (active) {
    json.account_id = active.account_id
    json.role = active.role
  }
  return json
}

export function accountUserJson(record: AccountUserRecord): AccountUserJson {
  return {
    id: record.id,
    account_id: record.account_id,
    user_id: record.user_id,
    role: record.role,
    inviter_id: record.inviter_id,
    availability: record.availability,
    auto_offline: record.auto_offline,
    active_at: record.active_at === null ? null : iso(record.active_at),
    created_at: iso(record.created_at),
    updated_at: iso(record.updated_at),
  }
}

export function agentJson(store: Store, user: UserRecord, accountId: number): AgentJson {
  const membership = store.accountUser(accountId, user.id)
  return {
    id: user.id,
    account_id: accountId,
    availability_status: membership?.availability ?? "offline",
    auto_offline: membership?.auto_offline ?? true,
    confirmed: true,
    email: user.email,
    provider: "email",
    available_name: user.display_name ?? user.name,
    name: user.name,
    role: membership?.role ?? "agent",
    thumbnail: "",
    custom_role_id: null,
  }
}

export function teamJson(team: TeamRecord, isMember = false): TeamJson {
  return {
    id: team.id,
    name: team.name,
    description: team.description,
    allow_auto_assign: team.allow_auto_assign,
    account_id: team.account_id,
    is_member: isMember,
  }
}
