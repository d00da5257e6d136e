import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type { EmailChannelSettings } from "../../../modules/chatwoot/client"
import type ChatwootModuleService from "../../../modules/chatwoot/service"

export type EnsureEmailInboxInput = {
  account_id: string
  name?: string
  /** Address customers write to; IMAP/SMTP credentials go to Chatwoot only, never into Medusa. */
  channel: EmailChannelSettings
}

export const ensureEmailInboxStepId = "chatwoot-ensure-email-inbox"

/**
 * Creates the account's e-mail inbox, or updates the one it has. Without
 * IMAP/SMTP Chatwoot receives mail by forwarding. Compensation removes an
 * inbox this step created.
 */
export const ensureEmailInboxStep = createStep(
  ensureEmailInboxStepId,
  async (input: EnsureEmailInboxInput, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const account = await chatwoot.retrieveChatwootAccount(input.account_id, { relations: ["inboxes"] })
    const api = chatwoot.accountApi(account)
    const known = account.inboxes.find((i) => i.kind === "email" && i.chatwoot_inbox_id)
    if (known) {
      await api.inboxes.update(known.chatwoot_inbox_id!, { ...(input.name ? { name: input.name } : {}), channel: input.channel })
      return new StepResponse({ chatwoot_inbox_id: known.chatwoot_inbox_id!, created: false }, null)
    }
    const inbox = await api.inboxes.create({
      name: input.name ?? `E-mail (${input.channel.email})`,
      channel: { type: "email", ...input.channel },
    })
    const row = await chatwoot.createChatwootInboxes({ kind: "email", account_id: account.id, chatwoot_inbox_id: inbox.id })
    return new StepResponse({ chatwoot_inbox_id: inbox.id, created: true }, { account_id: account.id, row_id: row.id, inbox_id: inbox.id })
  },
  async (undo, { container }) => {
    if (!undo) return
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const account = await chatwoot.retrieveChatwootAccount(undo.account_id)
    await chatwoot.accountApi(account).inboxes.delete(undo.inbox_id)
    await chatwoot.deleteChatwootInboxes([undo.row_id])
  }
)
