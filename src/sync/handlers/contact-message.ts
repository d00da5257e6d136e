import { createHash } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { CHATWOOT_MODULE } from "../../modules/chatwoot"
import { ChatwootApiError, type PublicApi, type PublicConversation, type PublicMessage } from "../../modules/chatwoot/client"
import type ChatwootModuleService from "../../modules/chatwoot/service"
import { CONTACT_FORM_EMAIL_ATTRIBUTE } from "../../workflows/webhooks/mirror-data"
import { deleteContact, type SyncHandler } from "./shared"

/** A contact-form message (the payload of a `contact_message` sync row). */
export type ContactMessageInput = {
  email: string
  name?: string
  /** Plain text; sent as is (Chatwoot renders it as text, never as HTML). */
  message: string
  /** Only an order verified to belong to the sender in this storefront. */
  medusa_order_id?: string
  sales_channel_id?: string
  /** ISO time the form was submitted. */
  submitted_at: string
  /**
   * A logged-in sender (customer auth token): the customer and their account
   * e-mail from Medusa. Absent: an anonymous sender, whose typed e-mail is
   * never put on a Chatwoot contact (identity-trust.ts).
   */
  customer_id?: string
  customer_email?: string
}

/**
 * The contact_inbox source id of an e-mail in an API inbox: the same sender
 * always gets the same one, so a repeated or retried contact create finds the
 * existing contact_inbox instead of making another.
 */
export function contactFormSourceId(inboxIdentifier: string, email: string) {
  return `medusa-form-${createHash("sha256").update(`${inboxIdentifier}:${email.toLowerCase()}`).digest("hex").slice(0, 32)}`
}

/**
 * The Public API contact of a sender. Chatwoot reuses an existing contact
 * with the same e-mail (or phone) for a new contact inbox, so an anonymous
 * sender's typed e-mail goes on the conversation and in the message, never on
 * the contact: typing a customer's e-mail must not attach anyone to that
 * customer's contact. A logged-in sender is created with their own account
 * e-mail, so the conversation joins their contact.
 */
export function contactFormContact(inboxIdentifier: string, input: ContactMessageInput) {
  if (input.customer_id) {
    return {
      ...(input.customer_email ? { email: input.customer_email } : {}),
      ...(input.name ? { name: input.name } : {}),
      source_id: contactFormSourceId(inboxIdentifier, `customer:${input.customer_id}`),
    }
  }
  return {
    ...(input.name ? { name: input.name } : {}),
    source_id: contactFormSourceId(inboxIdentifier, `anonymous:${input.email}`),
  }
}

/** The message as posted: an anonymous sender's typed e-mail heads it, marked as not verified. */
export function contactFormContent(input: ContactMessageInput) {
  const typed = input.email.trim().toLowerCase()
  if (!input.customer_id) return `[Contact form, not verified] E-mail given: ${typed}\n\n${input.message}`
  if (input.customer_email && input.customer_email.trim().toLowerCase() !== typed) {
    return `[Contact form, logged-in customer] Reply-to e-mail given: ${typed}\n\n${input.message}`
  }
  return input.message
}

const isIncoming = (m: PublicMessage) => m.message_type === 0 || m.message_type === "incoming"
const createdAtSeconds = (m: PublicMessage) =>
  typeof m.created_at === "number" ? m.created_at : m.created_at ? Date.parse(m.created_at) / 1000 : 0

/**
 * Sends a contact-form message through the Public API of the storefront's API
 * inbox: contact (see contactFormContact), conversation (with
 * `medusa_order_id` when given, and an anonymous sender's typed e-mail as
 * `medusa_contact_email`), message (see contactFormContent). Chatwoot has no idempotency keys, so a `retry` first
 * looks at the contact's conversations: one already holding this message
 * (sent since the form was submitted) means it was delivered; a conversation
 * without any incoming message is one a failed attempt left and is reused.
 */
