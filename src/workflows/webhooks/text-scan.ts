/**
 * Linear-time helpers for text that customers and agents write (chat
 * messages, contact-form text, names). No regular expression with nested or
 * adjacent quantifiers runs over such text: each helper is one forward scan,
 * and text is capped before it is scanned at all.
 */

/** How much of a message is ever scanned (order numbers, previews). */
export const SCAN_CAP = 4096

const isWordChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95
const isDigit = (c: number) => c >= 48 && c <= 57

/** JavaScript's `\s` (ECMAScript WhiteSpace + LineTerminator). */
export function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  )
}

/**
 * The first `max` characters of `text`, without a word cut in half at the
 * end (so "order 12345" capped inside the number never reads as "order 12").
 */
export function capText(text: string, max: number = SCAN_CAP): string {
  if (text.length <= max) return text
  let end = max
  while (end > 0 && isWordChar(text.charCodeAt(end)) && isWordChar(text.charCodeAt(end - 1))) end--
  return text.slice(0, end)
}

/**
 * Collapses every whitespace run to one space and trims, like
 * `s.replace(/\s+/g, " ").trim().slice(0, maxLength)`, in one pass that stops
 * as soon as `maxLength` characters are written.
 */
export function collapseWhitespace(text: string, maxLength = Infinity): string {
  let out = ""
  let pendingSpace = false
  for (let i = 0; i < text.length && out.length < maxLength; i++) {
    const c = text.charCodeAt(i)
    if (isSpace(c)) {
      pendingSpace = out.length > 0
      continue
    }
    if (pendingSpace) out += " "
    pendingSpace = false
    out += text[i]
  }
  return out.length > maxLength ? out.slice(0, maxLength).trimEnd() : out
}

const KEYWORDS = ["bestellnummer", "bestellung", "bestelling", "commande", "pedido", "ordine", "order"]
/** "no", "no.", "nr", "nr.", "number", "nummer", "n°", "nº", "#" after the keyword, longest first. */
const MARKERS = ["number", "nummer", "no.", "nr.", "no", "nr", "n°", "nº", "#"]

/** Whether `text` has `word` (lower-case ASCII) at `at`, ignoring ASCII case. */
function hasWordAt(text: string, at: number, word: string): boolean {
  if (at + word.length > text.length) return false
  for (let k = 0; k < word.length; k++) {
    let c = text.charCodeAt(at + k)
    if (c >= 65 && c <= 90) c += 32
    if (c !== word.charCodeAt(k)) return false
  }
  return true
}

function skipSpaces(text: string, at: number): number {
  while (at < text.length && isSpace(text.charCodeAt(at))) at++
  return at
}

/** A run of 1–9 digits at `at` that ends at a word boundary: [value, end], or null. */
function numberAt(text: string, at: number): [number, number] | null {
  let end = at
  while (end < text.length && isDigit(text.charCodeAt(end))) end++
  const len = end - at
  if (len < 1 || len > 9) return null
  if (end < text.length && isWordChar(text.charCodeAt(end))) return null
  return [Number(text.slice(at, end)), end]
}

/**
 * The order number mentioned at `i` ("#1042", "order no. 1042", "Bestellung
 * Nr. 555", …), as the pattern
 * `#\s?(\d{1,9})\b | \b(order|…)\s*(no\.?|nr\.?|number|nummer|n[°º]|#)?\s*:?\s*#?(\d{1,9})\b`
 * would read it — but deterministically: every optional part is taken when
 * present, which accepts exactly the same texts.
 */
function mentionAt(text: string, i: number): [number, number] | null {
  const c = text.charCodeAt(i)
  if (c === 35 /* # */) {
    const direct = numberAt(text, i + 1)
    if (direct) return direct
    return i + 1 < text.length && isSpace(text.charCodeAt(i + 1)) ? numberAt(text, i + 2) : null
  }
  if (i > 0 && isWordChar(text.charCodeAt(i - 1))) return null
  const keyword = KEYWORDS.find((k) => hasWordAt(text, i, k))
  if (!keyword) return null
  let at = skipSpaces(text, i + keyword.length)
  const marker = MARKERS.find((m) => hasWordAt(text, at, m))
  if (marker) at = skipSpaces(text, at + marker.length)
  if (text.charCodeAt(at) === 58 /* : */) at = skipSpaces(text, at + 1)
  if (text.charCodeAt(at) === 35 /* # */) at++
  return numberAt(text, at)
}

/**
 * Order numbers a customer mentions, at most `limit`, in order, each once.
 * One pass over the first {@link SCAN_CAP} characters.
 */
export function scanOrderNumbers(content: string, limit = 5): number[] {
  const text = capText(content)
  const found: number[] = []
  let i = 0
  while (i < text.length && found.length < limit) {
    const hit = mentionAt(text, i)
    if (!hit) {
      i++
      continue
    }
    const [n, end] = hit
    if (n > 0 && !found.includes(n)) found.push(n)
    i = end
  }
  return found
}
