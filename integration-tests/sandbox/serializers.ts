/**
 * Record → JSON presenters mirroring Chatwoot's jbuilder views (v4.15.1). Nullable columns stay
 * null where Chatwoot renders null; keys Chatwoot renders conditionally are omitted the same way.
 */
import type {
  AccountUserJson,
  AgentJson,
  ContactInboxJson,
  ContactInboxRawJson,
  ContactJson,
  ContactWebhookData,
  ConversationJson,
  ConversationWebhookData,
  CustomAttributeDefinitionJson,
  DashboardAppJson,
  InboxJson,
  LabelJson,
  MessageJson,
  MessageSenderWebhookData,
  MessageWebhookPayload,
  PlatformAccountJson,
  SenderPushJson,
  SlimInboxJson,
  TeamJson,
  UserJson,
  WebhookJson,
  WorkingHourJson,
} from "./json-types"
import type { Store } from "./store"
import {
  CHANNEL_TYPE_NAMES,
  MESSAGE_TYPE_CODES,
  type AccountRecord,
  type AccountUserRecord,
  type ContactInboxRecord,
  type ContactRecord,
  type ConversationRecord,
  type CustomAttributeDefinitionRecord,
  type DashboardAppRecord,
  type InboxRecord,
  type LabelRecord,
  type MessageRecord,
  type TeamRecord,
  type UserRecord,
  type WebhookRecord,
} from "./types"
import { iso, seconds } from "./util"

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

export function workingHoursJson(inbox: InboxRecord): WorkingHourJson[] {
  return inbox.working_hours.map((wh) => ({
    day_of_week: wh.day_of_week,
    closed_all_day: wh.closed_all_day,
    open_hour: wh.open_hour,
    open_minutes: wh.open_minutes,
    close_hour: wh.close_hour,
    close_minutes: wh.close_minutes,
    open_all_day: wh.open_all_day,
  }))
}

export function webWidgetScript(baseUrl: string, websiteToken: string): string {
  return `
    <script>
      (function(d,t) {
        var BASE_URL="${baseUrl}";
        var g=d.createElement(t),s=d.getElementsByTagName(t)[0];
        g.src=BASE_URL+"/packs/js/sdk.js";
        g.async = true;
        s.parentNode.insertBefore(g,s);
        g.onload=function(){
          window.chatwootSDK.run({
            websiteToken: '${websiteToken}',
            baseUrl: BASE_URL
          })
        }
      })(document,"script");
    </script>
    `
}

/** `api/v1/models/_inbox.json.jbuilder`; `isAdmin` adds hmac_token / secret like Chatwoot does. */
export function inboxJson(inbox: InboxRecord, baseUrl: string, isAdmin: boolean): InboxJson {
  const channel = inbox.channel
  const json: InboxJson = {
    id: inbox.id,
    avatar_url: "",
    channel_id: channel.id,
    name: inbox.name,
    channel_type: CHANNEL_TYPE_NAMES[channel.type],
    greeting_enabled: inbox.greeting_enabled,
    greeting_message: inbox.greeting_message,
    working_hours_enabled: inbox.working_hours_enabled,
    enable_email_collect: inbox.enable_email_collect,
    csat_survey_enabled: inbox.csat_survey_enabled,
    csat_config: inbox.csat_config,
    enable_auto_assignment: inbox.enable_auto_assignment,
    auto_assignment_config: inbox.auto_assignment_config,
    out_of_office_message: inbox.out_of_office_message,
    working_hours: workingHoursJson(inbox),
    timezone: inbox.timezone,
    callback_webhook_url: null,
    allow_messages_after_resolved: inbox.allow_messages_after_resolved,
    lock_to_single_conversation: inbox.lock_to_single_conversation,
    sender_name_type: inbox.sender_name_type,
    business_name: inbox.business_name,
  }
  if (channel.type === "web_widget") {
    Object.assign(json, {
      widget_color: channel.widget_color,
      website_url: channel.website_url,
      hmac_mandatory: channel.hmac_mandatory,
      welcome_title: channel.welcome_title,
      welcome_tagline: channel.welcome_tagline,
      web_widget_script: webWidgetScript(baseUrl, channel.website_token),
      website_token: channel.website_token,
      selected_feature_flags: channel.selected_feature_flags,
      reply_time: channel.reply_time,
      pre_chat_form_enabled: channel.pre_chat_form_enabled,
      pre_chat_form_options: channel.pre_chat_form_options,
      continuity_via_email: channel.continuity_via_email,
      allowed_domains: channel.allowed_domains,
    })
    if (isAdmin) {
      json.hmac_token = channel.hmac_token
    }
  } else if (channel.type === "api") {
    Object.assign(json, {
      webhook_url: channel.webhook_url,
      inbox_identifier: channel.identifier,
      additional_attributes: channel.additional_attributes,
      hmac_mandatory: channel.hmac_mandatory,
    })
    if (isAdmin) {
      json.hmac_token = channel.hmac_token
      json.secret = channel.secret
    }
  } else {
    const settings: Record<string, unknown> = { ...channel.settings }
    if (!isAdmin) {
      delete settings.imap_password
      delete settings.smtp_password
    }
    Object.assign(json, settings, { email: channel.email, provider: channel.provider })
  }
  return json
}