export async function deliverContactMessage(
  api: PublicApi,
  input: ContactMessageInput,
  opts: {
    retry: boolean
    /** Called with the conversation before the message is posted (records a logged-in sender's ownership). */
    onConversation?: (conversationId: number) => Promise<void>
  }
): Promise<{ conversation_id: number; already_sent: boolean }> {
  const contact = await api.contacts.create(contactFormContact(api.inboxIdentifier, input))
  const sourceId = contact.source_id
  const content = contactFormContent(input)
  let conversationId: number | null = null
  if (opts.retry) {
    const since = Date.parse(input.submitted_at) / 1000 - 60
    const conversations: PublicConversation[] = await api.conversations.list(sourceId)
    const delivered = conversations.find((c) =>
      (c.messages ?? []).some((m) => isIncoming(m) && m.content === content && createdAtSeconds(m) >= since)
    )
    if (delivered) {
      await opts.onConversation?.(delivered.id)
      return { conversation_id: delivered.id, already_sent: true }
    }
    const empty = conversations
      .filter((c) => !(c.messages ?? []).some(isIncoming))
      .sort((a, b) => b.id - a.id)[0]
    if (empty) conversationId = empty.id
  }
  if (conversationId === null) {
    const attributes = {
      ...(input.medusa_order_id ? { medusa_order_id: input.medusa_order_id } : {}),
      ...(input.customer_id ? {} : { [CONTACT_FORM_EMAIL_ATTRIBUTE]: input.email.trim().toLowerCase() }),
    }
    const conversation = await api.conversations.create(sourceId, Object.keys(attributes).length ? { custom_attributes: attributes } : {})
    conversationId = conversation.id
  }
  await opts.onConversation?.(conversationId)
  await api.messages.create(sourceId, conversationId, { content })
  return { conversation_id: conversationId, already_sent: false }
}

/** For a logged-in sender: records that the plugin created the conversation for that customer (identity-trust.ts). */
export function claimForSender(chatwoot: ChatwootModuleService, accountId: string, input: ContactMessageInput) {
  const customerId = input.customer_id
  if (!customerId) return undefined
  return (conversationId: number) =>
    chatwoot.claimContactFormConversation({
      account_id: accountId,
      sales_channel_id: input.sales_channel_id ?? null,
      chatwoot_conversation_id: conversationId,
      customer_id: customerId,
      email: input.customer_email?.toLowerCase() ?? null,
    })
}

/**
 * contact_message: delivers a contact-form message that arrived while
 * Chatwoot was unreachable, exactly once (see deliverContactMessage). The
 * finished row is anonymized (no message or e-mail kept).
 */
export const contactMessageHandler: SyncHandler<"contact_message"> = async (container, row) => {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const input = row.payload
  if (!input.email || !input.message) return { note: "skipped: empty message" }
  // the sender was erased after the message was queued: it is dropped, not delivered
  const erased = () =>
    chatwoot.isErased({ customer_id: row.subject, email: input.email, queued_at: new Date(row.created_at) })
  if (await erased()) return { note: "skipped: erased", anonymize: true }
  const [account] = await chatwoot.listChatwootAccounts({ id: row.account_id }, { relations: ["inboxes"] })
  if (!account) return { note: "skipped: account deleted" }
  const apiInbox = account.inboxes.find((i) => i.kind === "api" && i.inbox_identifier)
  if (account.status !== "active" || !apiInbox?.inbox_identifier) {
    throw new Error(`account ${account.id} cannot take messages yet (${account.status})`)
  }
  const result = await deliverContactMessage(chatwoot.getClient().public(apiInbox.inbox_identifier), input, {
    retry: true,
    onConversation: claimForSender(chatwoot, account.id, input),
  })
  // an erase that ran while it was being delivered wins: the contact it landed on goes (with the conversation)
  if (await erased()) {
    const api = chatwoot.accountApi(account)
    const contactId = (await api.conversations.get(result.conversation_id)).meta?.sender?.id
    if (contactId) await deleteContact(api.contacts, contactId)
    return { note: "skipped: erased", anonymize: true }
  }
  // delivered: the row keeps no copy of the message or the e-mail
  return {
    note: `${result.already_sent ? "already in" : "sent to"} conversation ${result.conversation_id}`,
    anonymize: true,
  }
}
