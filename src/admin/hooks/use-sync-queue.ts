import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { chatwootKeys } from "./query-keys"

export type AdminChatwootSyncFailedRow = {
  id: string
  account_id: string
  kind: string
  subject: string
  attempts: number
  last_error: string | null
  created_at: string
  updated_at: string
}

export type AdminChatwootSyncStats = {
  counts: { pending: number; processing: number; done: number; failed: number }
  oldest_pending_at: string | null
  lag_seconds: number
  failed: AdminChatwootSyncFailedRow[]
}

export type AdminChatwootBackfill = {
  id: string
  status: "running" | "done" | "canceled"
  sales_channel_id: string | null
  account_id: string | null
  total: number
  done: number
  queued_rows: number
  percent: number
  rate_per_minute: number
  eta_seconds: number | null
  started_at: string
  finished_at: string | null
}

const syncKeys = {
  stats: () => [...chatwootKeys.all, "sync", "stats"] as const,
  backfills: () => [...chatwootKeys.all, "sync", "backfills"] as const,
}

/** Queue counts, lag and failed rows; polled faster while anything is queued. */
export function useChatwootSyncStats() {
  return useQuery({
    queryKey: syncKeys.stats(),
    queryFn: () => sdk.client.fetch<{ sync: AdminChatwootSyncStats }>("/admin/chatwoot/sync", { query: { failed_limit: 20 } }),
    refetchInterval: (query) => {
      const counts = query.state.data?.sync.counts
      return counts && counts.pending + counts.processing > 0 ? 2_000 : 15_000
    },
  })
}

/** The latest backfill (if any) with its progress; polled every 2 s while it runs. */
export function useChatwootBackfills() {
  return useQuery({
    queryKey: syncKeys.backfills(),
    queryFn: () => sdk.client.fetch<{ backfills: AdminChatwootBackfill[] }>("/admin/chatwoot/sync/backfill", { query: { limit: 1 } }),
    refetchInterval: (query) => (query.state.data?.backfills[0]?.status === "running" ? 2_000 : 30_000),
  })
}

function useInvalidateSync() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: [...chatwootKeys.all, "sync"] })
}

/** Puts failed rows (the given ones, or all) back into the queue. */
export function useReplayChatwootSync() {
  const invalidate = useInvalidateSync()
  return useMutation({
    mutationFn: (ids?: string[]) =>
      sdk.client.fetch<{ replayed: string[]; superseded: string[] }>("/admin/chatwoot/sync/replay", {
        method: "POST",
        body: ids ? { ids } : {},
      }),
    onSettled: invalidate,
  })
}

export function useStartChatwootBackfill() {
  const invalidate = useInvalidateSync()
  return useMutation({
    mutationFn: (salesChannelId?: string) =>
      sdk.client.fetch<{ backfill: AdminChatwootBackfill }>("/admin/chatwoot/sync/backfill", {
        method: "POST",
        body: salesChannelId ? { sales_channel_id: salesChannelId } : {},
      }),
    onSettled: invalidate,
  })
}

export function useCancelChatwootBackfill() {
  const invalidate = useInvalidateSync()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<{ backfill: AdminChatwootBackfill }>(
        `/admin/chatwoot/sync/backfill/${encodeURIComponent(id)}/cancel`,
        { method: "POST" }
      ),
    onSettled: invalidate,
  })
}
