import { Alert, Badge, Button, Container, Skeleton, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useChatwootHealth, useReplayChatwootSync, useRotateDashboardAppSecret } from "../../hooks/use-chatwoot-agent"
import type { AccountHealth } from "../../lib/agent-types"
import { errorMessage, formatDateTime } from "../../lib/format"
import { AccountStatusBadge } from "./status-badge"
import { SectionHeader } from "./section-header"

function lag(seconds: number) {
  if (seconds < 60) return `${seconds} s`
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`
  return `${Math.round(seconds / 360) / 10} h`
}

const Metric = ({ label, value, bad, testId }: { label: string; value: string | number; bad?: boolean; testId?: string }) => (
  <div className="flex flex-col">
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="small" weight="plus" className={bad ? "text-ui-fg-error" : undefined} data-testid={testId}>
      {value}
    </Text>
  </div>
)

const AccountHealthRow = ({ account }: { account: AccountHealth }) => {
  const prompt = usePrompt()
  const replay = useReplayChatwootSync()
  const rotate = useRotateDashboardAppSecret()
  const failedIds = account.sync.failed.map((f) => f.id)

  const onReplay = () =>
    replay.mutate(failedIds, {
      onSuccess: (r) => toast.success(`${r.replayed.length} change(s) queued again`),
      onError: (error) => toast.error("Could not replay", { description: errorMessage(error) }),
    })

  const onRotate = async () => {
    const confirmed = await prompt({
      title: "Rotate the dashboard app secret?",
      description: `Chatwoot gets a new link for the Medusa dashboard app of ${account.name}. Agents reload the conversation to use it; the old link stops working at once.`,
      confirmText: "Rotate",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    rotate.mutate(account.id, {
      onSuccess: () => toast.success("Dashboard app secret rotated"),
      onError: (error) => toast.error("Could not rotate the secret", { description: errorMessage(error) }),
    })
  }

  return (
    <Table.Row data-testid="chatwoot-health-row" data-account={account.name} className="align-top">
      <Table.Cell className="py-3">
        <div className="flex flex-col gap-y-1">
          <Text size="small" weight="plus">
            {account.name}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {account.storefronts.map((s) => s.name).join(", ") || "no storefront"}
          </Text>
          <div>
            <AccountStatusBadge status={account.status} />
          </div>
        </div>
      </Table.Cell>
      <Table.Cell className="py-3">
        <div className="grid grid-cols-3 gap-x-6 gap-y-2">
          <Metric label="Last successful call" value={formatDateTime(account.last_success_at)} />
          <Metric label="Sync lag" value={lag(account.sync.lag_seconds)} bad={account.sync.lag_seconds > 300} />
          <Metric
            label="Queue pending / failed"
            value={`${account.sync.counts.pending + account.sync.counts.processing} / ${account.sync.counts.failed}`}
            bad={account.sync.counts.failed > 0}
          />
          <Metric
            label="429 / 5xx (24 h)"
            value={`${account.calls_24h.rate_limited} / ${account.calls_24h.server_errors}`}
            bad={account.calls_24h.rate_limited + account.calls_24h.server_errors > 0}
          />
          <Metric
            label="Webhooks accepted / rejected (24 h)"
            value={`${account.webhooks.accepted_24h} / ${account.webhooks.rejected_24h}`}
            bad={account.webhooks.rejected_24h > 0}
            testId="chatwoot-health-webhooks"
          />
          <Metric
            label="HMAC enforced"
            value={account.storefronts.map((s) => `${s.name}: ${s.hmac_enforced ? "yes" : "no"}`).join(", ") || "—"}
            bad={account.storefronts.some((s) => !s.hmac_enforced)}
          />
        </div>
        {account.warnings.length > 0 && (
          <ul className="mt-3 flex flex-col gap-y-1" data-testid="chatwoot-health-warnings">
            {account.warnings.map((w) => (
              <li key={w.code + w.message}>
                <Text size="small" className="text-ui-fg-error">
                  ⚠ {w.message}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Table.Cell>
      <Table.Cell className="py-3 text-right">
        <div className="flex flex-col items-end gap-y-2">
          {account.ok ? <Badge color="green" size="2xsmall">Healthy</Badge> : <Badge color="red" size="2xsmall">Needs attention</Badge>}
          {failedIds.length > 0 && (
            <Button size="small" variant="secondary" onClick={onReplay} isLoading={replay.isPending}>
              Replay {failedIds.length} failed
            </Button>
          )}
          {account.status === "active" && (
            <Button size="small" variant="transparent" onClick={onRotate} isLoading={rotate.isPending}>
              Rotate dashboard app secret
            </Button>
          )}
        </div>
      </Table.Cell>
    </Table.Row>
  )
}

/** Settings page section: the health of every storefront's Chatwoot integration. */
export const HealthSection = () => {
  const health = useChatwootHealth()
  return (
    <Container className="divide-y p-0" data-testid="chatwoot-health">
      <SectionHeader title="Health" description="Calls to Chatwoot, the sync queue and webhooks per account, refreshed every 30 seconds.">
        <Button size="small" variant="secondary" onClick={() => health.refetch()} isLoading={health.isFetching}>
          Refresh
        </Button>
      </SectionHeader>
      {health.isLoading && (
        <div className="px-6 py-4">
          <Skeleton className="h-16 w-full" />
        </div>
      )}
      {health.isError && (
        <div className="px-6 py-4">
          <Alert variant="error" dismissible={false}>
            Could not load the health: {errorMessage(health.error)}
          </Alert>
        </div>
      )}
      {health.data && health.data.health.accounts.length === 0 && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          No Chatwoot account yet.
        </Text>
      )}
      {health.data && health.data.health.accounts.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell className="w-[22%]">Account</Table.HeaderCell>
              <Table.HeaderCell>Signals</Table.HeaderCell>
              <Table.HeaderCell className="w-[18%] text-right">Actions</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {health.data.health.accounts.map((account) => (
              <AccountHealthRow key={account.id} account={account} />
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}
