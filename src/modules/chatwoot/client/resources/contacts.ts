import { ChatwootApiError } from "../errors"
import type {
  Contact,
  ContactCreateInput,
  ContactCreateResult,
  ContactFields,
  ContactPage,
  ContactSort,
  ContactUpdateInput,
  ContactUpsertInput,
  ContactUpsertResult,
  Conversation,
  FilterCondition,
} from "../types"
import { ACCOUNT_PATH, accountRequest, unwrapPayload, type AccountScope } from "./shared"

const CONTACTS = `${ACCOUNT_PATH}/contacts`
const CONTACT = `${CONTACTS}/{id}`

type PageQuery = { page?: number; sort?: ContactSort }

/** Unique per account besides `identifier`: a conflict on these is dropped, not fatal. */
const DROPPABLE_UNIQUE_FIELDS = ["email", "phone_number"] as const
type DroppableField = (typeof DROPPABLE_UNIQUE_FIELDS)[number]

export class ContactsApi {
  constructor(private readonly scope: AccountScope) {}

  /**
   * Creates a contact in an inbox. Retried after an ambiguous failure only
   * when a unique field (identifier, e-mail, phone) makes a second contact
   * impossible; the retry then answers 422 "has already been taken".
   */
  async create(input: ContactCreateInput): Promise<ContactCreateResult> {
    const body = await accountRequest(this.scope, {
      method: "POST",
      path: CONTACTS,
      body: input,
      idempotent: Boolean(input.identifier || input.email || input.phone_number),
    })
    const payload = unwrapPayload<ContactCreateResult | Contact>(body)
    return "contact" in payload ? payload : { contact: payload }
  }

  async get(contactId: number): Promise<Contact> {
    return unwrapPayload<Contact>(
      await accountRequest(this.scope, { method: "GET", path: CONTACT, params: { id: contactId } })
    )
  }

  /** Updates a contact; custom_attributes and additional_attributes are merged. */
  async update(contactId: number, input: ContactUpdateInput): Promise<Contact> {
    const body = await accountRequest(this.scope, {
      method: "PUT",
      path: CONTACT,
      params: { id: contactId },
      body: input,
    })
    const contact = unwrapPayload<Contact | undefined>(body)
    // the spec documents a 204; Chatwoot answers 200 with the contact
    return contact && typeof contact === "object" ? contact : this.get(contactId)
  }

  async delete(contactId: number): Promise<void> {
    await accountRequest(this.scope, { method: "DELETE", path: CONTACT, params: { id: contactId } })
  }

  /** One page (15) of identified contacts. */
  async list(query: PageQuery = {}): Promise<ContactPage> {
    return toPage(await accountRequest(this.scope, { method: "GET", path: CONTACTS, query }))
  }

  /** Substring search over name, e-mail, phone and identifier. */
  async search(q: string, query: PageQuery = {}): Promise<ContactPage> {
    return toPage(
      await accountRequest(this.scope, { method: "GET", path: `${CONTACTS}/search`, query: { q, ...query } })
    )
  }

  /** Contacts matching every condition (exact lookups). */
  async filter(conditions: FilterCondition[], query: { page?: number } = {}): Promise<ContactPage> {
    return toPage(
      await accountRequest(this.scope, {
        method: "POST",
        path: `${CONTACTS}/filter`,
        query,
        body: { payload: conditions },
        idempotent: true,
      })
    )
  }

  /** The contact with exactly this identifier (the Medusa customer id), if any. */
  async findByIdentifier(identifier: string): Promise<Contact | null> {
    const page = await this.filter([equalTo("identifier", identifier)])
    return page.payload.find((c) => c.identifier === identifier) ?? null
  }

  /** The contact with this e-mail (case-insensitive), if any. */
  async findByEmail(email: string): Promise<Contact | null> {
    const wanted = email.trim().toLowerCase()
    const page = await this.filter([equalTo("email", wanted)])
    return page.payload.find((c) => c.email?.toLowerCase() === wanted) ?? null
  }

  /** Merges `mergeeId` into `baseId` (base wins; the mergee is deleted). Returns the base. */
  async merge(baseId: number, mergeeId: number): Promise<Contact> {
    const body = await accountRequest(this.scope, {
      method: "POST",
      path: `${ACCOUNT_PATH}/actions/contact_merge`,
      body: { base_contact_id: baseId, mergee_contact_id: mergeeId },
      idempotent: false,
    })
    return unwrapPayload<Contact>(body)
  }

