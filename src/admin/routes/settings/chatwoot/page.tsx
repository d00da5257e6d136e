import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Alert, Button, Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { AgentsSection } from "../../../components/chatwoot/agents-section"
import { HealthSection } from "../../../components/chatwoot/health-section"
import { StorefrontsTable } from "../../../components/chatwoot/storefronts-table"
import { SyncQueueSection } from "../../../components/chatwoot/sync-queue-section"
import { useChatwootAccounts } from "../../../hooks/use-chatwoot-accounts"
import { useSalesChannels } from "../../../hooks/use-sales-channels"
import { errorMessage } from "../../../lib/format"

const ChatwootSettingsPage = () => {
  const accounts = useChatwootAccounts()
  const channels = useSalesChannels()

  const loading = accounts.isLoading || channels.isLoading
  const error = accounts.error || channels.error

  return (
    <div className="flex flex-col gap-y-3" data-testid="chatwoot-settings">
      <Container className="px-6 py-4">
        <Heading level="h1">Chatwoot</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Every storefront (sales channel) gets its own Chatwoot support desk, filled with commerce context.
        </Text>
      </Container>

      {loading && (
        <Container className="flex flex-col gap-y-3 px-6 py-4" aria-busy="true">
          <Text size="small" className="text-ui-fg-subtle">
            Loading storefronts…
          </Text>
          <Skeleton className="h-8 w-full" />
          <Skeleton className="h-8 w-full" />
        </Container>
      )}

      {!loading && error && (
        <Container className="flex flex-col items-start gap-y-3 px-6 py-4">
          <Alert variant="error" dismissible={false} className="w-full">
            Could not load the Chatwoot accounts: {errorMessage(error)}
          </Alert>
          <Button
            size="small"
            variant="secondary"
            isLoading={accounts.isFetching || channels.isFetching}
            onClick={() => {
              void accounts.refetch()
              void channels.refetch()
            }}
          >
            Try again
          </Button>
        </Container>
      )}

      {!loading && !error && (
        <>
          <StorefrontsTable
            salesChannels={channels.data?.sales_channels ?? []}
            accounts={accounts.data?.accounts ?? []}
          />
          <AgentsSection accounts={accounts.data?.accounts ?? []} />
          <HealthSection />
          <SyncQueueSection
            accounts={accounts.data?.accounts ?? []}
            salesChannels={channels.data?.sales_channels ?? []}
          />
        </>
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Chatwoot",
  icon: ChatBubbleLeftRight,
})

export default ChatwootSettingsPage
