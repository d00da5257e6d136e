/** A person's display name from Medusa's first and last name; "" when neither is set. */
export function fullName(person: { first_name?: string | null; last_name?: string | null } | null | undefined): string {
  if (!person) return ""
  return [person.first_name, person.last_name].filter(Boolean).join(" ").trim()
}

/** The name a customer's Chatwoot contact gets: the full name, else the e-mail, else the customer id. */
export function contactName(customer: { id: string; email?: string | null; first_name?: string | null; last_name?: string | null }): string {
  return fullName(customer) || customer.email || customer.id
}
