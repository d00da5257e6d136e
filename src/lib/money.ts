/** A number from Medusa's BigNumber-ish values (number, numeric string, `{ numeric }`, `{ value }`). */
export function amount(value: unknown): number {
  if (value === null || value === undefined) return 0
  if (typeof value === "number") return value
  if (typeof value === "string") return Number(value) || 0
  const v = value as { numeric?: number; value?: string; toJSON?: () => unknown }
  if (typeof v.numeric === "number") return v.numeric
  if (typeof v.toJSON === "function") return Number(v.toJSON()) || 0
  return Number(v.value) || 0
}

/** Rounded to cents. */
export const roundMoney = (n: number) => Math.round(n * 100) / 100

/** An amount in its currency for a note (`€7.50`); an unknown currency code as `7.50 XYZ`. */
export function formatMoney(value: unknown, currency: string): string {
  const n = amount(value)
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(n)
  } catch {
    return `${n.toFixed(2)} ${currency.toUpperCase()}`
  }
}
