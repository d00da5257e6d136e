import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Alert, Badge, Button, Container, Skeleton, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { ConversationStatusBadge } from "../../../components/chatwoot/conversation-status-badge"
import { useChatwootConversations } from "../../../hooks/use-chatwoot-agent"
import { useSalesChannels } from "../../../hooks/use-sales-channels"
import type { ConversationsQuery } from "../../../lib/agent-types"
import { errorMessage, formatDateTime } from "../../../lib/format"
import { SectionHeader } from "../../../components/chatwoot/section-header"
import { SelectInput } from "../../../components/chatwoot/select-field"

const PAGE_SIZE = 25
const ALL = "__all"
const STATUSES = ["open", "pending", "snoozed", "resolved", "all"] as const

/** Every storefront's conversations in one list — the unified view Chatwoot itself does not offer. */
const ChatwootConversationsPage = () => {
  const [status, setStatus] = useState<(typeof STATUSES)[number]>("open")
  const [salesChannelId, setSalesChannelId] = useState<string>(ALL)
  const [tier, setTier] = useState<string>(ALL)
  const [offset, setOffset] = useState(0)
  const channels = useSalesChannels()
  const query: ConversationsQuery = {
    status,
    sales_channel_id: salesChannelId === ALL ? undefined : salesChannelId,
    tier: tier === ALL ? undefined : tier,
    limit: PAGE_SIZE,
    offset,
  }
  const list = useChatwootConversations(query)
  const data = list.data
  const tiers = data?.tiers ?? []

  const filter = <T,>(set: (v: T) => void) => (value: T) => {
    set(value)
    setOffset(0)
  }

  return (
    <Container className="divide-y p-0" data-testid="chatwoot-conversations">
      <SectionHeader title="Conversations" level="h1" description="Chatwoot conversations of every storefront. Open one to answer in Chatwoot.">
        <div className="flex flex-wrap gap-2">
          <SelectInput
            value={salesChannelId}
            onChange={filter(setSalesChannelId)}
            size="small"
            className="w-44"
            testId="chatwoot-filter-storefront"
            placeholder="Storefront"
            options={[
              { value: ALL, label: "All storefronts" },
              ...(channels.data?.sales_channels ?? []).map((c) => ({ value: c.id, label: c.name })),
            ]}
          />
          <SelectInput
            value={status}
            onChange={filter(setStatus)}
            size="small"
            className="w-36"
            testId="chatwoot-filter-status"
            placeholder="Status"
            options={STATUSES.map((s) => ({ value: s, label: s === "all" ? "Any status" : s.charAt(0).toUpperCase() + s.slice(1) }))}
          />
          <SelectInput
            value={tier}
            onChange={filter(setTier)}
            size="small"
            className="w-36"
            testId="chatwoot-filter-tier"
            placeholder="Tier"
            options={[{ value: ALL, label: "Any tier" }, ...tiers.map((t) => ({ value: t, label: t }))]}
          />
        </div>
      </SectionHeader>

      {list.isLoading && (
        <div className="px-6 py-4">
          <Skeleton className="h-24 w-full" />
        </div>
      )}
      {list.isError && (
        <div className="px-6 py-4">
          <Alert variant="error" dismissible={false}>
            Could not load the conversations: {errorMessage(list.error)}
          </Alert>
        </div>
      )}
      {data && data.conversations.length === 0 && (
        <Text size="small" className="px-6 py-6 text-ui-fg-subtle" data-testid="chatwoot-conversations-empty">
          No conversations match these filters.
        </Text>
      )}
      {data && data.conversations.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Customer</Table.HeaderCell>
              <Table.HeaderCell>Storefront</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Tier</Table.HeaderCell>
              <Table.HeaderCell className="w-[32%]">Last message</Table.HeaderCell>
              <Table.HeaderCell>Last activity</Table.HeaderCell>
              <Table.HeaderCell className="text-right" />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.conversations.map((c) => (
              <Table.Row key={c.id} data-testid="chatwoot-conversation-row" data-storefront={c.storefront ?? ""}>
                <Table.Cell>
                  {c.customer_id ? (
                    <Link to={`/customers/${c.customer_id}`} className="text-ui-fg-interactive hover:underline">
                      {c.customer_name || c.email || c.customer_id}
                    </Link>
                  ) : (
                    <span className="flex items-center gap-x-1">
                      <span>{c.email ?? "Anonymous visitor"}</span>
                      {c.email ? (
                        <Badge size="2xsmall" color="orange" data-testid="chatwoot-conversation-unverified" title="Not verified: the e-mail is what the visitor gave">
                          Unverified
                        </Badge>
                      ) : null}
                    </span>
                  )}
                </Table.Cell>
                <Table.Cell>{c.storefront ?? c.account_name ?? "—"}</Table.Cell>
                <Table.Cell>
                  <ConversationStatusBadge status={c.status} />
                </Table.Cell>
                <Table.Cell>{c.tier ? <Badge size="2xsmall">{c.tier}</Badge> : "—"}</Table.Cell>
                <Table.Cell>
                  <span className="line-clamp-1">{c.last_message ?? "—"}</span>
                </Table.Cell>
                <Table.Cell>{formatDateTime(c.last_activity_at)}</Table.Cell>
                <Table.Cell className="text-right">
                  {c.chatwoot_url && (
                    <a
                      href={c.chatwoot_url}
                      target="_blank"
                      rel="noopener noreferrer"
                      className="text-ui-fg-interactive hover:underline"
                      data-testid="chatwoot-conversation-link"
                    >
                      Open in Chatwoot
                    </a>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {data && data.count > PAGE_SIZE && (
        <div className="flex items-center justify-end gap-x-2 px-6 py-3">
          <Text size="small" className="text-ui-fg-subtle">
            {offset + 1}–{Math.min(offset + PAGE_SIZE, data.count)} of {data.count}
          </Text>
          <Button size="small" variant="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
            Previous
          </Button>
          <Button size="small" variant="secondary" disabled={offset + PAGE_SIZE >= data.count} onClick={() => setOffset(offset + PAGE_SIZE)}>
            Next
          </Button>
        </div>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Conversations",
  icon: ChatBubbleLeftRight,
})

export default ChatwootConversationsPage
