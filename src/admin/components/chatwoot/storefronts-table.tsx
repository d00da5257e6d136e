import { Badge, Container, Table, Text, Tooltip } from "@medusajs/ui"
import { MODE_LABEL, accountForChannel, formatDateTime } from "../../lib/format"
import type { AdminChatwootAccount, ChatwootInboxKind } from "../../lib/types"
import { HealthNotes } from "./health-notes"
import { AccountStatusBadge, NotConnectedBadge } from "./status-badge"
import { AccountActions, NotConnectedActions } from "./storefront-row-actions"
import { SectionHeader } from "./section-header"

type SalesChannel = { id: string; name: string; description?: string | null; is_disabled?: boolean }

const INBOX_LABEL: Record<ChatwootInboxKind, string> = { website: "Website", api: "API", email: "E-mail" }
const INBOX_ORDER: Record<ChatwootInboxKind, number> = { website: 0, api: 1, email: 2 }

/** Inboxes of the account that belong to this storefront (website) or to the whole account (API, e-mail). */
function inboxesFor(account: AdminChatwootAccount, salesChannelId: string) {
  return account.inboxes
    .filter((i) => i.kind !== "website" || i.sales_channel_id === salesChannelId)
    .sort((a, b) => INBOX_ORDER[a.kind] - INBOX_ORDER[b.kind])
}

type StorefrontsTableProps = {
  salesChannels: SalesChannel[]
  accounts: AdminChatwootAccount[]
}

/** Every sales channel (storefront) with its Chatwoot account and the actions on it. */
export const StorefrontsTable = ({ salesChannels, accounts }: StorefrontsTableProps) => (
  <Container className="divide-y p-0" data-testid="chatwoot-storefronts">
    <SectionHeader title="Storefronts" description="Each sales channel gets its own Chatwoot support desk, or shares one with another storefront." />
    {salesChannels.length === 0 ? (
      <div className="px-6 py-8">
        <Text size="small" className="text-ui-fg-subtle">
          There are no sales channels yet. Create one under Settings → Sales Channels.
        </Text>
      </div>
    ) : (
      <div className="overflow-x-auto">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell className="w-[16%]">Storefront</Table.HeaderCell>
              <Table.HeaderCell className="w-[26%]">Chatwoot account</Table.HeaderCell>
              <Table.HeaderCell className="w-[12%]">Mode</Table.HeaderCell>
              <Table.HeaderCell className="w-[22%]">Status</Table.HeaderCell>
              <Table.HeaderCell>Inboxes</Table.HeaderCell>
              <Table.HeaderCell className="text-right">
                <span className="sr-only">Actions</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {salesChannels.map((channel) => {
              const account = accountForChannel(accounts, channel.id)
              const storefront = account?.storefronts.find((s) => s.sales_channel_id === channel.id)
              return (
                <Table.Row
                  key={channel.id}
                  data-testid="chatwoot-storefront-row"
                  data-sales-channel={channel.name}
                  className="[&_td:last-child]:w-[1%] [&_td:last-child]:whitespace-nowrap"
                >
                  <Table.Cell>
                    <div className="flex flex-col py-2">
                      <Text size="small" weight="plus" leading="compact">
                        {channel.name}
                      </Text>
                      {channel.is_disabled && (
                        <Text size="xsmall" className="text-ui-fg-muted">
                          Sales channel disabled
                        </Text>
                      )}
                    </div>
                  </Table.Cell>
                  <Table.Cell>
                    {account ? (
                      <div className="flex flex-col py-2">
                        <Text size="small" leading="compact">
                          {account.name}
                        </Text>
                        <Text size="xsmall" className="text-ui-fg-muted">
                          {account.chatwoot_account_id ? `Chatwoot #${account.chatwoot_account_id}` : "Not created yet"}
                          {account.storefronts.length > 1 ? ` · shared by ${account.storefronts.length} storefronts` : ""}
                        </Text>
                      </div>
                    ) : (
                      <NoValue />
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {account ? (
                      <Badge size="2xsmall" color={account.mode === "linked" ? "blue" : "grey"}>
                        {MODE_LABEL[account.mode]}
                      </Badge>
                    ) : (
                      <NoValue />
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <div className="flex max-w-[280px] flex-col items-start gap-y-1 py-2">
                      <div className="flex items-center gap-x-1">
                        {account ? (
                          <Tooltip content={`Last successful call: ${formatDateTime(account.last_success_at)}`}>
                            <span>
                              <AccountStatusBadge status={account.status} />
                            </span>
                          </Tooltip>
                        ) : (
                          <NotConnectedBadge />
                        )}
                        {storefront && !storefront.enabled && (
                          <Badge size="2xsmall" color="grey">
                            Widget off
                          </Badge>
                        )}
                      </div>
                      {account && <HealthNotes account={account} salesChannelId={channel.id} />}
                      {account?.last_error && (
                        <Text
                          size="xsmall"
                          className="text-ui-fg-error line-clamp-2 break-words"
                          title={account.last_error}
                          data-testid="chatwoot-last-error"
                        >
                          {account.last_error}
                        </Text>
                      )}
                    </div>
                  </Table.Cell>
                  <Table.Cell>
                    {account && account.inboxes.length > 0 ? (
                      <div className="flex flex-wrap gap-1 py-2">
                        {inboxesFor(account, channel.id).map((inbox) => (
                          <Badge key={inbox.id} size="2xsmall" color="grey">
                            {INBOX_LABEL[inbox.kind]}
                            {inbox.chatwoot_inbox_id ? ` #${inbox.chatwoot_inbox_id}` : ""}
                          </Badge>
                        ))}
                      </div>
                    ) : (
                      <NoValue />
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {account ? (
                      <AccountActions salesChannel={channel} account={account} />
                    ) : (
                      <NotConnectedActions salesChannel={channel} accounts={accounts} />
                    )}
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      </div>
    )}
  </Container>
)

/** An empty cell. */
const NoValue = () => (
  <Text size="small" className="text-ui-fg-muted">
    —
  </Text>
)
