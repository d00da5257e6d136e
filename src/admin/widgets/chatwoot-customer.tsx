import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { useEraseChatwootCustomer, useExportChatwootCustomer } from "../hooks/use-customer-privacy"
import { errorMessage } from "../lib/format"

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
        <Heading level="h2">Chatwoot privacy</Heading>
      </div>
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
