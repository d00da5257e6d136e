/** Client-side checks mirroring the server's zod schemas, for inline hints. */

export function isHexColor(value: string): boolean {
  return /^#[0-9a-fA-F]{6}$/.test(value)
}

/** Chatwoot locale like en, de or pt_BR. */
export function isChatwootLocale(value: string): boolean {
  return /^[a-z]{2}(_[A-Z]{2})?$/.test(value)
}

export function isTimeZone(value: string): boolean {
  if (!value) {
    return false
  }
  try {
    new Intl.DateTimeFormat("en", { timeZone: value })
    return true
  } catch {
    return false
  }
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === "http:" || url.protocol === "https:"
  } catch {
    return false
  }
}

export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
}

/** IANA time zones the browser knows (empty on very old browsers). */
export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] }
  try {
    return intl.supportedValuesOf?.("timeZone") ?? []
  } catch {
    return []
  }
}
