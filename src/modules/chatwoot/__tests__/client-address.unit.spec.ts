import { clientAddress, clientKey, compileTrustedProxies, normalizeAddress, trustedProxyProblem } from "../client-address"

const req = (remoteAddress: string | undefined, xff?: string | string[]) => ({
  socket: { remoteAddress },
  headers: xff === undefined ? {} : { "x-forwarded-for": xff },
})

describe("clientAddress", () => {
  it("without trusted proxies is the socket peer, whatever X-Forwarded-For says", () => {
    const none = compileTrustedProxies([])
    expect(clientAddress(req("::ffff:127.0.0.1", "198.51.100.1"), none)).toBe("127.0.0.1")
    expect(clientAddress(req("203.0.113.9", "198.51.100.1, 10.0.0.1"), none)).toBe("203.0.113.9")
    expect(clientAddress(req(undefined, "198.51.100.1"), none)).toBe("unknown")
  })

  it("behind a trusted proxy is the address it reports, skipping trusted hops from the right", () => {
    const trusted = compileTrustedProxies(["10.0.0.0/8", "loopback"])
    expect(clientAddress(req("10.1.2.3", "198.51.100.7"), trusted)).toBe("198.51.100.7")
    // the client wrote "1.1.1.1" itself; the proxy appended the real peer
    expect(clientAddress(req("10.1.2.3", "1.1.1.1, 198.51.100.7"), trusted)).toBe("198.51.100.7")
    // two trusted hops, then the client
    expect(clientAddress(req("::1", ["198.51.100.7, 10.0.0.5", "10.0.0.6"]), trusted)).toBe("198.51.100.7")
    // every hop trusted: the leftmost
    expect(clientAddress(req("10.1.2.3", "10.9.9.9, 10.0.0.5"), trusted)).toBe("10.9.9.9")
    // no header, or garbage the proxy passed on: the last address known to be real
    expect(clientAddress(req("10.1.2.3"), trusted)).toBe("10.1.2.3")
    expect(clientAddress(req("10.1.2.3", "not-an-ip"), trusted)).toBe("10.1.2.3")
    expect(clientAddress(req("10.1.2.3", "evil, 10.0.0.5"), trusted)).toBe("10.0.0.5")
  })

  it("does not believe X-Forwarded-For from a peer that is not a trusted proxy", () => {
    const trusted = compileTrustedProxies(["10.0.0.0/8"])
    expect(clientAddress(req("203.0.113.9", "10.0.0.1"), trusted)).toBe("203.0.113.9")
  })

  it("looks at a bounded number of hops of a huge header, quickly", () => {
    const trusted = compileTrustedProxies(["loopback"])
    const header = Array.from({ length: 5_000 }, () => "127.0.0.1").join(",")
    const started = Date.now()
    expect(clientAddress(req("127.0.0.1", header), trusted)).toBe("127.0.0.1")
    expect(Date.now() - started).toBeLessThan(50)
  })
})

describe("clientKey / normalizeAddress", () => {
  it("keys IPv6 clients by their /64 and IPv4 ones by the address", () => {
    expect(clientKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64")
    expect(clientKey("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64")
    expect(clientKey("::1")).toBe("0:0:0:0::/64")
    expect(clientKey("198.51.100.7")).toBe("198.51.100.7")
  })

  it("reads mapped, bracketed and ported addresses; refuses anything else", () => {
    expect(normalizeAddress("::FFFF:198.51.100.7")).toBe("198.51.100.7")
    expect(normalizeAddress("[2001:db8::1]:443")).toBe("2001:db8::1")
    expect(normalizeAddress("198.51.100.7:8080")).toBe("198.51.100.7")
    for (const bad of ["", "localhost", "1.2.3", "__proto__", "1.2.3.4.5", "٣.٣.٣.٣"]) expect(normalizeAddress(bad)).toBeNull()
  })
})

describe("trustedProxyProblem", () => {
  it("accepts addresses, ranges and presets and explains the rest", () => {
    for (const ok of ["10.0.0.1", "10.0.0.0/8", "::1", "fc00::/7", "loopback", "uniquelocal"]) expect(trustedProxyProblem(ok)).toBeNull()
    expect(trustedProxyProblem("proxy.internal")).toMatch(/must be an IP address, a CIDR range/)
    expect(trustedProxyProblem("10.0.0.0/40")).toMatch(/between 0 and 32/)
    expect(trustedProxyProblem("::/129")).toMatch(/between 0 and 128/)
    expect(trustedProxyProblem("10.0.0.0/8/1")).toMatch(/must be an IP address/)
  })
})
