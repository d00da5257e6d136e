import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { ConversationList } from "../components/chatwoot/conversation-list"
import { useChatwootConversations } from "../hooks/use-chatwoot-agent"
import { errorMessage } from "../lib/format"

/** Chatwoot conversations about this order (linked by the conversation's order attribute). */
const ChatwootOrderWidget = ({ data }: DetailWidgetProps<AdminOrder>) => {
  const conversations = useChatwootConversations({ order_id: data.id, status: "all", limit: 20 })
  return (
    <Container className="divide-y p-0" data-testid="chatwoot-order-widget">
      <div className="px-6 py-4">
        <Heading level="h2">Chatwoot conversations</Heading>
      </div>
      <div className="px-6 py-4">
        {conversations.isLoading && <Skeleton className="h-6 w-full" />}
        {conversations.isError && (
          <Text size="small" className="text-ui-fg-error">
            {errorMessage(conversations.error)}
          </Text>
        )}
        {conversations.data && (
          <ConversationList conversations={conversations.data.conversations} empty="No conversation about this order." />
        )}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side",
  id: "chatwoot-order-conversations",
})

export default ChatwootOrderWidget
