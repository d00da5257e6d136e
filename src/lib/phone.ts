const E164 = /^\+[1-9]\d{1,14}$/

/** A phone number in E.164 (`+4915112345678`) or undefined when it cannot be one. */
export function toE164(phone: string | null | undefined): string | undefined {
  if (!phone) return undefined
  let p = phone.trim().replace(/[\s().\-/]/g, "")
  if (p.startsWith("00")) p = `+${p.slice(2)}`
  return E164.test(p) ? p : undefined
}
