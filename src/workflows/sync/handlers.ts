import type { MedusaContainer } from "@medusajs/framework/types"
import { CHATWOOT_MODULE } from "../../modules/chatwoot"
import { ChatwootApiError } from "../../modules/chatwoot/client"
import type ChatwootModuleService from "../../modules/chatwoot/service"
import type { SyncJobRow } from "../../modules/chatwoot/sync-queue"
import { hashContactFields, loadContactFields } from "./contact-data"

/** What a handler reports for a row it finished (stored as the row's note). */
export type SyncHandlerResult = { note?: string; anonymize?: boolean }

export type SyncHandler = (container: MedusaContainer, row: SyncJobRow) => Promise<SyncHandlerResult>

/** Thrown for a row that cannot be processed yet (e.g. its account is still provisioning): retried. */
export class SyncNotReadyError extends Error {
  name = "SyncNotReadyError"
}

const isNotFound = (error: unknown) => ChatwootApiError.is(error) && error.status === 404

async function loadAccount(chatwoot: ChatwootModuleService, accountId: string) {
  const [account] = await chatwoot.listChatwootAccounts(
    { id: accountId },
    { relations: ["inboxes", "storefronts"] }
  )
  return account ?? null
}

/**
 * contact_upsert: computes the customer's contact for the account and sends
 * it, unless the hash of what would be sent equals the last one sent. A known
 * contact is updated with one call; otherwise the client's upsert finds it by
 * identifier or creates it in the account's API inbox.
 */
export const contactUpsert: SyncHandler = async (container, row) => {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const account = await loadAccount(chatwoot, row.account_id)
  if (!account) return { note: "skipped: account deleted" }
  if (account.status === "suspended") return { note: "skipped: account suspended" }
  if (account.status !== "active") throw new SyncNotReadyError(`account ${account.id} is ${account.status}`)

  const options = chatwoot.getPublicOptions()
  const payload = (row.payload ?? {}) as { sales_channel_id?: string }
  const fields = await loadContactFields(
    container,
    row.subject,
    {
      sales_channel_ids: account.storefronts.map((s) => s.sales_channel_id),
      interaction_sales_channel_id: payload.sales_channel_id ?? null,
    },
    { tiers: options.tiers, public_url: options.public_url }
  )
  if (!fields) return { note: "skipped: customer not found" }

  const hash = hashContactFields(fields)
  const [known] = await chatwoot.listChatwootContacts({ account_id: account.id, customer_id: row.subject })
  if (known?.chatwoot_contact_id && known.attributes_hash === hash) return { note: "unchanged" }

  const contacts = chatwoot.accountApi(account).contacts
  let contactId: number | null = null
  if (known?.chatwoot_contact_id) {
    try {
      contactId = (await contacts.update(known.chatwoot_contact_id, fields)).id
    } catch (error) {
      // deleted in Chatwoot, or a unique field conflicts: fall back to the upsert, which handles both
      if (!(isNotFound(error) || (ChatwootApiError.is(error) && error.isDuplicate))) throw error
    }
  }
  if (contactId === null) {
    const apiInbox = account.inboxes.find((i) => i.kind === "api" && i.chatwoot_inbox_id)
    if (!apiInbox?.chatwoot_inbox_id) throw new SyncNotReadyError(`account ${account.id} has no API inbox yet`)
    contactId = (await contacts.upsert({ ...fields, inbox_id: apiInbox.chatwoot_inbox_id })).contact.id
  }

  const record = {
    chatwoot_contact_id: contactId,
    attributes_hash: hash,
    email: fields.email ?? null,
    last_synced_at: new Date(),
  }
  if (known) {
    await chatwoot.updateChatwootContacts({ id: known.id, ...record })
  } else {
    await chatwoot.createChatwootContacts({ account_id: account.id, customer_id: row.subject, ...record })
  }
  return {}
}

/**
 * contact_merge (guest → customer): the registered customer's contact is
 * the base; the contacts of their guest customers (same e-mail) in this
 * account are merged into it (Chatwoot moves conversations and notes, then
 * deletes the guest's contact), and the guest's rows go. The base is
 * upserted first: its create drops the e-mail the guest's contact still
 * holds, the merge fills it in, and a last upsert sends everything again.
 * A retry after a merge went through finds the guest's contact gone (404).
 */
export const contactMerge: SyncHandler = async (container, row) => {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const guestIds = ((row.payload ?? {}) as { guest_customer_ids?: string[] }).guest_customer_ids ?? []
  const upsertRow: SyncJobRow = { ...row, kind: "contact_upsert" }
  if (!guestIds.length) return contactUpsert(container, upsertRow)
  const account = await loadAccount(chatwoot, row.account_id)
  if (!account) return { note: "skipped: account deleted" }
  if (account.status !== "active") throw new SyncNotReadyError(`account ${account.id} is ${account.status}`)

  const contacts = chatwoot.accountApi(account).contacts
  const guestRows = await chatwoot.listChatwootContacts({ account_id: account.id, customer_id: guestIds })
  const mergees = new Set<number>()
  for (const guestId of guestIds) {
    const known = guestRows.find((g) => g.customer_id === guestId)?.chatwoot_contact_id
    const id = known ?? (await contacts.findByIdentifier(guestId))?.id
    if (id) mergees.add(id)
  }
  const first = await contactUpsert(container, upsertRow)
  if (first.note?.startsWith("skipped")) return first
  const [base] = await chatwoot.listChatwootContacts({ account_id: account.id, customer_id: row.subject })
  for (const mergee of mergees) {
    if (!base?.chatwoot_contact_id || mergee === base.chatwoot_contact_id) continue
    try {
      await contacts.merge(base.chatwoot_contact_id, mergee)
    } catch (error) {
      if (!isNotFound(error)) throw error
    }
  }
  if (guestRows.length) await chatwoot.deleteChatwootContacts(guestRows.map((g) => g.id))
  if (base) await chatwoot.updateChatwootContacts({ id: base.id, attributes_hash: null })
  await contactUpsert(container, upsertRow)
  return { note: `merged ${mergees.size} guest contact(s)` }
}

/**
 * contact_erase (GDPR): deletes the customer's contact in the account (the
 * one recorded, else the one carrying their identifier), then purges the
 * plugin's rows about them. The queue row itself is kept, anonymized.
 */
export const contactErase: SyncHandler = async (container, row) => {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const account = await loadAccount(chatwoot, row.account_id)
  const known = await chatwoot.listChatwootContacts({ account_id: row.account_id, customer_id: row.subject })
  if (account?.chatwoot_account_id && account.access_token_encrypted) {
    const contacts = chatwoot.accountApi(account).contacts
    const ids = new Set(known.map((k) => k.chatwoot_contact_id).filter((id): id is number => !!id))
    const byIdentifier = await contacts.findByIdentifier(row.subject)
    if (byIdentifier) ids.add(byIdentifier.id)
    for (const id of ids) {
      try {
        await contacts.delete(id)
      } catch (error) {
        if (!isNotFound(error)) throw error
      }
    }
  }
  if (known.length) await chatwoot.deleteChatwootContacts(known.map((k) => k.id))
  await chatwoot.purgeSyncJobsAbout({ subject: row.subject, account_id: row.account_id, except_id: row.id })
  return { anonymize: true }
}

/** An upsert row may carry guests to merge (a merge folded into it), so both kinds run contactMerge. */
export const SYNC_HANDLERS: Partial<Record<SyncJobRow["kind"], SyncHandler>> = {
  contact_upsert: contactMerge,
  contact_merge: contactMerge,
  contact_erase: contactErase,
}
