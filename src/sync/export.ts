import type { MedusaContainer } from "@medusajs/framework/types"
import { CHATWOOT_MODULE } from "../modules/chatwoot"
import { ChatwootApiError } from "../modules/chatwoot/client"
import type { Contact, Conversation, Message } from "../modules/chatwoot/client/types"
import type ChatwootModuleService from "../modules/chatwoot/service"

/** Pages of 20 messages read per conversation at most. */
const MAX_MESSAGE_PAGES = 50

/** Keys never exported, wherever they appear in Chatwoot's JSON. */
const SECRET_KEY = /token|secret|password|hmac|api_key/i

/** Deep copy without any key that names a credential. */
export function withoutSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => withoutSecrets(v)) as T
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {}
    for (const [key, v] of Object.entries(value)) {
      if (!SECRET_KEY.test(key)) out[key] = withoutSecrets(v)
    }
    return out as T
  }
  return value
}

export type ChatwootCustomerExport = {
  customer_id: string
  exported_at: string
  plugin: {
    contacts: Record<string, unknown>[]
    sync_jobs: Record<string, unknown>[]
    /** the mirror of the customer's conversations and changes agents made to their contact */
    conversations?: Record<string, unknown>[]
    contact_changes?: Record<string, unknown>[]
  }
  accounts: {
    account_id: string
    chatwoot_account_id: number
    name: string | null
    contact: Contact | null
    conversations: (Conversation & { messages: Message[] })[]
    error?: string
  }[]
}

const isNotFound = (error: unknown) => ChatwootApiError.is(error) && error.status === 404

/**
 * GDPR export: everything the plugin and Chatwoot hold about a
 * customer — the plugin's contact and queue rows, and per account the
 * Chatwoot contact (the recorded one, else the one carrying the customer's
 * identifier), its conversations and all their messages. No credential is
 * included; an account that cannot be read is reported with its error.
 */
export async function exportChatwootCustomer(container: MedusaContainer, customerId: string): Promise<ChatwootCustomerExport> {
  const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
  const contacts = await chatwoot.listChatwootContacts({ customer_id: customerId })
  const jobs = await chatwoot.listChatwootSyncJobs(
    { subject: customerId },
    {
      select: ["id", "account_id", "kind", "status", "attempts", "payload", "last_error", "coalesced_count", "created_at", "updated_at", "finished_at"],
      order: { created_at: "ASC" },
    }
  )
  const accounts = await chatwoot.listChatwootAccounts({})
  const out: ChatwootCustomerExport = {
    customer_id: customerId,
    exported_at: new Date().toISOString(),
    plugin: {
      contacts: contacts.map((c) => ({
        id: c.id,
        account_id: c.account_id,
        customer_id: c.customer_id,
        email: c.email,
        chatwoot_contact_id: c.chatwoot_contact_id,
        last_synced_at: c.last_synced_at,
        created_at: c.created_at,
        updated_at: c.updated_at,
      })),
      sync_jobs: jobs.map((j) => ({ ...j })),
      conversations: (await chatwoot.listChatwootConversations({ customer_id: customerId })).map((c) => ({ ...c })),
      contact_changes: (await chatwoot.listChatwootContactChanges({ customer_id: customerId })).map((c) => ({ ...c })),
    },
    accounts: [],
  }

  for (const account of accounts) {
    if (!account.chatwoot_account_id || !account.access_token_encrypted) continue
    const entry: ChatwootCustomerExport["accounts"][number] = {
      account_id: account.id,
      chatwoot_account_id: account.chatwoot_account_id,
      name: account.name ?? null,
      contact: null,
      conversations: [],
    }
    try {
      const api = chatwoot.accountApi(account)
      const recorded = contacts.find((c) => c.account_id === account.id)?.chatwoot_contact_id
      let contact: Contact | null = null
      if (recorded) {
        try {
          contact = await api.contacts.get(recorded)
        } catch (error) {
          if (!isNotFound(error)) throw error
        }
      }
      contact ??= await api.contacts.findByIdentifier(customerId)
      if (contact) {
        entry.contact = withoutSecrets(contact)
        for (const conversation of await api.contacts.conversations(contact.id)) {
          const messages: Message[] = []
          let before: number | undefined
          for (let page = 0; page < MAX_MESSAGE_PAGES; page++) {
            const { payload } = await api.messages.list(conversation.id, before ? { before } : {})
            const fresh = payload.filter((m) => !messages.some((seen) => seen.id === m.id))
            if (!fresh.length) break
            messages.unshift(...fresh)
            before = Math.min(...fresh.map((m) => m.id))
          }
          messages.sort((a, b) => a.id - b.id)
          entry.conversations.push(withoutSecrets({ ...conversation, messages }))
        }
      }
    } catch (error) {
      entry.error = ChatwootApiError.is(error) ? `Chatwoot answered ${error.status ?? "no response"}` : "could not read the account"
    }
    if (entry.contact || entry.error) out.accounts.push(entry)
  }
  return out
}
