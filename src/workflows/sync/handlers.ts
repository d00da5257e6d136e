import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CHATWOOT_MODULE } from "../../modules/chatwoot"
import { ChatwootApiError } from "../../modules/chatwoot/client"
import type ChatwootModuleService from "../../modules/chatwoot/service"
import type { SyncJobRow } from "../../modules/chatwoot/sync-queue"
import { hashContactFields, loadContactFields } from "./contact-data"
import { contactMessageHandler } from "./contact-message"
import { interestAttributes } from "./interest"
import { orderChangeNote } from "./order-change-note"
import { medusaAdminUrl } from "../../lib/admin-urls"

/** What a handler reports for a row it finished (stored as the row's note). */
export type SyncHandlerResult = {
  note?: string
  anonymize?: boolean
  /** Put the row back without spending an attempt (e.g. its account is suspended). */
  defer?: { ms: number; note: string }
}

export type SyncHandler = (container: MedusaContainer, row: SyncJobRow) => Promise<SyncHandlerResult>

/** Thrown for a row that cannot be processed yet (e.g. its account is still provisioning): retried. */
export class SyncNotReadyError extends Error {
  name = "SyncNotReadyError"
}

const isNotFound = (error: unknown) => ChatwootApiError.is(error) && error.status === 404

/** How long a drainer reuses an account it loaded (status changes are seen after at most this). */
const ACCOUNT_CACHE_MS = 1_000
const accountCache = new Map<string, { at: number; account: Promise<AccountWithRelations | null> }>()
type AccountWithRelations = Awaited<ReturnType<typeof fetchAccount>>

async function fetchAccount(chatwoot: ChatwootModuleService, accountId: string) {
  const [account] = await chatwoot.listChatwootAccounts(
    { id: accountId },
    { relations: ["inboxes", "storefronts"] }
  )
  return account ?? null
}

/** An account with its inboxes and storefronts; a burst of rows of one account loads it once a second. */
async function loadAccount(chatwoot: ChatwootModuleService, accountId: string) {
  const now = Date.now()
  const hit = accountCache.get(accountId)
  if (hit && now - hit.at < ACCOUNT_CACHE_MS) return hit.account
  const account = fetchAccount(chatwoot, accountId)
  accountCache.set(accountId, { at: now, account })
  account.catch(() => accountCache.delete(accountId))
  if (accountCache.size > 1000) accountCache.delete(accountCache.keys().next().value as string)
  return account
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
  const payload = (row.payload ?? {}) as { sales_channel_id?: string; interest?: unknown }
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
      await contacts.delete(contactId).catch((error) => {
        if (!isNotFound(error)) throw error
      })
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

/**
 * Guests whose contacts a registered customer's contact absorbs, found at any
 * sync of the customer (so also when an existing customer logs in and their
 * guest cart is transferred, or their identity is first asked for): contacts
 * in this account of guest customers (no login) with the customer's e-mail.
 */
async function guestContactsToAbsorb(
  container: MedusaContainer,
  chatwoot: ChatwootModuleService,
  row: SyncJobRow
): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "email", "has_account"], filters: { id: row.subject } })
  const customer = data[0] as { email?: string | null; has_account?: boolean } | undefined
  if (!customer?.has_account || !customer.email) return []
  const sameEmail = await chatwoot.listChatwootContacts(
    { account_id: row.account_id, email: customer.email.trim().toLowerCase() },
    { select: ["customer_id"] }
  )
  const others = sameEmail.map((c) => c.customer_id).filter((id): id is string => !!id && id !== row.subject)
  if (!others.length) return []
  const { data: guests } = await query.graph({
    entity: "customer",
    fields: ["id"],
    filters: { id: others, has_account: false },
  })
  return (guests as { id: string }[]).map((g) => g.id)
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
  const queued = ((row.payload ?? {}) as { guest_customer_ids?: string[] }).guest_customer_ids ?? []
  const guestIds = queued.length ? queued : await guestContactsToAbsorb(container, chatwoot, row)
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
export const contactErase: SyncHandler = async (container, row) => {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const payload = (row.payload ?? {}) as {
    erasure_id?: string
    customer_ids?: string[]
    emails?: string[]
    chatwoot_contact_ids?: number[]
  }
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
      try {
        await contacts.delete(id)
      } catch (error) {
        if (!isNotFound(error)) throw error
      }
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

type NoteOrder = {
  id: string
  display_id?: number | null
  currency_code: string
  total?: unknown
  items?: { title?: string | null; quantity?: unknown }[] | null
}

function formatAmount(amount: unknown, currency: string): string {
  const value = Number(
    typeof amount === "object" && amount !== null && "numeric" in amount ? (amount as { numeric: unknown }).numeric : amount
  )
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(value)
  } catch {
    return `${value.toFixed(2)} ${currency.toUpperCase()}`
  }
}

