import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type { Inbox } from "../../../modules/chatwoot/client"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import { toInboxWorkingHours, toWebWidgetChannel, type WidgetSettings } from "../../../modules/chatwoot/widget-settings"

type Input = { account_id: string; sales_channel_id: string; settings: WidgetSettings }

function inboxPatch(settings: WidgetSettings, publicUrl: string) {
  return { ...toInboxWorkingHours(settings.business_hours), channel: toWebWidgetChannel(settings, publicUrl) }
}

function patchFromInbox(inbox: Inbox) {
  return {
    working_hours_enabled: inbox.working_hours_enabled,
    timezone: inbox.timezone ?? undefined,
    out_of_office_message: inbox.out_of_office_message ?? undefined,
    working_hours: inbox.working_hours,
    channel: {
      website_url: inbox.website_url ?? undefined,
      widget_color: inbox.widget_color ?? undefined,
      welcome_title: inbox.welcome_title ?? undefined,
      welcome_tagline: inbox.welcome_tagline ?? undefined,
      hmac_mandatory: inbox.hmac_mandatory,
    },
  }
}

export const pushWebsiteInboxSettingsStepId = "chatwoot-push-website-inbox-settings"

/**
 * Pushes a storefront's settings to its Chatwoot website inbox: widget
 * colour and texts, HMAC enforcement, business hours with time zone and
 * out-of-office message. Compensation writes back what the inbox had.
 */
export const pushWebsiteInboxSettingsStep = createStep(
  pushWebsiteInboxSettingsStepId,
  async (input: Input, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const account = await chatwoot.retrieveChatwootAccount(input.account_id, { relations: ["inboxes"] })
    const inbox = account.inboxes.find((i) => i.kind === "website" && i.sales_channel_id === input.sales_channel_id)
    if (account.status !== "active" || !inbox?.chatwoot_inbox_id) {
      // not provisioned yet: provisioning creates the inbox from these settings
      return new StepResponse({ pushed: false }, null)
    }
    const api = chatwoot.accountApi(account)
    const before = await api.inboxes.get(inbox.chatwoot_inbox_id)
    await api.inboxes.update(inbox.chatwoot_inbox_id, inboxPatch(input.settings, chatwoot.getPublicOptions().public_url))
    return new StepResponse({ pushed: true }, { account_id: account.id, inbox_id: inbox.chatwoot_inbox_id, before })
  },
  async (undo, { container }) => {
    if (!undo) return
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const account = await chatwoot.retrieveChatwootAccount(undo.account_id)
    await chatwoot.accountApi(account).inboxes.update(undo.inbox_id, patchFromInbox(undo.before))
  }
)
