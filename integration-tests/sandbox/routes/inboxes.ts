/** Inboxes: web widget, API and e-mail channels; working hours via PATCH only. */
import { requireAdmin, type RouteContext } from "../context"
import { errors, json, type Router } from "../http"
import type { ChangedAttributes } from "../json-types"
import { inboxJson, workingHoursJson } from "../serializers"
import { defaultWorkingHours } from "../store"
import {
  CHANNEL_TYPE_NAMES,
  type ChannelRecord,
  type InboxRecord,
  type ReplyTime,
  type WorkingHourRecord,
} from "../types"
import { bool, has, int, isObject, nullableStr, obj, sameJson, secureToken, str, type JsonObject } from "../util"
import { A, body, scope, scoped } from "./shared"

const REPLY_TIMES: ReplyTime[] = ["in_a_few_minutes", "in_a_few_hours", "in_a_day"]
const DEFAULT_FEATURE_FLAGS = ["attachments", "emoji_picker", "end_conversation"]
const EMAIL_SETTING_KEYS = [
  "imap_enabled", "imap_login", "imap_password", "imap_address", "imap_port", "imap_enable_ssl",
  "imap_authentication", "smtp_enabled", "smtp_login", "smtp_password", "smtp_address", "smtp_port",
  "smtp_domain", "smtp_enable_starttls_auto", "smtp_enable_ssl_tls", "smtp_openssl_verify_mode",
  "smtp_authentication", "verified_for_sending",
]

function validTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** Inbox-level fields shared by create and update. */
function applyInboxFields(inbox: InboxRecord, input: JsonObject): Array<[string, string]> {
  const problems: Array<[string, string]> = []
  if (has(input, "name")) inbox.name = str(input.name) ?? ""
  const flags = [
    "greeting_enabled",
    "enable_email_collect",
    "csat_survey_enabled",
    "enable_auto_assignment",
    "working_hours_enabled",
    "allow_messages_after_resolved",
    "lock_to_single_conversation",
  ] as const
  for (const flag of flags) {
    if (has(input, flag)) inbox[flag] = bool(input[flag]) ?? inbox[flag]
  }
  if (has(input, "greeting_message")) inbox.greeting_message = nullableStr(input.greeting_message)
  if (has(input, "out_of_office_message")) inbox.out_of_office_message = nullableStr(input.out_of_office_message)
  if (has(input, "business_name")) inbox.business_name = nullableStr(input.business_name)
  if (has(input, "csat_config")) inbox.csat_config = obj(input.csat_config) ?? {}
  if (has(input, "auto_assignment_config")) inbox.auto_assignment_config = obj(input.auto_assignment_config) ?? {}
  if (has(input, "portal_id")) inbox.portal_id = int(input.portal_id) ?? null
  if (has(input, "sender_name_type")) {
    const value = str(input.sender_name_type)
    if (value === "friendly" || value === "professional") inbox.sender_name_type = value
    else problems.push(["sender_name_type", "Sender name type is not included in the list"])
  }
  if (has(input, "timezone")) {
    const tz = str(input.timezone) ?? ""
    if (validTimezone(tz)) inbox.timezone = tz
    else problems.push(["timezone", "Timezone is not included in the list"])
  }
  if (!inbox.name.trim()) problems.push(["name", "Name can't be blank"])
  return problems
}

function applyChannelFields(channel: ChannelRecord, input: JsonObject): Array<[string, string]> {
  const problems: Array<[string, string]> = []
  if (channel.type === "web_widget") {
    if (has(input, "website_url")) channel.website_url = str(input.website_url) ?? ""
    if (has(input, "widget_color")) channel.widget_color = str(input.widget_color) ?? "#1f93ff"
    if (has(input, "welcome_title")) channel.welcome_title = nullableStr(input.welcome_title)
    if (has(input, "welcome_tagline")) channel.welcome_tagline = nullableStr(input.welcome_tagline)
    if (has(input, "reply_time")) {
      const value = str(input.reply_time) as ReplyTime
      if (REPLY_TIMES.includes(value)) channel.reply_time = value
      else problems.push(["reply_time", `'${String(input.reply_time)}' is not a valid reply_time`])
    }
    if (has(input, "pre_chat_form_enabled")) channel.pre_chat_form_enabled = bool(input.pre_chat_form_enabled) ?? false
    if (has(input, "pre_chat_form_options")) channel.pre_chat_form_options = obj(input.pre_chat_form_options) ?? {}
    if (has(input, "continuity_via_email")) channel.continuity_via_email = bool(input.continuity_via_email) ?? true
    if (has(input, "hmac_mandatory")) channel.hmac_mandatory = bool(input.hmac_mandatory) ?? false
    if (has(input, "allowed_domains")) channel.allowed_domains = str(input.allowed_domains) ?? ""
    if (has(input, "selected_feature_flags") && Array.isArray(input.selected_feature_flags)) {
      channel.selected_feature_flags = input.selected_feature_flags.map(String)
    }
    if (!channel.website_url.trim()) problems.push(["website_url", "Website url can't be blank"])
    if (!channel.widget_color.trim()) problems.push(["widget_color", "Widget color can't be blank"])
  } else if (channel.type === "api") {
    if (has(input, "webhook_url")) channel.webhook_url = nullableStr(input.webhook_url)
    if (has(input, "hmac_mandatory")) channel.hmac_mandatory = bool(input.hmac_mandatory) ?? false
    if (has(input, "additional_attributes")) {
      const attrs = obj(input.additional_attributes) ?? {}
      const window = attrs.agent_reply_time_window
      if (window !== undefined && !(Number(window) > 0)) {
        problems.push(["additional_attributes", "Additional attributes agent_reply_time_window must be greater than 0"])
      }
      channel.additional_attributes = attrs
    }
  } else {
    if (has(input, "email")) channel.email = str(input.email) ?? ""
    if (has(input, "provider")) channel.provider = nullableStr(input.provider)
    for (const key of EMAIL_SETTING_KEYS) {
      if (has(input, key)) channel.settings[key] = input[key]
    }
    if (!channel.email.trim()) problems.push(["email", "Email can't be blank"])
  }
  return problems
}

