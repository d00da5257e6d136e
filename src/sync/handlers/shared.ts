import type { MedusaContainer } from "@medusajs/framework/types"
import type { SyncJobKind } from "../../modules/chatwoot/models/chatwoot-sync-job"
import { ChatwootApiError } from "../../modules/chatwoot/client"
import type ChatwootModuleService from "../../modules/chatwoot/service"
import type { SyncJob } from "../jobs"
import { processState } from "../process-state"

/** What a handler reports for a row it finished (stored as the row's note). */
export type SyncHandlerResult = {
  note?: string
  anonymize?: boolean
  /** Put the row back without spending an attempt (e.g. its account is suspended). */
  defer?: { ms: number; note: string }
}

/** Runs one claimed row of kind K. */
export type SyncHandler<K extends SyncJobKind = SyncJobKind> = (
  container: MedusaContainer,
  job: SyncJob<K>
) => Promise<SyncHandlerResult>

/** Thrown for a row that cannot be processed yet (e.g. its account is still provisioning): retried. */
export class SyncNotReadyError extends Error {
  name = "SyncNotReadyError"
}

export const isNotFound = (error: unknown) => ChatwootApiError.is(error) && error.status === 404

/** Deletes a Chatwoot contact; one already gone is fine. */
export async function deleteContact(contacts: { delete(id: number): Promise<unknown> }, id: number): Promise<void> {
  await contacts.delete(id).catch((error) => {
    if (!isNotFound(error)) throw error
  })
}

async function fetchAccount(chatwoot: ChatwootModuleService, accountId: string) {
  const [account] = await chatwoot.listChatwootAccounts({ id: accountId }, { relations: ["inboxes", "storefronts"] })
  return account ?? null
}

export type SyncAccount = NonNullable<Awaited<ReturnType<typeof fetchAccount>>>

/** How long a drainer reuses an account it loaded (status changes are seen after at most this). */
const ACCOUNT_CACHE_MS = 1_000
const accountCache = () =>
  processState("sync-account-cache", () => new Map<string, { at: number; account: Promise<SyncAccount | null> }>())

/** An account with its inboxes and storefronts; a burst of rows of one account loads it once a second. */
export async function loadAccount(chatwoot: ChatwootModuleService, accountId: string): Promise<SyncAccount | null> {
  const cache = accountCache()
  const now = Date.now()
  const hit = cache.get(accountId)
  if (hit && now - hit.at < ACCOUNT_CACHE_MS) return hit.account
  const account = fetchAccount(chatwoot, accountId)
  cache.set(accountId, { at: now, account })
  account.catch(() => cache.delete(accountId))
  if (cache.size > 1000) cache.delete(cache.keys().next().value as string)
  return account
}

/**
 * The row's account if it can take the change now. A deleted account skips
 * the row, and so does a suspended one unless `suspended: "retry"`; an account
 * not active yet (provisioning) makes the row retry.
 */
export async function activeAccount(
  chatwoot: ChatwootModuleService,
  accountId: string,
  opts: { suspended?: "skip" | "retry" } = {}
): Promise<{ account: SyncAccount } | { skipped: SyncHandlerResult }> {
  const account = await loadAccount(chatwoot, accountId)
  if (!account) return { skipped: { note: "skipped: account deleted" } }
  if (account.status === "suspended" && opts.suspended !== "retry") return { skipped: { note: "skipped: account suspended" } }
  if (account.status !== "active") throw new SyncNotReadyError(`account ${account.id} is ${account.status}`)
  return { account }
}
