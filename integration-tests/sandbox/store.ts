import type {
  AccountRecord,
  AccountRole,
  AccountUserRecord,
  ContactInboxRecord,
  ContactRecord,
  ConversationRecord,
  InboxRecord,
  MessageRecord,
  SandboxState,
  UserRecord,
  WorkingHourRecord,
} from "./types"
import { secureToken, uuid } from "./util"

type Sequence =
  | "account"
  | "user"
  | "accountUser"
  | "channel"
  | "inbox"
  | "contact"
  | "contactInbox"
  | "conversation"
  | "message"
  | "webhook"
  | "dashboardApp"
  | "customAttributeDefinition"
  | "team"
  | "label"

export function emptyState(): SandboxState {
  return {
    accounts: new Map(),
    users: new Map(),
    accountUsers: new Map(),
    inboxes: new Map(),
    contacts: new Map(),
    contactInboxes: new Map(),
    conversations: new Map(),
    messages: new Map(),
    webhooks: new Map(),
    dashboardApps: new Map(),
    customAttributeDefinitions: new Map(),
    teams: new Map(),
    labels: new Map(),
    platformPermissibles: new Set(),
  }
}

/** Features a fresh account has enabled (subset of Chatwoot's config/features.yml defaults). */
export const DEFAULT_FEATURES: Record<string, boolean> = {
  inbox_management: true,
  team_management: true,
  channel_facebook: true,
  channel_email: true,
  channel_website: true,
  ip_lookup: false,
  email_continuity_on_api_channel: false,
  help_center: true,
  agent_bots: true,
  macros: true,
  agent_management: true,
  automations: true,
  canned_responses: true,
  integrations: true,
  voice_recorder: true,
  mobile_v2: false,
  channel_website_v2: false,
  campaigns: true,
  reports: true,
  crm: true,
  auto_resolve_conversations: true,
  custom_attributes: true,
  labels: true,
  custom_reply_email: false,
  custom_reply_domain: false,
  shopify_integration: false,
}

/** Chatwoot's default working hours: Sun/Sat closed, Mon–Fri 09:00–17:00. */
export function defaultWorkingHours(): WorkingHourRecord[] {
  return [0, 1, 2, 3, 4, 5, 6].map((day) =>
    day === 0 || day === 6
      ? {
          day_of_week: day,
          closed_all_day: true,
          open_all_day: false,
          open_hour: null,
          open_minutes: null,
          close_hour: null,
          close_minutes: null,
        }
      : {
          day_of_week: day,
          closed_all_day: false,
          open_all_day: false,
          open_hour: 9,
          open_minutes: 0,
          close_hour: 17,
          close_minutes: 0,
        }
  )
}

/** The sandbox "database": state maps plus id sequences and small lookups. */
export class Store {
  readonly state: SandboxState = emptyState()
  private sequences = new Map<Sequence, number>()
  private displayIds = new Map<number, number>()

  constructor(readonly clock: () => number) {}

  now(): number {
    return this.clock()
  }

  nextId(kind: Sequence): number {
    const next = (this.sequences.get(kind) ?? 0) + 1
    this.sequences.set(kind, next)
    return next
  }

  nextDisplayId(accountId: number): number {
    const next = (this.displayIds.get(accountId) ?? 0) + 1
    this.displayIds.set(accountId, next)
    return next
  }

  /** clears the maps in place so references held by tests stay live */
  reset(): void {
    const s = this.state
    for (const map of [s.accounts, s.users, s.accountUsers, s.inboxes, s.contacts, s.contactInboxes, s.conversations, s.messages, s.webhooks, s.dashboardApps, s.customAttributeDefinitions, s.teams, s.labels]) {
      map.clear()
    }
    s.platformPermissibles.clear()
    // ids keep increasing across resets (never reused), like a truncated table without RESTART IDENTITY
    this.displayIds.clear()
  }

  // ---- creation helpers shared by routes and test helpers ----

  createAccount(input: Partial<AccountRecord> & { name: string }, platformOwned: boolean): AccountRecord {
    const now = this.now()
    const account: AccountRecord = {
      id: this.nextId("account"),
      name: input.name,
      locale: input.locale ?? "en",
      domain: input.domain ?? null,
      support_email: input.support_email ?? null,
      status: input.status ?? "active",
      limits: input.limits ?? {},
      custom_attributes: input.custom_attributes ?? {},
      features: { ...DEFAULT_FEATURES, ...(input.features ?? {}) },
      created_at: now,
      updated_at: now,
    }
    this.state.accounts.set(account.id, account)
    if (platformOwned) {
      this.state.platformPermissibles.add(`Account:${account.id}`)
    }
    return account
  }

