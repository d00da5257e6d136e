import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import type { ConversationMirrorInput } from "../../../modules/chatwoot/service"

type Previous = { id: string; created: boolean; before: Record<string, unknown> | null } | null

const RESTORABLE = [
  "sales_channel_id", "chatwoot_inbox_id", "chatwoot_contact_id", "customer_id", "identity_source", "email", "order_id",
  "order_link_source", "status", "priority", "assignee_id", "assignee_name", "team_id", "team_name",
  "labels", "unread_count", "chatwoot_created_at", "chatwoot_updated_at",
] as const

export const mirrorChatwootConversationStepId = "chatwoot-mirror-conversation"

/**
 * Applies a conversation snapshot to the mirror, only forwards in time (an
 * older or repeated delivery changes nothing). Compensation deletes a row it
 * created or puts the previous values back.
 */
export const mirrorChatwootConversationStep = createStep(
  mirrorChatwootConversationStepId,
  async (input: ConversationMirrorInput | null, { container }) => {
    if (!input) return new StepResponse({ applied: false, id: null as string | null }, null as Previous)
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    // a late delivery about an erased customer's conversation (as of before the erase) is not mirrored again
    if (await chatwoot.isErased({ customer_id: input.customer_id, email: input.email, queued_at: input.chatwoot_updated_at })) {
      return new StepResponse({ applied: false, id: null as string | null }, null as Previous)
    }
    const [before] = await chatwoot.listChatwootConversations({
      account_id: input.account_id,
      chatwoot_conversation_id: input.chatwoot_conversation_id,
    })
    const result = await chatwoot.upsertConversationMirror(input)
    if (!result) return new StepResponse({ applied: false, id: before?.id ?? null }, null as Previous)
    const id = result.row.id as string
    const previous: Previous = {
      id,
      created: result.inserted,
      before: before ? Object.fromEntries(RESTORABLE.map((k) => [k, (before as Record<string, unknown>)[k]])) : null,
    }
    return new StepResponse({ applied: true, id }, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    if (previous.created) await chatwoot.deleteChatwootConversations(previous.id)
    else if (previous.before) await chatwoot.updateChatwootConversations({ id: previous.id, ...previous.before } as never)
  }
)
