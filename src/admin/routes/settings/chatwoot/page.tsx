import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../../lib/sdk"
import type { AdminChatwootAccount, AdminChatwootAccountList, ChatwootAccountStatus } from "../../../lib/types"

const STATUS_COLOR: Record<ChatwootAccountStatus, "green" | "orange" | "grey" | "red"> = {
  active: "green",
  provisioning: "orange",
  suspended: "grey",
  failed: "red",
}

type SalesChannelRow = { id: string; name: string; account?: AdminChatwootAccount }

const ChatwootSettingsPage = () => {
  const accounts = useQuery({
    queryKey: ["chatwoot", "accounts"],
    queryFn: () => sdk.client.fetch<AdminChatwootAccountList>("/admin/chatwoot/accounts", { query: { limit: 100 } }),
  })
  const channels = useQuery({
    queryKey: ["chatwoot", "sales-channels"],
    queryFn: () => sdk.admin.salesChannel.list({ limit: 100, fields: "id,name" }),
  })

  const rows: SalesChannelRow[] = (channels.data?.sales_channels ?? []).map((channel) => ({
    id: channel.id,
    name: channel.name,
    account: accounts.data?.accounts.find((a) => a.storefronts.some((s) => s.sales_channel_id === channel.id)),
  }))
  const loading = accounts.isLoading || channels.isLoading
  const error = accounts.error || channels.error

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Chatwoot</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Every storefront (sales channel) gets its own Chatwoot support desk.
          </Text>
        </div>
      </div>
      <div className="px-6 py-4">
        {loading && <Text size="small">Loading…</Text>}
        {error && (
          <Text size="small" className="text-ui-fg-error">
            Could not load the Chatwoot accounts: {error.message}
          </Text>
        )}
        {!loading && !error && (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Storefront</Table.HeaderCell>
                <Table.HeaderCell>Chatwoot account</Table.HeaderCell>
                <Table.HeaderCell>Mode</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Last error</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((row) => (
                <Table.Row key={row.id}>
                  <Table.Cell>{row.name}</Table.Cell>
                  <Table.Cell>
                    {row.account
                      ? `${row.account.name}${row.account.chatwoot_account_id ? ` (#${row.account.chatwoot_account_id})` : ""}`
                      : "—"}
                  </Table.Cell>
                  <Table.Cell>{row.account?.mode ?? "—"}</Table.Cell>
                  <Table.Cell>
                    {row.account ? (
                      <Badge size="2xsmall" color={STATUS_COLOR[row.account.status]}>
                        {row.account.status}
                      </Badge>
                    ) : (
                      <Badge size="2xsmall" color="grey">
                        not connected
                      </Badge>
                    )}
                  </Table.Cell>
                  <Table.Cell>{row.account?.last_error ?? ""}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </div>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Chatwoot",
  icon: ChatBubbleLeftRight,
})

export default ChatwootSettingsPage