  createUser(
    input: { name: string; email: string; display_name?: string | null; custom_attributes?: Record<string, unknown> },
    platformOwned: boolean
  ): UserRecord {
    const now = this.now()
    const user: UserRecord = {
      id: this.nextId("user"),
      name: input.name,
      display_name: input.display_name ?? null,
      email: input.email.toLowerCase(),
      access_token: secureToken(),
      pubsub_token: secureToken(),
      custom_attributes: input.custom_attributes ?? {},
      message_signature: null,
      ui_settings: {},
      created_at: now,
      updated_at: now,
    }
    this.state.users.set(user.id, user)
    if (platformOwned) {
      this.state.platformPermissibles.add(`User:${user.id}`)
    }
    return user
  }

  upsertAccountUser(accountId: number, userId: number, role: AccountRole): AccountUserRecord {
    const now = this.now()
    const existing = this.accountUser(accountId, userId)
    if (existing) {
      existing.role = role
      existing.updated_at = now
      return existing
    }
    const record: AccountUserRecord = {
      id: this.nextId("accountUser"),
      account_id: accountId,
      user_id: userId,
      role,
      inviter_id: null,
      availability: "offline",
      auto_offline: true,
      active_at: null,
      created_at: now,
      updated_at: now,
    }
    this.state.accountUsers.set(record.id, record)
    return record
  }

  // ---- lookups ----

  accountUser(accountId: number, userId: number): AccountUserRecord | undefined {
    for (const au of this.state.accountUsers.values()) {
      if (au.account_id === accountId && au.user_id === userId) {
        return au
      }
    }
    return undefined
  }

  accountUsersOf(userId: number): AccountUserRecord[] {
    return [...this.state.accountUsers.values()].filter((au) => au.user_id === userId)
  }

  userByToken(token: string): UserRecord | undefined {
    for (const user of this.state.users.values()) {
      if (user.access_token === token) {
        return user
      }
    }
    return undefined
  }

  userByEmail(email: string): UserRecord | undefined {
    const wanted = email.toLowerCase()
    for (const user of this.state.users.values()) {
      if (user.email === wanted) {
        return user
      }
    }
    return undefined
  }

  inboxesOf(accountId: number): InboxRecord[] {
    return [...this.state.inboxes.values()].filter((i) => i.account_id === accountId)
  }

  inbox(accountId: number, id: number): InboxRecord | undefined {
    const inbox = this.state.inboxes.get(id)
    return inbox && inbox.account_id === accountId ? inbox : undefined
  }

  apiInboxByIdentifier(identifier: string): InboxRecord | undefined {
    for (const inbox of this.state.inboxes.values()) {
      if (inbox.channel.type === "api" && inbox.channel.identifier === identifier) {
        return inbox
      }
    }
    return undefined
  }

  contact(accountId: number, id: number): ContactRecord | undefined {
    const contact = this.state.contacts.get(id)
    return contact && contact.account_id === accountId ? contact : undefined
  }

  contactsOf(accountId: number): ContactRecord[] {
    return [...this.state.contacts.values()].filter((c) => c.account_id === accountId)
  }

  contactInboxesOf(contactId: number): ContactInboxRecord[] {
    return [...this.state.contactInboxes.values()].filter((ci) => ci.contact_id === contactId)
  }

  contactInboxBySource(inboxId: number, sourceId: string): ContactInboxRecord | undefined {
    for (const ci of this.state.contactInboxes.values()) {
      if (ci.inbox_id === inboxId && ci.source_id === sourceId) {
        return ci
      }
    }
    return undefined
  }

  createContactInbox(contactId: number, inboxId: number, sourceId?: string, hmacVerified = false): ContactInboxRecord {
    const now = this.now()
    const record: ContactInboxRecord = {
      id: this.nextId("contactInbox"),
      contact_id: contactId,
      inbox_id: inboxId,
      source_id: sourceId ?? uuid(),
      hmac_verified: hmacVerified,
      pubsub_token: secureToken(),
      created_at: now,
      updated_at: now,
    }
    this.state.contactInboxes.set(record.id, record)
    return record
  }

  conversationByDisplayId(accountId: number, displayId: number): ConversationRecord | undefined {
    for (const conversation of this.state.conversations.values()) {
      if (conversation.account_id === accountId && conversation.display_id === displayId) {
        return conversation
      }
    }
    return undefined
  }

  conversationsOf(accountId: number): ConversationRecord[] {
    return [...this.state.conversations.values()].filter((c) => c.account_id === accountId)
  }

  messagesOf(conversationId: number): MessageRecord[] {
    return [...this.state.messages.values()]
      .filter((m) => m.conversation_id === conversationId)
      .sort((a, b) => a.id - b.id)
  }
}