/** The raw inbox record (`contact_inbox.inbox` of contact create): DB columns, no channel fields. */
export function rawInboxJson(inbox: InboxRecord): Record<string, unknown> {
  return {
    id: inbox.id,
    channel_id: inbox.channel.id,
    account_id: inbox.account_id,
    name: inbox.name,
    created_at: iso(inbox.created_at),
    updated_at: iso(inbox.updated_at),
    channel_type: CHANNEL_TYPE_NAMES[inbox.channel.type],
    enable_auto_assignment: inbox.enable_auto_assignment,
    greeting_enabled: inbox.greeting_enabled,
    greeting_message: inbox.greeting_message,
    email_address: null,
    working_hours_enabled: inbox.working_hours_enabled,
    out_of_office_message: inbox.out_of_office_message,
    timezone: inbox.timezone,
    enable_email_collect: inbox.enable_email_collect,
    csat_survey_enabled: inbox.csat_survey_enabled,
    allow_messages_after_resolved: inbox.allow_messages_after_resolved,
    auto_assignment_config: inbox.auto_assignment_config,
    lock_to_single_conversation: inbox.lock_to_single_conversation,
    portal_id: inbox.portal_id,
    sender_name_type: inbox.sender_name_type,
    business_name: inbox.business_name,
    csat_config: inbox.csat_config,
  }
}

export function slimInboxJson(inbox: InboxRecord): SlimInboxJson {
  return {
    id: inbox.id,
    avatar_url: "",
    channel_id: inbox.channel.id,
    name: inbox.name,
    channel_type: CHANNEL_TYPE_NAMES[inbox.channel.type],
    provider: inbox.channel.type === "email" ? inbox.channel.provider : null,
  }
}

export function contactInboxJson(store: Store, ci: ContactInboxRecord): ContactInboxJson | undefined {
  const inbox = store.state.inboxes.get(ci.inbox_id)
  return inbox ? { source_id: ci.source_id, inbox: slimInboxJson(inbox) } : undefined
}

/** `api/v1/models/_contact.json.jbuilder` */
export function contactJson(store: Store, contact: ContactRecord, withContactInboxes = true): ContactJson {
  const json: ContactJson = {
    additional_attributes: contact.additional_attributes,
    availability_status: "offline",
    email: contact.email,
    id: contact.id,
    name: contact.name,
    phone_number: contact.phone_number,
    blocked: contact.blocked,
    identifier: contact.identifier,
    thumbnail: contact.avatar_url,
    custom_attributes: contact.custom_attributes,
    created_at: seconds(contact.created_at),
  }
  if (contact.last_activity_at !== null) {
    json.last_activity_at = seconds(contact.last_activity_at)
  }
  if (withContactInboxes) {
    json.contact_inboxes = store
      .contactInboxesOf(contact.id)
      .map((ci) => contactInboxJson(store, ci))
      .filter((ci): ci is ContactInboxJson => ci !== undefined)
  }
  return json
}

/** The raw contact record (`as_json`): Public API PATCH, messages meta.contact. */
export function rawContactJson(contact: ContactRecord): Record<string, unknown> {
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    phone_number: contact.phone_number,
    account_id: contact.account_id,
    created_at: iso(contact.created_at),
    updated_at: iso(contact.updated_at),
    additional_attributes: contact.additional_attributes,
    identifier: contact.identifier,
    custom_attributes: contact.custom_attributes,
    last_activity_at: contact.last_activity_at === null ? null : iso(contact.last_activity_at),
    contact_type: "visitor",
    middle_name: "",
    last_name: "",
    location: "",
    country_code: "",
    blocked: contact.blocked,
    company_id: null,
    label_list: contact.labels,
  }
}

