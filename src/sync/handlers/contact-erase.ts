import { CHATWOOT_MODULE } from "../../modules/chatwoot"
import type ChatwootModuleService from "../../modules/chatwoot/service"
import { deleteContact, type SyncHandler } from "./shared"

/** How often an erase in a suspended account looks again (it waits for the resume, never parked). */
export const ERASE_SUSPENDED_RETRY_MS = 10_000

/**
 * contact_erase (GDPR): in the row's account, deletes every contact of the
 * erased subjects — the ones recorded, those carrying one of their customer
 * ids as identifier and those with one of their e-mails — then purges the
 * plugin's rows about them (also the mirror of the deleted contacts'
 * conversations). In a suspended account it waits for the resume. The queue
 * row itself is kept, anonymized, and the erase's audit entry counts what went.
 */
export const contactErase: SyncHandler<"contact_erase"> = async (container, row) => {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const payload = row.payload
  const customerIds = payload.customer_ids?.length ? payload.customer_ids : [row.subject]
  const emails = payload.emails ?? []
  const [account] = await chatwoot.listChatwootAccounts({ id: row.account_id })
  if (account?.status === "suspended") {
    return { defer: { ms: ERASE_SUSPENDED_RETRY_MS, note: "waiting: account suspended" } }
  }
  const known = await chatwoot.listChatwootContacts({ account_id: row.account_id, customer_id: customerIds })
  const deleted: number[] = []
  if (account?.chatwoot_account_id && account.access_token_encrypted) {
    const contacts = chatwoot.accountApi(account).contacts
    const ids = new Set(known.map((k) => k.chatwoot_contact_id).filter((id): id is number => !!id))
    for (const customerId of customerIds) {
      const found = await contacts.findByIdentifier(customerId)
      if (found) ids.add(found.id)
    }
    for (const email of emails) {
      const found = await contacts.findByEmail(email)
      if (found) ids.add(found.id)
    }
    // the contacts of mirrored conversations about them (an anonymous contact-form post keeps the typed e-mail on the conversation only)
    for (const id of payload.chatwoot_contact_ids ?? []) ids.add(id)
    for (const id of ids) {
      await deleteContact(contacts, id)
      deleted.push(id)
    }
  }
  const purged = await chatwoot.purgeErasedSubjects({
    customer_ids: customerIds,
    emails,
    account_id: row.account_id,
    chatwoot_contact_ids: deleted,
  })
  await chatwoot.purgeSyncJobsAbout({ subject: row.subject, account_id: row.account_id, except_id: row.id })
  if (payload.erasure_id) {
    await chatwoot.recordErasureProgress(payload.erasure_id, { contacts_deleted: deleted.length, ...purged })
  }
  return { anonymize: true, note: `erased ${deleted.length} contact(s)` }
}
