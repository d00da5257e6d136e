import { Plus, Trash } from "@medusajs/icons"
import { Badge, Button, Container, IconButton, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useRemoveChatwootAgent } from "../../hooks/use-agents"
import { errorMessage, storefrontNames } from "../../lib/format"
import type { AdminChatwootAccount, AdminChatwootAgent } from "../../lib/types"
import { AddAgentDrawer } from "./add-agent-drawer"
import { AccountStatusBadge } from "./status-badge"
import { SectionHeader } from "./section-header"

/** Agents of every account, with "add" (to one or more accounts) and "remove". */
export const AgentsSection = ({ accounts }: { accounts: AdminChatwootAccount[] }) => {
  const [drawer, setDrawer] = useState<{ accountIds: string[] } | null>(null)

  return (
    <Container className="divide-y p-0" data-testid="chatwoot-agents">
      <SectionHeader title="Agents" description={<>People who answer chats in each storefront&apos;s Chatwoot account.</>}>
        <Button
          size="small"
          variant="secondary"
          disabled={!accounts.some((a) => a.status === "active")}
          onClick={() => setDrawer({ accountIds: [] })}
        >
          Add agent
        </Button>
      </SectionHeader>
      {accounts.length === 0 ? (
        <div className="px-6 py-6">
          <Text size="small" className="text-ui-fg-subtle">
            Set up a storefront&apos;s Chatwoot account first; then you can add its agents here.
          </Text>
        </div>
      ) : (
        accounts.map((account) => (
          <AccountAgents key={account.id} account={account} onAdd={() => setDrawer({ accountIds: [account.id] })} />
        ))
      )}
      <AddAgentDrawer
        open={drawer !== null}
        onOpenChange={(open) => !open && setDrawer(null)}
        accounts={accounts}
        initialAccountIds={drawer?.accountIds ?? []}
      />
    </Container>
  )
}

const AccountAgents = ({ account, onAdd }: { account: AdminChatwootAccount; onAdd: () => void }) => (
  <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="chatwoot-account-agents">
    <div className="flex items-center justify-between gap-x-4">
      <div className="flex min-w-0 items-center gap-x-2">
        <Text size="small" weight="plus" className="truncate">
          {account.name}
        </Text>
        <Text size="small" className="text-ui-fg-muted truncate">
          {storefrontNames(account)}
        </Text>
        {account.status !== "active" && <AccountStatusBadge status={account.status} />}
      </div>
      <Button size="small" variant="transparent" onClick={onAdd} disabled={account.status !== "active"}>
        <Plus />
        Add
      </Button>
    </div>
    {account.agents.length === 0 ? (
      <Text size="small" className="text-ui-fg-subtle">
        No agents yet{account.mode === "linked" ? " added through Medusa (agents created in Chatwoot are not listed)" : ""}.
      </Text>
    ) : (
      <div className="overflow-hidden rounded-lg border">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Name</Table.HeaderCell>
              <Table.HeaderCell>E-mail</Table.HeaderCell>
              <Table.HeaderCell>Role</Table.HeaderCell>
              <Table.HeaderCell className="text-right">
                <span className="sr-only">Remove</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {account.agents.map((agent) => (
              <AgentRow key={agent.id} account={account} agent={agent} />
            ))}
          </Table.Body>
        </Table>
      </div>
    )}
  </div>
)

const AgentRow = ({ account, agent }: { account: AdminChatwootAccount; agent: AdminChatwootAgent }) => {
  const prompt = usePrompt()
  const remove = useRemoveChatwootAgent()

  const onRemove = async () => {
    const confirmed = await prompt({
      title: `Remove ${agent.name}?`,
      description: `${agent.name} (${agent.email}) loses access to ${account.name} in Chatwoot. Their past replies stay in the conversations.`,
      confirmText: "Remove",
      cancelText: "Cancel",
      variant: "danger",
    })
    if (!confirmed) return
    remove.mutate(
      { accountId: account.id, agentId: agent.id },
      {
        onSuccess: () => toast.success(`${agent.name} was removed from ${account.name}`),
        onError: (error) => toast.error("Could not remove the agent", { description: errorMessage(error) }),
      }
    )
  }

  return (
    <Table.Row className="[&_td:last-child]:w-[1%]">
      <Table.Cell>
        <div className="flex items-center gap-x-2">
          {agent.name}
          {agent.medusa_user_id && (
            <Badge size="2xsmall" color="grey">
              Medusa admin
            </Badge>
          )}
        </div>
      </Table.Cell>
      <Table.Cell>{agent.email}</Table.Cell>
      <Table.Cell>
        <Badge size="2xsmall" color={agent.role === "administrator" ? "purple" : "grey"}>
          {agent.role === "administrator" ? "Administrator" : "Agent"}
        </Badge>
      </Table.Cell>
      <Table.Cell className="text-right">
        <IconButton
          size="small"
          variant="transparent"
          aria-label={`Remove ${agent.name} from ${account.name}`}
          onClick={onRemove}
          disabled={remove.isPending}
          isLoading={remove.isPending}
        >
          <Trash />
        </IconButton>
      </Table.Cell>
    </Table.Row>
  )
}