export function contactWebhookData(store: Store, contact: ContactRecord): ContactWebhookData {
  const account = store.state.accounts.get(contact.account_id)
  return {
    account: { id: contact.account_id, name: account?.name ?? "" },
    additional_attributes: contact.additional_attributes,
    avatar: contact.avatar_url,
    custom_attributes: contact.custom_attributes,
    email: contact.email,
    id: contact.id,
    identifier: contact.identifier,
    name: contact.name,
    phone_number: contact.phone_number,
    thumbnail: contact.avatar_url,
    blocked: contact.blocked,
  }
}

function contactPushJson(contact: ContactRecord): SenderPushJson {
  return {
    additional_attributes: contact.additional_attributes,
    custom_attributes: contact.custom_attributes,
    email: contact.email,
    id: contact.id,
    identifier: contact.identifier,
    name: contact.name,
    phone_number: contact.phone_number,
    thumbnail: contact.avatar_url,
    blocked: contact.blocked,
    type: "contact",
  }
}

function userPushJson(store: Store, user: UserRecord, accountId: number): SenderPushJson {
  return {
    id: user.id,
    name: user.name,
    available_name: user.display_name ?? user.name,
    avatar_url: "",
    type: "user",
    availability_status: store.accountUser(accountId, user.id)?.availability ?? "offline",
    thumbnail: "",
  }
}

export function senderPushJson(store: Store, message: MessageRecord): SenderPushJson | undefined {
  if (message.sender_type === "Contact" && message.sender_id !== null) {
    const contact = store.state.contacts.get(message.sender_id)
    return contact ? contactPushJson(contact) : undefined
  }
  if (message.sender_type === "User" && message.sender_id !== null) {
    const user = store.state.users.get(message.sender_id)
    return user ? userPushJson(store, user, message.account_id) : undefined
  }
  return undefined
}

export function unreadCount(store: Store, conversation: ConversationRecord): number {
  const seen = conversation.agent_last_seen_at ?? 0
  return store
    .messagesOf(conversation.id)
    .filter((m) => m.message_type === "incoming" && m.created_at > seen).length
}