/** The private note's text: display id, total, items with quantities, admin link. */
export function orderNoteContent(order: NoteOrder, publicUrl: string | null | undefined): string {
  const items = (order.items ?? []).map((i) => `- ${Number(i.quantity ?? 0)} × ${i.title ?? "item"}`)
  const lines = [
    `Order #${order.display_id ?? order.id} placed — total ${formatAmount(order.total ?? 0, order.currency_code)}`,
    ...items,
  ]
  if (publicUrl) lines.push(medusaAdminUrl(publicUrl, `orders/${order.id}`))
  return lines.join("\n")
}

/** Chatwoot `source_id` of an order's private note: how a re-send is detected. */
export const orderNoteSourceId = (orderId: string) => `medusa-order-${orderId}`

const NOTE_SENT = "note in conversation"

/** Attempts a note waits for its contact to be created before it is dropped. */
const NOTE_CONTACT_ATTEMPTS = 4

/**
 * private_note (a placed order): posts the order summary as a private note in
 * the contact's open conversation in this account (the latest active one),
 * once per order: skipped when another row of the same order was sent, or the
 * conversation already holds a message with the order's source_id. No open
 * conversation, no note.
 */
export const privateNote: SyncHandler = async (container, row) => {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const orderId = ((row.payload ?? {}) as { order_id?: string }).order_id
  if (!orderId) return { note: "skipped: no order" }
  const account = await loadAccount(chatwoot, row.account_id)
  if (!account) return { note: "skipped: account deleted" }
  if (account.status === "suspended") return { note: "skipped: account suspended" }
  if (account.status !== "active") throw new SyncNotReadyError(`account ${account.id} is ${account.status}`)

  const sent = await chatwoot.listChatwootSyncJobs(
    { coalesce_key: row.coalesce_key, status: "done" },
    { select: ["id", "last_error"] }
  )
  // a done row of this order that posted (its note says where); skipped rows do not count
  if (sent.some((r) => r.id !== row.id && r.last_error?.startsWith(NOTE_SENT))) {
    return { note: "skipped: note already sent" }
  }

  const api = chatwoot.accountApi(account)
  const [known] = await chatwoot.listChatwootContacts({ account_id: account.id, customer_id: row.subject })
  const contactId = known?.chatwoot_contact_id ?? (await api.contacts.findByIdentifier(row.subject))?.id
  if (!contactId) {
    // the contact's upsert is queued with the note: wait for it a few times
    if (row.attempts < NOTE_CONTACT_ATTEMPTS) throw new SyncNotReadyError(`no contact yet for ${row.subject}`)
    return { note: "skipped: no contact" }
  }
  const open = (await api.contacts.conversations(contactId))
    .filter((c) => c.status === "open")
    .sort((a, b) => (b.last_activity_at ?? 0) - (a.last_activity_at ?? 0) || b.id - a.id)
  const conversation = open[0]
  if (!conversation) return { note: "skipped: no open conversation" }

  const sourceId = orderNoteSourceId(orderId)
  const { payload: messages } = await api.messages.list(conversation.id)
  if (messages.some((m) => m.source_id === sourceId)) return { note: "skipped: note already in conversation" }

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "currency_code", "total", "items.title", "items.quantity"],
    filters: { id: orderId },
  })
  const order = data[0] as NoteOrder | undefined
  if (!order) return { note: "skipped: order not found" }
  const { public_url } = chatwoot.getPublicOptions()
  await api.messages.create(conversation.id, {
    content: orderNoteContent(order, public_url),
    private: true,
    message_type: "outgoing",
    source_id: sourceId,
  })
  return { note: `${NOTE_SENT} ${conversation.id}` }
}

/** An upsert row may carry guests to merge (a merge folded into it), so both kinds run contactMerge. */
export const SYNC_HANDLERS: Partial<Record<SyncJobRow["kind"], SyncHandler>> = {
  contact_upsert: contactMerge,
  contact_merge: contactMerge,
  contact_erase: contactErase,
  contact_message: contactMessageHandler,
  // a note with a `change` (shipped, canceled, refunded) is an order change; without one, a placed order
  private_note: (container, row) => ((row.payload as { change?: string } | null)?.change ? orderChangeNote(container, row) : privateNote(container, row)),
}
