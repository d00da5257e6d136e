import { CHATWOOT_MODULE } from "../../modules/chatwoot"
import type ChatwootModuleService from "../../modules/chatwoot/service"
import { guestsToAbsorb } from "../guests"
import type { SyncJob } from "../jobs"
import { contactUpsert } from "./contact-upsert"
import { activeAccount, isNotFound, type SyncHandler } from "./shared"

/**
 * contact_merge (guest → customer): the registered customer's contact is
 * the base; the contacts of their guest customers (same e-mail) in this
 * account are merged into it (Chatwoot moves conversations and notes, then
 * deletes the guest's contact), and the guest's rows go. The base is
 * upserted first: its create drops the e-mail the guest's contact still
 * holds, the merge fills it in, and a last upsert sends everything again.
 * A retry after a merge went through finds the guest's contact gone (404).
 * An upsert row may carry guests to merge (a merge folded into it), so both
 * kinds run this handler; with no guest it is a plain upsert.
 */
export const contactMerge: SyncHandler<"contact_upsert" | "contact_merge"> = async (container, row) => {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const queued = row.payload.guest_customer_ids ?? []
  const guestIds = queued.length
    ? queued
    : ((await guestsToAbsorb(container, chatwoot, row.subject, row.account_id)).get(row.account_id) ?? [])
  const upsertRow: SyncJob<"contact_upsert"> = { ...row, kind: "contact_upsert" }
  if (!guestIds.length) return contactUpsert(container, upsertRow)
  // a suspended account retries here: the merge must not be dropped
  const gate = await activeAccount(chatwoot, row.account_id, { suspended: "retry" })
  if ("skipped" in gate) return gate.skipped
  const { account } = gate

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
