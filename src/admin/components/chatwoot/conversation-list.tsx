import { Text } from "@medusajs/ui"
import type { AdminChatwootConversation } from "../../lib/agent-types"
import { formatDateTime } from "../../lib/format"
import { ConversationStatusBadge } from "./conversation-status-badge"

/** A compact list of conversations for the customer and order widgets, each linking into Chatwoot. */
export const ConversationList = ({ conversations, empty }: { conversations: AdminChatwootConversation[]; empty: string }) => {
  if (!conversations.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        {empty}
      </Text>
    )
  }
  return (
    <ul className="flex flex-col gap-y-3">
      {conversations.map((c) => (
        <li key={c.id} className="flex flex-col gap-y-1" data-testid="chatwoot-conversation">
          <div className="flex items-center justify-between gap-x-2">
            <Text size="small" weight="plus">
              {c.chatwoot_url ? (
                <a href={c.chatwoot_url} target="_blank" rel="noopener noreferrer" className="text-ui-fg-interactive hover:underline">
                  #{c.chatwoot_conversation_id} · {c.storefront ?? c.account_name}
                </a>
              ) : (
                `#${c.chatwoot_conversation_id} · ${c.storefront ?? c.account_name}`
              )}
            </Text>
            <ConversationStatusBadge status={c.status} />
          </div>
          {c.last_message && (
            <Text size="small" className="text-ui-fg-subtle line-clamp-2">
              “{c.last_message}”
            </Text>
          )}
          <Text size="xsmall" className="text-ui-fg-muted">
            {formatDateTime(c.last_activity_at)}
            {c.assignee_name ? ` · ${c.assignee_name}` : ""}
          </Text>
        </li>
      ))}
    </ul>
  )
}
