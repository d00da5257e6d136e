import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CHATWOOT_MODULE } from "../modules/chatwoot"
import type ChatwootModuleService from "../modules/chatwoot/service"

/**
 * A changed account (a re-created webhook has a new secret, the URL token was
 * switched) drops the receiver's cached secrets at once instead of after
 * their few seconds.
 */
export default async function dropWebhookAuthCache({ event, container }: SubscriberArgs<{ id?: string }>) {
  container.resolve<ChatwootModuleService>(CHATWOOT_MODULE).clearWebhookAuthCache(event.data?.id)
}

export const config: SubscriberConfig = {
  event: ["chatwoot.chatwoot-account.updated", "chatwoot.chatwoot-account.deleted"],
  context: { subscriberId: "chatwoot-webhook-auth-cache" },
}
