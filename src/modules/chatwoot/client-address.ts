import { BlockList, isIP } from "node:net"

/**
 * Which peer addresses may tell the plugin who the client is (the
 * `trusted_proxies` plugin option), and the client address of a request.
 *
 * With no trusted proxy the client is the TCP peer (`req.socket.remoteAddress`):
 * `X-Forwarded-For` is written by whoever sends the request, so reading it
 * would let anyone pick their own rate-limit bucket (Medusa sets Express's
 * `trust proxy`, so `req.ip` follows that header). With trusted proxies, the
 * header is read from the right: every hop appended by a trusted proxy is
 * skipped, and the first address a trusted proxy reported but did not itself
 * come from is the client (Express's and nginx's `real_ip_recursive` rule).
 */

/** Named ranges, as Express's `trust proxy` spells them. */
export const TRUSTED_PROXY_PRESETS: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
  uniquelocal: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
}

/** At most this many X-Forwarded-For hops are looked at (a hostile header can list thousands). */
const MAX_HOPS = 32

/** Why an entry of `trusted_proxies` is not usable, or null when it is. */
export function trustedProxyProblem(entry: string): string | null {
  const value = entry.trim()
  if (TRUSTED_PROXY_PRESETS[value]) return null
  const [address, prefix, ...rest] = value.split("/")
  const family = isIP(address)
  if (!family || rest.length) {
    return `must be an IP address, a CIDR range (e.g. 10.0.0.0/8) or one of ${Object.keys(TRUSTED_PROXY_PRESETS).join(", ")}`
  }
  if (prefix !== undefined) {
    const bits = Number(prefix)
    const max = family === 4 ? 32 : 128
    if (!/^\d{1,3}$/.test(prefix) || bits > max) return `has a CIDR prefix that is not between 0 and ${max}`
  }
  return null
}

export type TrustedProxies = { check(address: string): boolean; none: boolean }

const compiled = new WeakMap<readonly string[], TrustedProxies>()

/** The option's entries as one matcher (compiled once per list). Assumes validated entries. */
export function compileTrustedProxies(entries: readonly string[] = []): TrustedProxies {
  const cached = compiled.get(entries)
  if (cached) return cached
  const list = new BlockList()
  for (const entry of entries.flatMap((e) => TRUSTED_PROXY_PRESETS[e.trim()] ?? [e.trim()])) {
    const [address, prefix] = entry.split("/")
    const type = isIP(address) === 6 ? "ipv6" : "ipv4"
    if (prefix === undefined) list.addAddress(address, type)
    else list.addSubnet(address, Number(prefix), type)
  }
  const matcher: TrustedProxies = {
    none: entries.length === 0,
    check: (address) => {
      const type = isIP(address)
      return type !== 0 && list.check(address, type === 6 ? "ipv6" : "ipv4")
    },
  }
  compiled.set(entries, matcher)
  return matcher
}

/** `::ffff:1.2.3.4` as `1.2.3.4`; anything that is not an IP address as null. */
export function normalizeAddress(raw: string | undefined | null): string | null {
  if (!raw) return null
  let value = raw.trim()
  // "[::1]:port" or "1.2.3.4:port" as some proxies write them
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value)
  if (bracketed) value = bracketed[1]
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"))
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(value)
  if (mapped) value = mapped[1]
  return isIP(value) ? value.toLowerCase() : null
}

/** The 16-bit groups of an IPv6 address (assumes a valid one). */
function ipv6Groups(address: string): number[] {
  let text = address.split("%")[0]
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text)
  if (v4) {
    const [a, b, c, d] = v4[1].split(".").map(Number)
    text = `${text.slice(0, -v4[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = text.split("::")
  const left = head ? head.split(":") : []
  const right = tail !== undefined && tail ? tail.split(":") : []
  const fill = tail !== undefined ? new Array(8 - left.length - right.length).fill("0") : []
  return [...left, ...fill, ...right].map((g) => parseInt(g, 16) || 0)
}

/**
 * The rate-limit key of a client address: an IPv4 address as it is, an IPv6
 * address by its /64 (one subscriber's network: a host picks any address in it).
 */
export function clientKey(address: string): string {
  if (isIP(address) !== 6) return address
  return `${ipv6Groups(address)
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`
}

export type AddressSource = {
  socket?: { remoteAddress?: string | null } | null
  headers?: Record<string, string | string[] | undefined>
}

/** The client address of a request, as trusted as the option allows; "unknown" without a socket address. */
export function clientAddress(req: AddressSource, trusted: TrustedProxies): string {
  const peer = normalizeAddress(req.socket?.remoteAddress)
  if (!peer) return "unknown"
  if (trusted.none || !trusted.check(peer)) return peer
  const header = req.headers?.["x-forwarded-for"]
  const raw = Array.isArray(header) ? header.join(",") : header ?? ""
  const hops = raw.split(",").slice(-MAX_HOPS)
  let client = peer
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i])
    // a trusted proxy reported something that is not an address: the proxy is the best we know
    if (!hop) break
    client = hop
    if (!trusted.check(hop)) break
  }
  return client
}
