/** Serializers: inboxes (with working hours and the widget script) and contact inboxes. */
import type { ContactInboxJson, InboxJson, SlimInboxJson, WorkingHourJson } from "../json-types"
import type { Store } from "../store"
import { CHANNEL_TYPE_NAMES, type ContactInboxRecord, type InboxRecord } from "../types"
import { iso } from "../util"

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
