import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Skeleton, Text, toast, usePrompt } from "@medusajs/ui"
import { ConversationList } from "../components/chatwoot/conversation-list"
import { useChatwootConversations, useChatwootCustomer, useSyncChatwootCustomer } from "../hooks/use-chatwoot-agent"
import { useEraseChatwootCustomer, useExportChatwootCustomer } from "../hooks/use-customer-privacy"
import { errorMessage, formatDateTime } from "../lib/format"

/** The customer in Chatwoot: their contact per storefront, conversations and sync state, with "Sync now". */
const ChatwootCustomerOverview = ({ customerId }: { customerId: string }) => {
  const summary = useChatwootCustomer(customerId)
  const conversations = useChatwootConversations({ customer_id: customerId, status: "all", limit: 10 })
  const sync = useSyncChatwootCustomer(customerId)
  const onSync = () =>
    sync.mutate(undefined, {
      onSuccess: (r) => toast.success("Sync queued", { description: `${r.queued} Chatwoot account(s) will be refreshed.` }),
      onError: (error) => toast.error("Could not sync", { description: errorMessage(error) }),
    })
  const data = summary.data
  return (
    <>
      <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="chatwoot-customer-contacts">
        <Text size="small" weight="plus">
          Contacts
        </Text>
        {summary.isLoading && <Skeleton className="h-6 w-full" />}
        {summary.isError && (
          <Text size="small" className="text-ui-fg-error">
            {errorMessage(summary.error)}
          </Text>
        )}
        {data && data.contacts.length === 0 && (
          <Text size="small" className="text-ui-fg-subtle">
            Not a Chatwoot contact yet: an order, cart or chat in a storefront makes them one.
          </Text>
        )}
        {data?.contacts.map((c) => (
          <div key={c.account_id} className="flex items-center justify-between gap-x-2">
            <Text size="small">{c.storefronts.map((s) => s.name).join(", ") || c.account_name}</Text>
            {c.chatwoot_url ? (
              <a href={c.chatwoot_url} target="_blank" rel="noopener noreferrer" className="text-ui-fg-interactive txt-small hover:underline">
                Contact #{c.chatwoot_contact_id}
              </a>
            ) : (
              <Badge size="2xsmall">pending</Badge>
            )}
          </div>
        ))}
        {data && (
          <div className="flex items-center justify-between gap-x-2 pt-1">
            <Text size="xsmall" className="text-ui-fg-subtle" data-testid="chatwoot-customer-sync-state">
              {data.sync.failed.length
                ? `${data.sync.failed.length} change(s) failed`
                : data.sync.pending
                  ? `${data.sync.pending} change(s) pending`
                  : `In sync${data.sync.last_done_at ? ` · ${formatDateTime(data.sync.last_done_at)}` : ""}`}
            </Text>
            <Button size="small" variant="secondary" onClick={onSync} isLoading={sync.isPending}>
              Sync now
            </Button>
          </div>
        )}
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" weight="plus">
          Conversations
        </Text>
        {conversations.isLoading && <Skeleton className="h-6 w-full" />}
        {conversations.data && (
          <ConversationList conversations={conversations.data.conversations} empty="No conversations yet." />
        )}
      </div>
    </>
  )
}

/** GDPR tools on the customer page: download or erase what Chatwoot holds about the customer. */
const ChatwootCustomerPrivacyWidget = ({ data }: DetailWidgetProps<AdminCustomer>) => {
  const prompt = usePrompt()
  const exportData = useExportChatwootCustomer(data.id)
  const erase = useEraseChatwootCustomer(data.id)
  const who = data.email ?? data.id

  const onExport = () =>
    exportData.mutate(undefined, {
      onSuccess: () => toast.success("Chatwoot data downloaded"),
      onError: (error) => toast.error("Could not export the Chatwoot data", { description: errorMessage(error) }),
    })

  const onErase = async () => {
    const confirmed = await prompt({
      title: "Erase from Chatwoot?",
      description: `The contact of ${who} is deleted in every Chatwoot account, with their conversations, and the plugin forgets them. The Medusa customer stays; a later order or chat creates a new contact.`,
      confirmText: "Erase",
      cancelText: "Cancel",
      variant: "danger",
    })
    if (!confirmed) return
    erase.mutate(undefined, {
      onSuccess: (result) =>
        toast.success("Erase queued", {
          description: `${result.queued} Chatwoot account${result.queued === 1 ? "" : "s"} will be cleared shortly.`,
        }),
      onError: (error) => toast.error("Could not erase the Chatwoot data", { description: errorMessage(error) }),
    })
  }

  return (
    <Container className="divide-y p-0" data-testid="chatwoot-customer-privacy-widget">
      <div className="px-6 py-4">
        <Heading level="h2">Chatwoot</Heading>
      </div>
      <ChatwootCustomerOverview customerId={data.id} />
      <div className="flex flex-col gap-y-3 px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">
          Everything Chatwoot and the plugin hold about this customer: contacts, conversations and messages.
        </Text>
        <div className="flex flex-wrap gap-2">
          <Button size="small" variant="secondary" onClick={onExport} isLoading={exportData.isPending}>
            Download Chatwoot data
          </Button>
          <Button size="small" variant="danger" onClick={onErase} isLoading={erase.isPending}>
            Erase from Chatwoot
          </Button>
        </div>
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.side",
  id: "chatwoot-customer-privacy",
})

export default ChatwootCustomerPrivacyWidget
