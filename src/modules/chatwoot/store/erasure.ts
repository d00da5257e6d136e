import { placeholders, rowsOf, type EntityManager } from "./manager"

/* The plugin's side of a GDPR erase: the tombstone check, the purge of every row about the subjects, the audit entry. */

export type IsErasedInput = { customer_id?: string | null; email?: string | null; queued_at: Date }
export type PurgeErasedSubjectsInput = {
  customer_ids: string[]
  emails: string[]
  account_id?: string
  chatwoot_contact_ids?: number[]
}
export type PurgedErasedSubjects = { contacts: number; conversations: number; contact_changes: number; sync_jobs: number }

/**
 * True when an erase recorded at or after `queued_at` covers the customer id
 * or the e-mail: a change queued before an erase must not re-create the
 * contact. Later changes (a new interaction, a re-registration) pass.
 * `hash` is the keyed hash the tombstone stores instead of the value.
 */
export async function isErased(manager: EntityManager, input: IsErasedInput, hash: (value: string) => string): Promise<boolean> {
  const checks: string[] = []
  const params: unknown[] = [input.queued_at]
  if (input.customer_id) {
    checks.push("subject_hashes @> ?::jsonb")
    params.push(JSON.stringify([hash(input.customer_id)]))
  }
  if (input.email) {
    checks.push("email_hashes @> ?::jsonb")
    params.push(JSON.stringify([hash(input.email)]))
  }
  if (!checks.length) return false
  const rows = await rowsOf<{ "?column?": number }>(
    manager,
    `select 1 from chatwoot_erasure where deleted_at is null and erased_at >= ? and (${checks.join(" or ")}) limit 1`,
    params
  )
  return rows.length > 0
}

/**
 * Deletes every plugin row about erased subjects: contacts, the
 * conversation mirror (by customer id, e-mail, or the Chatwoot contacts
 * just deleted in `account_id`), contact changes (by customer id or an
 * e-mail in the change), and queue rows no drainer holds whose subject,
 * payload or error names them (pending, failed and done, the text of
 * queued contact-form messages included), and rate-limit state keyed by
 * one of the e-mails. Erase rows are left to finish.
 */
export async function purgeErasedSubjects(manager: EntityManager, input: PurgeErasedSubjectsInput): Promise<PurgedErasedSubjects> {
  const ids = [...new Set(input.customer_ids.filter(Boolean))]
  const emails = [...new Set(input.emails.map((e) => e.trim().toLowerCase()).filter(Boolean))]
  const oneOf = (column: string, values: unknown[]) => (values.length ? `${column} in (${placeholders(values)})` : "false")
  const mentions = (text: string) =>
    emails.length ? `(${emails.map(() => `position(? in lower(${text})) > 0`).join(" or ")})` : "false"
  const deleted = (sql: string, params: unknown[]) => rowsOf<{ id: string }>(manager, sql, params)

  const contacts = await deleted(
    `delete from chatwoot_contact where ${oneOf("customer_id", ids)} or ${oneOf("lower(email)", emails)} returning id`,
    [...ids, ...emails]
  )
  const byContact = input.account_id && input.chatwoot_contact_ids?.length ? input.chatwoot_contact_ids : []
  const conversations = await deleted(
    `delete from chatwoot_conversation
      where ${oneOf("customer_id", ids)} or ${oneOf("lower(email)", emails)}
         or (${byContact.length ? `account_id = ? and ${oneOf("chatwoot_contact_id", byContact)}` : "false"})
     returning id`,
    [...ids, ...emails, ...(byContact.length ? [input.account_id, ...byContact] : [])]
  )
  const changes = await deleted(
    `delete from chatwoot_contact_change where ${oneOf("customer_id", ids)} or ${mentions("changes::text")} returning id`,
    [...ids, ...emails]
  )
  const subjects = [...ids, ...emails]
  const jobs = await deleted(
    `delete from chatwoot_sync_job
      where status <> 'processing' and kind <> 'contact_erase'
        and (${oneOf("lower(subject)", subjects.map((s) => s.toLowerCase()))}
             or ${mentions("coalesce(payload::text, '')")} or ${mentions("coalesce(last_error, '')")}
             or ${ids.length ? `(${ids.map(() => "position(? in coalesce(payload::text, '')) > 0").join(" or ")})` : "false"})
     returning id`,
    [...subjects.map((s) => s.toLowerCase()), ...emails, ...emails, ...ids]
  )
  // a limiter keyed by an e-mail (e.g. the contact form's) forgets it too
  if (emails.length) await manager.execute(`delete from chatwoot_rate_limit where ${mentions("id")}`, emails)
  return {
    contacts: contacts.length,
    conversations: conversations.length,
    contact_changes: changes.length,
    sync_jobs: jobs.length,
  }
}

/**
 * Adds one account's counts to an erase's audit entry; the entry is
 * complete once every account it covers is done. Rows of several accounts
 * finish at once, so the entry is locked while it is updated.
 */
export async function recordErasureProgress(manager: EntityManager, erasureId: string, counts: Record<string, number>): Promise<void> {
  const [entry] = await rowsOf<{ id: string; counts: Record<string, number> | null; account_ids: string[] | null }>(
    manager,
    `select id, counts, account_ids from chatwoot_erasure where id = ? for update`,
    [erasureId]
  )
  if (!entry) return
  const total: Record<string, number> = { ...(entry.counts ?? {}) }
  for (const [key, value] of Object.entries(counts)) total[key] = (Number(total[key]) || 0) + value
  total.accounts_done = (Number(total.accounts_done) || 0) + 1
  const complete = total.accounts_done >= (entry.account_ids ?? []).length
  await manager.execute(
    `update chatwoot_erasure set counts = ?::jsonb, completed_at = case when ? then coalesce(completed_at, now()) else null end,
            updated_at = now() where id = ?`,
    [JSON.stringify(total), complete, erasureId]
  )
}