/** `Message#push_event_data`: integer message_type, epoch created_at, display conversation id. */
export function messageJson(store: Store, message: MessageRecord): MessageJson {
  const conversation = store.state.conversations.get(message.conversation_id) as ConversationRecord
  const ci = store.state.contactInboxes.get(conversation.contact_inbox_id)
  const json: MessageJson = {
    id: message.id,
    content: message.content,
    account_id: message.account_id,
    inbox_id: message.inbox_id,
    conversation_id: conversation.display_id,
    message_type: MESSAGE_TYPE_CODES[message.message_type],
    created_at: seconds(message.created_at),
    updated_at: seconds(message.updated_at),
    private: message.private,
    status: message.status,
    source_id: message.source_id,
    content_type: message.content_type,
    content_attributes: message.content_attributes,
    sender_type: message.sender_type,
    sender_id: message.sender_id,
    external_source_ids: message.external_source_ids,
    additional_attributes: message.additional_attributes,
    processed_message_content: message.content,
    sentiment: {},
    conversation: {
      assignee_id: conversation.assignee_id,
      unread_count: unreadCount(store, conversation),
      last_activity_at: seconds(conversation.last_activity_at),
      contact_inbox: { source_id: ci?.source_id ?? "" },
    },
  }
  if (message.echo_id) {
    json.echo_id = message.echo_id
  }
  const sender = senderPushJson(store, message)
  if (sender) {
    json.sender = sender
  }
  return json
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

function lastNonActivityMessage(store: Store, conversation: ConversationRecord): MessageRecord | undefined {
  const messages = store.messagesOf(conversation.id).filter((m) => m.message_type !== "activity")
  return messages[messages.length - 1]
}

/** `api/v1/conversations/partials/_conversation.json.jbuilder` */
export function conversationJson(store: Store, conversation: ConversationRecord): ConversationJson {
  const contact = store.state.contacts.get(conversation.contact_id) as ContactRecord
  const inbox = store.state.inboxes.get(conversation.inbox_id) as InboxRecord
  const ci = store.state.contactInboxes.get(conversation.contact_inbox_id)
  const meta: ConversationJson["meta"] = {
    sender: contactJson(store, contact, false),
    channel: CHANNEL_TYPE_NAMES[inbox.channel.type],
    hmac_verified: ci?.hmac_verified ?? false,
  }
  const assignee = conversation.assignee_id === null ? undefined : store.state.users.get(conversation.assignee_id)
  if (assignee) {
    meta.assignee = agentJson(store, assignee, conversation.account_id)
    meta.assignee_type = "User"
  }
  const team = conversation.team_id === null ? undefined : store.state.teams.get(conversation.team_id)
  if (team) {
    meta.team = teamJson(team)
  }
  const last = lastNonActivityMessage(store, conversation)
  const all = store.messagesOf(conversation.id)
  const latest = all[all.length - 1]
  return {
    meta,
    id: conversation.display_id,
    messages: latest ? [messageJson(store, latest)] : [],
    account_id: conversation.account_id,
    uuid: conversation.uuid,
    additional_attributes: conversation.additional_attributes,
    agent_last_seen_at: seconds(conversation.agent_last_seen_at ?? 0),
    assignee_last_seen_at: seconds(conversation.assignee_last_seen_at ?? 0),
    can_reply: true,
    contact_last_seen_at: seconds(conversation.contact_last_seen_at ?? 0),
    custom_attributes: conversation.custom_attributes,
    inbox_id: conversation.inbox_id,
    labels: conversation.labels,
    muted: conversation.muted,
    snoozed_until: conversation.snoozed_until === null ? null : seconds(conversation.snoozed_until),
    status: conversation.status,
    created_at: seconds(conversation.created_at),
    updated_at: conversation.updated_at / 1000,
    timestamp: seconds(conversation.last_activity_at),
    first_reply_created_at: seconds(conversation.first_reply_created_at ?? 0),
    unread_count: unreadCount(store, conversation),
    last_non_activity_message: last ? messageJson(store, last) : null,
    last_activity_at: seconds(conversation.last_activity_at),
    priority: conversation.priority,
    waiting_since: seconds(conversation.waiting_since ?? 0),
    sla_policy_id: null,
  }
}

export function contactInboxRawJson(ci: ContactInboxRecord): ContactInboxRawJson {
  return {
    id: ci.id,
    contact_id: ci.contact_id,
    inbox_id: ci.inbox_id,
    source_id: ci.source_id,
    created_at: iso(ci.created_at),
    updated_at: iso(ci.updated_at),
    hmac_verified: ci.hmac_verified,
    pubsub_token: ci.pubsub_token,
  }
}

/** `Conversations::EventDataPresenter#webhook_data` (+ account since 4.14.2). */
export function conversationWebhookData(store: Store, conversation: ConversationRecord): ConversationWebhookData {
  const contact = store.state.contacts.get(conversation.contact_id) as ContactRecord
  const inbox = store.state.inboxes.get(conversation.inbox_id) as InboxRecord
  const ci = store.state.contactInboxes.get(conversation.contact_inbox_id) as ContactInboxRecord
  const account = store.state.accounts.get(conversation.account_id)
  const assignee = conversation.assignee_id === null ? undefined : store.state.users.get(conversation.assignee_id)
  const team = conversation.team_id === null ? undefined : store.state.teams.get(conversation.team_id)
  const publicMessages = store
    .messagesOf(conversation.id)
    .filter((m) => m.message_type !== "activity" && !m.private)
  const last = publicMessages[publicMessages.length - 1]
  return {
    additional_attributes: conversation.additional_attributes,
    can_reply: true,
    channel: CHANNEL_TYPE_NAMES[inbox.channel.type],
    contact_inbox: contactInboxRawJson(ci),
    id: conversation.display_id,
    inbox_id: conversation.inbox_id,
    messages: last ? [messageJson(store, last)] : [],
    labels: conversation.labels,
    meta: {
      sender: { ...contactPushJson(contact), type: "contact" },
      assignee: assignee
        ? {
            id: assignee.id,
            name: assignee.name,
            available_name: assignee.display_name ?? assignee.name,
            avatar_url: "",
            type: "user",
            availability_status: store.accountUser(conversation.account_id, assignee.id)?.availability ?? "offline",
            thumbnail: "",
          }
        : null,
      assignee_type: assignee ? "User" : null,
      team: team ? { id: team.id, name: team.name } : null,
      hmac_verified: ci.hmac_verified,
    },
    status: conversation.status,
    custom_attributes: conversation.custom_attributes,
    snoozed_until: conversation.snoozed_until === null ? null : seconds(conversation.snoozed_until),
    unread_count: unreadCount(store, conversation),
    first_reply_created_at:
      conversation.first_reply_created_at === null ? null : iso(conversation.first_reply_created_at),
    priority: conversation.priority,
    waiting_since: conversation.waiting_since === null ? null : seconds(conversation.waiting_since),
    agent_last_seen_at: seconds(conversation.agent_last_seen_at ?? 0),
    contact_last_seen_at: seconds(conversation.contact_last_seen_at ?? 0),
    last_activity_at: seconds(conversation.last_activity_at),
    timestamp: seconds(conversation.last_activity_at),
    created_at: seconds(conversation.created_at),
    updated_at: conversation.updated_at / 1000,
    account: { id: conversation.account_id, name: account?.name ?? "" },
  }
}

function senderWebhookData(store: Store, message: MessageRecord): MessageSenderWebhookData | null {
  if (message.sender_type === "Contact" && message.sender_id !== null) {
    const contact = store.state.contacts.get(message.sender_id)
    return contact ? contactWebhookData(store, contact) : null
  }
  if (message.sender_type === "User" && message.sender_id !== null) {
    const user = store.state.users.get(message.sender_id)
    return user ? { id: user.id, name: user.name, email: user.email, type: "user" } : null
  }
  return null
}

/** `Message#webhook_data` + event: string message_type, ISO created_at. */
export function messageWebhookPayload(
  store: Store,
  message: MessageRecord,
  event: "message_created" | "message_updated"
): MessageWebhookPayload {
  const conversation = store.state.conversations.get(message.conversation_id) as ConversationRecord
  const inbox = store.state.inboxes.get(message.inbox_id) as InboxRecord
  const account = store.state.accounts.get(message.account_id)
  return {
    account: { id: message.account_id, name: account?.name ?? "" },
    additional_attributes: message.additional_attributes,
    content_attributes: message.content_attributes,
    content_type: message.content_type,
    content: message.content,
    conversation: conversationWebhookData(store, conversation),
    created_at: iso(message.created_at),
    id: message.id,
    inbox: { id: inbox.id, name: inbox.name },
    message_type: message.message_type,
    private: message.private,
    sender: senderWebhookData(store, message),
    source_id: message.source_id,
    event,
  }
}

export function webhookJson(store: Store, webhook: WebhookRecord): WebhookJson {
  const json: WebhookJson = {
    id: webhook.id,
    name: webhook.name,
    url: webhook.url,
    account_id: webhook.account_id,
    subscriptions: webhook.subscriptions,
    secret: webhook.secret,
  }
  const inbox = webhook.inbox_id === null ? undefined : store.state.inboxes.get(webhook.inbox_id)
  if (inbox) {
    json.inbox = { id: inbox.id, name: inbox.name }
  }
  return json
}

export function dashboardAppJson(app: DashboardAppRecord): DashboardAppJson {
  return { id: app.id, title: app.title, content: app.content, created_at: iso(app.created_at) }
}

export function customAttributeDefinitionJson(def: CustomAttributeDefinitionRecord): CustomAttributeDefinitionJson {
  return {
    id: def.id,
    attribute_display_name: def.attribute_display_name,
    attribute_display_type: def.attribute_display_type,
    attribute_description: def.attribute_description,
    attribute_key: def.attribute_key,
    regex_pattern: def.regex_pattern,
    regex_cue: def.regex_cue,
    attribute_values: def.attribute_values,
    attribute_model: def.attribute_model,
    default_value: def.default_value,
    created_at: iso(def.created_at),
    updated_at: iso(def.updated_at),
  }
}

export function labelJson(label: LabelRecord): LabelJson {
  return {
    id: label.id,
    title: label.title,
    description: label.description,
    color: label.color,
    show_on_sidebar: label.show_on_sidebar,
  }
}
