import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"

export type PostPrivateNoteInput = {
  /** chatwoot_account row id */
  account_id: string
  /** Conversation display id in that account. */
  conversation_id: number
  content: string
  /** Our own id of the note (Chatwoot stores it, does not dedupe). */
  source_id: string
}

export const postPrivateNoteStepId = "chatwoot-post-private-note"

/**
 * Posts a private note (seen by agents only) in a conversation. It is the
 * last step of its workflows and Chatwoot offers no way to take a note back,
 * so it has no compensation.
 */
export const postPrivateNoteStep = createStep(
  postPrivateNoteStepId,
  async (input: PostPrivateNoteInput, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const account = await chatwoot.retrieveChatwootAccount(input.account_id)
    const message = await chatwoot.accountApi(account).messages.create(input.conversation_id, {
      content: input.content,
      message_type: "outgoing",
      private: true,
      source_id: input.source_id,
    })
    return new StepResponse({ message_id: message.id })
  }
)
