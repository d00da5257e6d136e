import type { MedusaContainer } from "@medusajs/framework/types"
import { CHATWOOT_MODULE } from "../../modules/chatwoot"
import { ChatwootApiError } from "../../modules/chatwoot/client"
import type ChatwootModuleService from "../../modules/chatwoot/service"
import { hashContactFields, loadContactFields } from "../contact-data"
import { interestAttributes } from "../interest"
import type { SyncJob } from "../jobs"
import { activeAccount, deleteContact, isNotFound, SyncNotReadyError, type SyncHandlerResult } from "./shared"

/**
 * contact_upsert: computes the customer's contact for the account and sends
 * it, unless the hash of what would be sent equals the last one sent. A known
 * contact is updated with one call; otherwise the client's upsert finds it by
 * identifier or creates it in the account's API inbox.
 */
export async function contactUpsert(
  container: MedusaContainer,
  row: SyncJob<"contact_upsert" | "contact_merge">
): Promise<SyncHandlerResult> {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const gate = await activeAccount(chatwoot, row.account_id)
  if ("skipped" in gate) return gate.skipped
  const { account } = gate

  const options = chatwoot.getPublicOptions()
  const payload = row.payload ?? {}
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
  // recent interest from storefront events (Chatwoot merges custom attributes, so later upserts keep it)
  const interest = interestAttributes(payload.interest)
  if (Object.keys(interest).length) fields.custom_attributes = { ...fields.custom_attributes, ...interest }

  // an erase that came after this change was queued wins: no contact is (re-)created for it
  const erased = () => chatwoot.isErased({ customer_id: row.subject, email: fields.email, queued_at: new Date(row.created_at) })
  if (await erased()) return { note: "skipped: erased", anonymize: true }

  const hash = hashContactFields(fields)
  const [known] = await chatwoot.listChatwootContacts({ account_id: account.id, customer_id: row.subject })
  if (known?.chatwoot_contact_id && known.attributes_hash === hash) {
    // in step with Medusa as of now: reconciliation compares against this
    await chatwoot.updateChatwootContacts({ id: known.id, last_synced_at: new Date() })
    return { note: "unchanged" }
  }

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
    // no contact known here (first sync, or it was deleted in Chatwoot): create first, look up only on a conflict
    contactId = (await contacts.upsert({ ...fields, inbox_id: apiInbox.chatwoot_inbox_id }, { createFirst: true })).contact.id
    // an erase that started while the create was on its way: undo it (the erase may have searched before it landed)
    if (await erased()) {
      await deleteContact(contacts, contactId)
      return { note: "skipped: erased", anonymize: true }
    }
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