function parseWorkingHours(raw: unknown, current: WorkingHourRecord[]): { hours: WorkingHourRecord[]; problems: Array<[string, string]> } {
  const problems: Array<[string, string]> = []
  const hours = current.map((wh) => ({ ...wh }))
  if (!Array.isArray(raw)) {
    return { hours, problems: [["working_hours", "Working hours is invalid"]] }
  }
  for (const item of raw) {
    if (!isObject(item)) continue
    const day = int(item.day_of_week)
    const row = hours.find((wh) => wh.day_of_week === day)
    if (day === undefined || !row) {
      problems.push(["day_of_week", "Day of week is not included in the list"])
      continue
    }
    if (has(item, "closed_all_day")) row.closed_all_day = bool(item.closed_all_day) ?? false
    if (has(item, "open_all_day")) row.open_all_day = bool(item.open_all_day) ?? false
    for (const key of ["open_hour", "open_minutes", "close_hour", "close_minutes"] as const) {
      if (has(item, key)) row[key] = item[key] === null ? null : (int(item[key]) ?? null)
    }
    if (row.open_all_day) {
      Object.assign(row, { open_hour: 0, open_minutes: 0, close_hour: 23, close_minutes: 59 })
    }
    if (!row.closed_all_day && !row.open_all_day) {
      const { open_hour: oh, open_minutes: om, close_hour: ch, close_minutes: cm } = row
      if (oh === null || om === null || ch === null || cm === null || oh < 0 || oh > 23 || ch < 0 || ch > 23 || om < 0 || om > 59 || cm < 0 || cm > 59) {
        problems.push(["working_hours", "Working hours is invalid"])
      } else if (ch * 60 + cm <= oh * 60 + om) {
        problems.push(["close_hour", "Close hour should be after open hour"])
      }
    }
  }
  return { hours, problems }
}

/** inbox_created / inbox_updated payload: inbox settings + the raw channel record + account. */
function inboxWebhookData(ctx: RouteContext, inbox: InboxRecord): JsonObject {
  const account = ctx.store.state.accounts.get(inbox.account_id)
  const { type: _type, ...channel } = inbox.channel
  return {
    id: inbox.id,
    name: inbox.name,
    channel_type: CHANNEL_TYPE_NAMES[inbox.channel.type],
    allow_messages_after_resolved: inbox.allow_messages_after_resolved,
    lock_to_single_conversation: inbox.lock_to_single_conversation,
    auto_assignment_config: inbox.auto_assignment_config,
    enable_auto_assignment: inbox.enable_auto_assignment,
    enable_email_collect: inbox.enable_email_collect,
    greeting_enabled: inbox.greeting_enabled,
    greeting_message: inbox.greeting_message,
    csat_survey_enabled: inbox.csat_survey_enabled,
    business_name: inbox.business_name,
    sender_name_type: inbox.sender_name_type,
    timezone: inbox.timezone,
    out_of_office_message: inbox.out_of_office_message,
    working_hours_enabled: inbox.working_hours_enabled,
    working_hours: workingHoursJson(inbox),
    created_at: new Date(inbox.created_at).toISOString(),
    updated_at: new Date(inbox.updated_at).toISOString(),
    channel: { ...channel, account_id: inbox.account_id },
    account: { id: inbox.account_id, name: account?.name ?? "" },
  }
}

