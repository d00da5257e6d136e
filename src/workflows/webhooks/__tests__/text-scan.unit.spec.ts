import fc from "fast-check"
import { messageFacts, orderNumbersIn } from "../mirror-data"
import { capText, collapseWhitespace } from "../text-scan"
import { toLabel } from "../../../modules/chatwoot/routing-rules"
import { syncErrorText } from "../../../modules/chatwoot/sync-queue"

/** The pattern orderNumbersIn used to run (catastrophic backtracking), kept as the reference for short texts. */
const REFERENCE = /(?:#\s?|\b(?:order|bestellung|bestellnummer|pedido|commande|ordine|bestelling)\s*(?:no\.?|nr\.?|number|nummer|n[°º]|#)?\s*:?\s*#?)(\d{1,9})\b/gi
function referenceOrderNumbers(content: string): number[] {
  const found: number[] = []
  for (const match of content.matchAll(REFERENCE)) {
    const n = Number(match[1])
    if (n > 0 && !found.includes(n)) found.push(n)
    if (found.length >= 5) break
  }
  return found
}

const timed = <T>(fn: () => T): [T, number] => {
  const t0 = process.hrtime.bigint()
  const out = fn()
  return [out, Number(process.hrtime.bigint() - t0) / 1e6]
}

const LONG_WHITESPACE = "order" + " ".repeat(4900) + "x"
const LARGE = ("Hello, where is my order? " + "\t \n ".repeat(40) + "order  no.  ").repeat(1200).slice(0, 150 * 1024) + " #1042"

describe("linear-time text handling", () => {
  it("a 5,000-character whitespace run after a keyword is scanned in under 50 ms", () => {
    const [numbers, ms] = timed(() => orderNumbersIn(LONG_WHITESPACE))
    expect(numbers).toEqual([])
    expect(ms).toBeLessThan(50)
    const [facts, factsMs] = timed(() => messageFacts({ message_type: "incoming", content: LONG_WHITESPACE, created_at: 1 }))
    // capped at 4 KB before anything is read
    expect(facts.preview).toBe("order")
    expect(factsMs).toBeLessThan(50)
  })

  it("a 150 KB message is read (facts, preview, order numbers) in under 50 ms", () => {
    expect(LARGE.length).toBeGreaterThan(150_000)
    const [result, ms] = timed(() => {
      const facts = messageFacts({ message_type: "incoming", content: LARGE, created_at: 1 })
      return { facts, numbers: orderNumbersIn(LARGE) }
    })
    expect(ms).toBeLessThan(50)
    expect(result.facts.preview?.startsWith("Hello, where is my order? order no.")).toBe(true)
    expect(result.facts.preview!.length).toBeLessThanOrEqual(280)
    // only the first 4 KB are scanned: the number at the very end is not read
    expect(result.numbers).toEqual([])
    expect(result.facts.content!.length).toBeLessThanOrEqual(4096)
  })

  it("other patterns over customer or agent text stay fast on hostile input", () => {
    const hyphens = "a" + "-".repeat(100_000) + "a"
    const [label, labelMs] = timed(() => toLabel(hyphens))
    expect(label).toMatch(/^a-*$/)
    expect(toLabel("--Gold  Tier!--")).toBe("gold-tier")
    expect(labelMs).toBeLessThan(50)
    const [err, errMs] = timed(() => syncErrorText(new Error("token" + " ".repeat(150_000) + "\n")))
    expect(err).toBe("token")
    expect(errMs).toBeLessThan(50)
  })

  it("reads exactly what the old pattern read (property: random texts from the pattern's alphabet)", () => {
    const pieces = fc.constantFrom(
      "order", "ORDER", "Bestellung", "bestellnummer", "pedido", "commande", "ordine", "bestelling", "orders",
      " ", "  ", "\t", "\n", "\u00a0", "no", "no.", "Nr.", "nr", "number", "nummer", "n°", "nº", "#", ":", ".",
      "1042", "7", "0", "1234567890", "12a", "_", "x", "é", "3 ", "a#5"
    )
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 14 }), (parts) => {
        const text = parts.join("")
        expect(orderNumbersIn(text)).toEqual(referenceOrderNumbers(text))
      }),
      { numRuns: 3000 }
    )
  })

  it("caps without cutting a number in half; collapses whitespace like \\s+", () => {
    expect(capText("order 12345", 8)).toBe("order ")
    expect(capText("short", 8)).toBe("short")
    expect(orderNumbersIn(" ".repeat(4090) + "order 123456")).toEqual([])
    expect(collapseWhitespace("  a \t\n b\u00a0\u2003c  ")).toBe("a b c")
    expect(collapseWhitespace("a   b   c", 3)).toBe("a b")
  })
})
