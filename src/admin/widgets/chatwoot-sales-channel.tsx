import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminSalesChannel, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { SetUpButton } from "../components/chatwoot/set-up-button"
import { AccountStatusBadge, NotConnectedBadge } from "../components/chatwoot/status-badge"
import { useChatwootAccounts } from "../hooks/use-chatwoot-accounts"
import { MODE_LABEL, accountForChannel, errorMessage, formatDateTime } from "../lib/format"

/** The sales channel's Chatwoot desk: status, account and a way to set it up. */
const ChatwootSalesChannelWidget = ({ data }: DetailWidgetProps<AdminSalesChannel>) => {
  const accounts = useChatwootAccounts({ sales_channel_id: data.id })
  const account = accountForChannel(accounts.data?.accounts, data.id)

  return (
    <Container className="divide-y p-0" data-testid="chatwoot-sales-channel-widget">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex items-center gap-x-3">
          <Heading level="h2">Chatwoot</Heading>
          {accounts.isSuccess && (account ? <AccountStatusBadge status={account.status} /> : <NotConnectedBadge />)}
        </div>
        <div className="flex items-center gap-x-2">
          {accounts.isSuccess && !account && (
            <SetUpButton salesChannelId={data.id} salesChannelName={data.name} variant="primary" />
          )}
          <Button size="small" variant="secondary" asChild>
            <Link to="/settings/chatwoot">{account ? "Manage" : "More options"}</Link>
          </Button>
        </div>
      </div>
      <div className="px-6 py-4">
        {accounts.isLoading && (
          <Text size="small" className="text-ui-fg-subtle">
            Loading…
          </Text>
        )}
        {accounts.isError && (
          <Text size="small" className="text-ui-fg-error">
            Could not load the Chatwoot status: {errorMessage(accounts.error)}
          </Text>
        )}
        {accounts.isSuccess && !account && (
          <Text size="small" className="text-ui-fg-subtle">
            This storefront has no Chatwoot support desk yet. Set one up, or link an existing Chatwoot account in the
            Chatwoot settings.
          </Text>
        )}
        {account && (
          <dl className="grid grid-cols-2 gap-y-2 text-ui-fg-subtle">
            <Text size="small" asChild>
              <dt>Account</dt>
            </Text>
            <Text size="small" className="text-ui-fg-base" asChild>
              <dd>
                {account.name}
                {account.chatwoot_account_id ? ` (#${account.chatwoot_account_id})` : ""}
              </dd>
            </Text>
            <Text size="small" asChild>
              <dt>Mode</dt>
            </Text>
            <dd>
              <Badge size="2xsmall" color={account.mode === "linked" ? "blue" : "grey"}>
                {MODE_LABEL[account.mode]}
              </Badge>
            </dd>
            <Text size="small" asChild>
              <dt>Last successful call</dt>
            </Text>
            <Text size="small" className="text-ui-fg-base" asChild>
              <dd>{formatDateTime(account.last_success_at)}</dd>
            </Text>
            {account.last_error && (
              <>
                <Text size="small" asChild>
                  <dt>Last error</dt>
                </Text>
                <Text size="small" className="text-ui-fg-error break-words" asChild>
                  <dd>{account.last_error}</dd>
                </Text>
              </>
            )}
          </dl>
        )}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "sales_channel.details",
  id: "chatwoot-sales-channel-status",
})

export default ChatwootSalesChannelWidget
