import { Badge, Button, Container, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import {
  type AdminChatwootBackfill,
  useCancelChatwootBackfill,
  useChatwootBackfills,
  useChatwootSyncStats,
  useReplayChatwootSync,
  useStartChatwootBackfill,
} from "../../hooks/use-sync-queue"
import { errorMessage, formatDateTime } from "../../lib/format"
import type { AdminChatwootAccount } from "../../lib/types"
import { SectionHeader } from "./section-header"
import { SelectInput } from "./select-field"

const ALL = "__all__"

function duration(seconds: number | null): string {
  if (seconds === null) return "—"
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.round(seconds / 60)
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}

/**
 * The durable sync queue: pending/failed counts and lag,
 * failed rows with their errors and replay, and the customer backfill with
 * its progress.
 */
export const SyncQueueSection = ({
  accounts,
  salesChannels,
}: {
  accounts: AdminChatwootAccount[]
  salesChannels: { id: string; name: string }[]
}) => {
  const stats = useChatwootSyncStats()
  const replay = useReplayChatwootSync()
  const sync = stats.data?.sync

  const replayRows = async (ids?: string[]) => {
    try {
      const result = await replay.mutateAsync(ids)
      toast.success(`${result.replayed.length} change(s) queued again`)
    } catch (error) {
      toast.error(errorMessage(error))
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="chatwoot-sync-queue">
      <SectionHeader title="Contact sync" description="Changes on their way to Chatwoot. Failed changes stay here until you replay them.">
        <div className="flex items-center gap-x-2" data-testid="chatwoot-sync-counts">
          <Badge size="2xsmall" color={sync?.counts.pending ? "blue" : "grey"}>
            {sync?.counts.pending ?? "–"} pending
          </Badge>
          <Badge size="2xsmall" color="grey">
            {sync?.counts.processing ?? "–"} sending
          </Badge>
          <Badge size="2xsmall" color={sync?.counts.failed ? "red" : "grey"}>
            {sync?.counts.failed ?? "–"} failed
          </Badge>
          <Text size="xsmall" className="text-ui-fg-muted">
            lag {sync ? duration(sync.lag_seconds) : "–"}
          </Text>
        </div>
      </SectionHeader>

      {stats.error && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-error">
            Could not load the sync queue: {errorMessage(stats.error)}
          </Text>
        </div>
      )}

      {sync && sync.failed.length > 0 && (
        <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="chatwoot-sync-failed">
          <div className="flex items-center justify-between">
            <Text size="small" weight="plus">
              Failed changes
            </Text>
            <Button size="small" variant="secondary" isLoading={replay.isPending} onClick={() => replayRows()}>
              Replay all
            </Button>
          </div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Change</Table.HeaderCell>
                <Table.HeaderCell>Customer</Table.HeaderCell>
                <Table.HeaderCell>Attempts</Table.HeaderCell>
                <Table.HeaderCell>Error</Table.HeaderCell>
                <Table.HeaderCell>Last try</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {sync.failed.map((row) => (
                <Table.Row key={row.id}>
                  <Table.Cell>{row.kind.replace(/_/g, " ")}</Table.Cell>
                  <Table.Cell className="font-mono text-xs">{row.subject}</Table.Cell>
                  <Table.Cell>{row.attempts}</Table.Cell>
                  <Table.Cell className="max-w-[320px] truncate" title={row.last_error ?? ""}>
                    {row.last_error ?? "—"}
                  </Table.Cell>
                  <Table.Cell>{formatDateTime(row.updated_at)}</Table.Cell>
                  <Table.Cell className="text-right">
                    <Button size="small" variant="transparent" disabled={replay.isPending} onClick={() => replayRows([row.id])}>
                      Replay
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}

      <BackfillPanel accounts={accounts} salesChannels={salesChannels} />
    </Container>
  )
}

const BackfillPanel = ({
  accounts,
  salesChannels,
}: {
  accounts: AdminChatwootAccount[]
  salesChannels: { id: string; name: string }[]
}) => {
  const backfills = useChatwootBackfills()
  const start = useStartChatwootBackfill()
  const cancel = useCancelChatwootBackfill()
  const prompt = usePrompt()
  const [scope, setScope] = useState(ALL)
  const latest = backfills.data?.backfills[0]
  const running = latest?.status === "running"
  const activeChannels = salesChannels.filter((channel) =>
    accounts.some((a) => a.status === "active" && a.storefronts?.some((s) => s.sales_channel_id === channel.id))
  )

  const onStart = async () => {
    const name = scope === ALL ? "every storefront" : (salesChannels.find((c) => c.id === scope)?.name ?? scope)
    const confirmed = await prompt({
      title: "Backfill customers?",
      description: `Every customer is sent to Chatwoot (${name}) in the background, within the rate limit. Unchanged contacts cost nothing.`,
      confirmText: "Start backfill",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    try {
      await start.mutateAsync(scope === ALL ? undefined : scope)
      toast.success("Backfill started")
    } catch (error) {
      toast.error(errorMessage(error))
    }
  }

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="chatwoot-backfill">
      <div className="flex items-center justify-between gap-x-4">
        <div>
          <Text size="small" weight="plus">
            Backfill
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            Sends all existing customers to Chatwoot; resumes by itself after a restart.
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <SelectInput
            size="small"
            value={scope}
            onChange={setScope}
            disabled={running}
            className="w-[200px]"
            aria-label="Storefront to backfill"
            options={[{ value: ALL, label: "All storefronts" }, ...activeChannels.map((c) => ({ value: c.id, label: c.name }))]}
          />
          {running ? (
            <Button
              size="small"
              variant="secondary"
              isLoading={cancel.isPending}
              onClick={() =>
                cancel.mutateAsync(latest!.id).catch((error) => toast.error(errorMessage(error)))
              }
            >
              Stop
            </Button>
          ) : (
            <Button size="small" variant="secondary" isLoading={start.isPending} onClick={onStart}>
              Start backfill
            </Button>
          )}
        </div>
      </div>
      {latest && <BackfillProgress backfill={latest} />}
    </div>
  )
}

const BackfillProgress = ({ backfill }: { backfill: AdminChatwootBackfill }) => (
  <div className="flex flex-col gap-y-1" data-testid="chatwoot-backfill-progress">
    <div
      className="bg-ui-bg-component h-2 w-full overflow-hidden rounded-full"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={backfill.percent}
      aria-label="Backfill progress"
    >
      <div
        className={`h-full rounded-full ${backfill.status === "canceled" ? "bg-ui-tag-orange-icon" : "bg-ui-tag-green-icon"}`}
        style={{ width: `${Math.min(100, backfill.percent)}%` }}
      />
    </div>
    <Text size="xsmall" className="text-ui-fg-subtle">
      {backfill.done.toLocaleString()} of {backfill.total.toLocaleString()} customers ({backfill.percent} %) ·{" "}
      {Math.round(backfill.rate_per_minute).toLocaleString()}/min
      {backfill.status === "running"
        ? ` · about ${duration(backfill.eta_seconds)} left`
        : backfill.status === "done"
          ? ` · finished ${formatDateTime(backfill.finished_at)}`
          : " · stopped"}
    </Text>
  </div>
)
