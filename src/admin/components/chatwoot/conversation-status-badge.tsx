import { StatusBadge } from "@medusajs/ui"
import type { ConversationStatus } from "../../lib/agent-types"

const COLOR: Record<ConversationStatus, "green" | "orange" | "grey" | "blue"> = {
  open: "green",
  pending: "orange",
  snoozed: "blue",
  resolved: "grey",
}

/** A Chatwoot conversation's status. */
export const ConversationStatusBadge = ({ status }: { status: ConversationStatus }) => (
  <StatusBadge color={COLOR[status] ?? "grey"} data-testid="chatwoot-conversation-status" data-status={status}>
    {status.charAt(0).toUpperCase() + status.slice(1)}
  </StatusBadge>
)