function newChannel(ctx: RouteContext, type: string): ChannelRecord | undefined {
  const id = ctx.store.nextId("channel")
  switch (type) {
    case "web_widget":
      return {
        type: "web_widget",
        id,
        website_url: "",
        widget_color: "#1f93ff",
        welcome_title: null,
        welcome_tagline: null,
        reply_time: "in_a_few_minutes",
        pre_chat_form_enabled: false,
        pre_chat_form_options: {
          pre_chat_message: "Share your queries or comments here.",
          pre_chat_fields: [],
        },
        continuity_via_email: true,
        hmac_mandatory: false,
        allowed_domains: "",
        selected_feature_flags: [...DEFAULT_FEATURE_FLAGS],
        website_token: secureToken(),
        hmac_token: secureToken(),
      }
    case "api":
      return {
        type: "api",
        id,
        webhook_url: null,
        hmac_mandatory: false,
        additional_attributes: {},
        identifier: secureToken(),
        hmac_token: secureToken(),
        secret: secureToken(),
      }
    case "email":
      return { type: "email", id, email: "", provider: null, settings: {} }
    default:
      return undefined
  }
}

export function registerInboxRoutes(router: Router<RouteContext>): void {
  // administrators see every inbox; the sandbox does not model inbox membership for agents
  router.on("GET", `${A}/inboxes`, (ctx, params) => {
    const s = scope(ctx, params)
    return json(200, { payload: ctx.store.inboxesOf(s.account.id).map((i) => inboxJson(i, ctx.baseUrl, s.isAdmin)) })
  })

  router.on("POST", `${A}/inboxes`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const input = body(ctx)
    const channelInput = obj(input.channel)
    if (!channelInput) throw errors.paramMissing("channel")
    const type = str(channelInput.type) ?? ""
    const channel = newChannel(ctx, type)
    if (!channel) throw errors.unprocessable("Invalid Channel type")
    const now = ctx.store.now()
    const inbox: InboxRecord = {
      id: 0,
      account_id: s.account.id,
      name: "",
      channel,
      greeting_enabled: false,
      greeting_message: null,
      enable_email_collect: true,
      csat_survey_enabled: false,
      csat_config: {},
      enable_auto_assignment: true,
      auto_assignment_config: {},
      working_hours_enabled: false,
      out_of_office_message: null,
      timezone: "UTC",
      allow_messages_after_resolved: true,
      lock_to_single_conversation: false,
      sender_name_type: "friendly",
      business_name: null,
      portal_id: null,
      // working hours are editable only through PATCH (`app/controllers/api/v1/accounts/inboxes_controller.rb`)
      working_hours: defaultWorkingHours(),
      created_at: now,
      updated_at: now,
    }
    const problems = [...applyChannelFields(channel, channelInput), ...applyInboxFields(inbox, input)]
    if (channel.type === "email" && [...ctx.store.state.inboxes.values()].some((i) => i.channel.type === "email" && i.channel.email === channel.email)) {
      problems.push(["email", "Email has already been taken"])
    }
    if (problems.length) throw errors.invalid(problems)
    inbox.id = ctx.store.nextId("inbox")
    ctx.store.state.inboxes.set(inbox.id, inbox)
    ctx.emit(s.account.id, "inbox_created", inboxWebhookData(ctx, inbox))
    return json(200, inboxJson(inbox, ctx.baseUrl, s.isAdmin))
  })

  router.on("GET", `${A}/inboxes/:id`, (ctx, params) => {
    const s = scope(ctx, params)
    return json(200, inboxJson(scoped(ctx.store.state.inboxes, s.account.id, params.id), ctx.baseUrl, s.isAdmin))
  })

  router.on("PATCH", `${A}/inboxes/:id`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const inbox = scoped(ctx.store.state.inboxes, s.account.id, params.id)
    const input = body(ctx)
    const draft = structuredClone(inbox)
    const problems = applyInboxFields(draft, input)
    const channelInput = obj(input.channel)
    if (channelInput) problems.push(...applyChannelFields(draft.channel, channelInput))
    if (has(input, "working_hours")) {
      const parsed = parseWorkingHours(input.working_hours, draft.working_hours)
      draft.working_hours = parsed.hours
      problems.push(...parsed.problems)
    }
    if (problems.length) throw errors.invalid(problems)
    const changed: ChangedAttributes = []
    for (const key of Object.keys(draft) as Array<keyof InboxRecord>) {
      if (!sameJson(draft[key], inbox[key])) {
        changed.push({ [key]: { previous_value: inbox[key], current_value: draft[key] } })
      }
    }
    if (changed.length) {
      Object.assign(inbox, draft, { updated_at: ctx.store.now() })
      ctx.emit(s.account.id, "inbox_updated", { ...inboxWebhookData(ctx, inbox), changed_attributes: changed })
    }
    return json(200, inboxJson(inbox, ctx.baseUrl, s.isAdmin))
  })

  router.on("DELETE", `${A}/inboxes/:id`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const inbox = scoped(ctx.store.state.inboxes, s.account.id, params.id)
    const st = ctx.store.state
    st.inboxes.delete(inbox.id)
    for (const [id, ci] of st.contactInboxes) if (ci.inbox_id === inbox.id) st.contactInboxes.delete(id)
    for (const [id, c] of st.conversations) {
      if (c.inbox_id === inbox.id) {
        st.conversations.delete(id)
        for (const m of ctx.store.messagesOf(id)) st.messages.delete(m.id)
      }
    }
    return { status: 200, empty: true }
  })
}
