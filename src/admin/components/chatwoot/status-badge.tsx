import { StatusBadge } from "@medusajs/ui"
import { STATUS_COLOR, STATUS_LABEL } from "../../lib/format"
import type { ChatwootAccountStatus } from "../../lib/types"

/** Active green, provisioning orange, suspended grey, failed red. */
export const AccountStatusBadge = ({ status }: { status: ChatwootAccountStatus }) => (
  <StatusBadge color={STATUS_COLOR[status]} data-testid="chatwoot-status" data-status={status}>
    {STATUS_LABEL[status]}
  </StatusBadge>
)

export const NotConnectedBadge = () => (
  <StatusBadge color="grey" data-testid="chatwoot-status" data-status="not_connected">
    Not connected
  </StatusBadge>
)