  /** The contact's latest 20 conversations. */
  async conversations(contactId: number): Promise<Conversation[]> {
    const body = await accountRequest(this.scope, {
      method: "GET",
      path: `${CONTACT}/conversations`,
      params: { id: contactId },
    })
    return unwrapPayload<Conversation[]>(body) ?? []
  }

  /**
   * Creates or updates the contact of a customer:
   * find by identifier (else by e-mail when there is no identifier) → update;
   * otherwise create. A create answering 422 "has already been taken" means
   * the contact exists: find it by identifier, then by e-mail, and update it.
   * An e-mail or phone number held by a contact of another identifier is
   * never taken over: that field is left out instead. With `createFirst`
   * (only when an identifier is given) the create comes first and the
   * lookup only after a conflict.
   */
  async upsert(input: ContactUpsertInput, opts: { createFirst?: boolean } = {}): Promise<ContactUpsertResult> {
    const { inbox_id, ...fields } = input
    // createFirst: the caller expects no contact yet (e.g. a backfill), so try
    // the create and look up only when it answers "already taken" — one call
    // instead of two for a new contact
    const existing =
      opts.createFirst && input.identifier
        ? null
        : input.identifier
          ? await this.findByIdentifier(input.identifier)
          : input.email
            ? await this.findByEmail(input.email)
            : null
    if (existing) {
      return { contact: await this.updateDroppingConflicts(existing.id, fields), action: "updated" }
    }
    try {
      const created = await this.create({ ...fields, inbox_id })
      return { contact: created.contact, action: "created" }
    } catch (error) {
      if (!ChatwootApiError.is(error) || !error.isDuplicate) {
        throw error
      }
      const found =
        (input.identifier ? await this.findByIdentifier(input.identifier) : null) ??
        (input.email ? await this.findByEmail(input.email) : null)
      if (found && !(found.identifier && input.identifier && found.identifier !== input.identifier)) {
        return { contact: await this.updateDroppingConflicts(found.id, fields), action: "updated" }
      }
      // the conflicting value belongs to someone else's contact
      const conflicts = conflictingFields(error)
      if (!input.identifier || !conflicts.some((f) => fields[f] !== undefined)) {
        throw error
      }
      const created = await this.create({ ...withoutFields(fields, conflicts), inbox_id })
      return { contact: created.contact, action: "created" }
    }
  }

  private async updateDroppingConflicts(contactId: number, fields: ContactFields): Promise<Contact> {
    try {
      return await this.update(contactId, fields)
    } catch (error) {
      if (!ChatwootApiError.is(error) || !error.isDuplicate) {
        throw error
      }
      const conflicts = conflictingFields(error)
      if (!conflicts.some((f) => fields[f] !== undefined)) {
        throw error
      }
      return this.update(contactId, withoutFields(fields, conflicts))
    }
  }
}

function equalTo(attribute: string, value: string): FilterCondition {
  return { attribute_key: attribute, filter_operator: "equal_to", values: [value] }
}

function toPage(body: unknown): ContactPage {
  const page = (body ?? {}) as Partial<ContactPage>
  return { meta: page.meta ?? {}, payload: Array.isArray(page.payload) ? page.payload : [] }
}

/** The e-mail / phone fields a duplicate error is about. */
function conflictingFields(error: ChatwootApiError): DroppableField[] {
  const named = (error.chatwootAttributes ?? []).filter((a): a is DroppableField =>
    (DROPPABLE_UNIQUE_FIELDS as readonly string[]).includes(a)
  )
  if (named.length) {
    return named
  }
  const message = error.chatwootMessage ?? ""
  const fromMessage: DroppableField[] = []
  if (/e-?mail/i.test(message)) {
    fromMessage.push("email")
  }
  if (/phone/i.test(message)) {
    fromMessage.push("phone_number")
  }
  return fromMessage
}

function withoutFields(fields: ContactFields, drop: DroppableField[]): ContactFields {
  const copy: ContactFields = { ...fields }
  for (const field of drop) {
    delete copy[field]
  }
  return copy
}
