import { MedusaError } from "@medusajs/framework/utils"
import { asValue, createContainer } from "@medusajs/framework/awilix"
import optionsLoader, { CHATWOOT_OPTIONS } from "../loaders/options"
import { DEFAULT_RATE_LIMIT_PER_MINUTE, DEFAULT_TIERS, validateOptions } from "../options"

const valid = {
  chatwoot_url: "https://chat.example.com/",
  public_url: "https://shop.example.com",
  encryption_key: "k".repeat(32),
}

function messageOf(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(MedusaError)
    expect((e as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
    return (e as Error).message
  }
  throw new Error("expected validateOptions to throw")
}

describe("validateOptions", () => {
  it("accepts the required options and fills in defaults", () => {
    const options = validateOptions(valid)
    expect(options).toEqual({
      chatwoot_url: "https://chat.example.com",
      public_url: "https://shop.example.com",
      encryption_key: "k".repeat(32),
      previous_encryption_keys: [],
      platform_token: undefined,
      auto_provision: false,
      tiers: DEFAULT_TIERS,
      rate_limit_per_minute: DEFAULT_RATE_LIMIT_PER_MINUTE,
      request_timeout_ms: 10_000,
      sync_settle_ms: 1_000,
      sync_settle_max_ms: 10_000,
      sync_concurrency: 8,
      rate_limit_store: "memory",
      trusted_proxies: [],
    })
  })

  it("takes trusted proxies as addresses, CIDR ranges and Express's named ranges", () => {
    expect(validateOptions({ ...valid, trusted_proxies: [" 10.0.0.0/8", "203.0.113.7", "2001:db8::/32", "loopback"] }).trusted_proxies).toEqual([
      "10.0.0.0/8",
      "203.0.113.7",
      "2001:db8::/32",
      "loopback",
    ])
  })

  it("turns auto_provision on by default when a platform token is given", () => {
    expect(validateOptions({ ...valid, platform_token: "pt" }).auto_provision).toBe(true)
    expect(
      validateOptions({ ...valid, platform_token: "pt", auto_provision: false }).auto_provision
    ).toBe(false)
  })

  it("sorts tiers by lifetime value", () => {
    const tiers = validateOptions({
      ...valid,
      tiers: [
        { name: "gold", min_lifetime_value: 1000 },
        { name: "basic", min_lifetime_value: 0 },
      ],
    }).tiers
    expect(tiers.map((t) => t.name)).toEqual(["basic", "gold"])
  })

  it.each([
    ["chatwoot_url", { ...valid, chatwoot_url: undefined }, /chatwoot_url is required/],
    ["chatwoot_url", { ...valid, chatwoot_url: "" }, /chatwoot_url is required/],
    ["chatwoot_url", { ...valid, chatwoot_url: "chat.example.com" }, /chatwoot_url must be an absolute http\(s\) URL/],
    ["chatwoot_url", { ...valid, chatwoot_url: "ftp://chat.example.com" }, /chatwoot_url must be an absolute http\(s\) URL/],
    ["public_url", { ...valid, public_url: undefined }, /public_url is required/],
    ["public_url", { ...valid, public_url: "not a url" }, /public_url must be an absolute http\(s\) URL/],
    ["encryption_key", { ...valid, encryption_key: undefined }, /encryption_key is required/],
    ["encryption_key", { ...valid, encryption_key: "short" }, /encryption_key must be at least 32 characters/],
    ["rate_limit_per_minute", { ...valid, rate_limit_per_minute: 0 }, /rate_limit_per_minute must be greater than 0/],
    ["rate_limit_per_minute", { ...valid, rate_limit_per_minute: "fast" }, /rate_limit_per_minute must be a number/],
    ["tiers", { ...valid, tiers: [] }, /tiers must contain at least one tier/],
    ["tiers", { ...valid, tiers: [{ name: "a", min_lifetime_value: -1 }] }, /tiers\.0\.min_lifetime_value must be 0 or more/],
    ["tiers", { ...valid, tiers: [{ name: "", min_lifetime_value: 1 }] }, /tiers\.0\.name must not be empty/],
    ["tiers", { ...valid, tiers: [{ name: "a", min_lifetime_value: 1 }, { name: "a", min_lifetime_value: 2 }] }, /tiers must have unique names/],
    ["previous_encryption_keys", { ...valid, previous_encryption_keys: ["short"] }, /previous_encryption_keys\.0 must be at least 32 characters/],
    ["auto_provision", { ...valid, auto_provision: "yes" }, /auto_provision must be true or false/],
    ["trusted_proxies", { ...valid, trusted_proxies: "10.0.0.1" }, /trusted_proxies must be a list of IP addresses or CIDR ranges/],
    ["trusted_proxies", { ...valid, trusted_proxies: ["10.0.0.1", "proxy.internal"] }, /trusted_proxies\.1 must be an IP address, a CIDR range/],
    ["trusted_proxies", { ...valid, trusted_proxies: ["10.0.0.0/33"] }, /trusted_proxies\.0 has a CIDR prefix that is not between 0 and 32/],
    ["trusted_proxies", { ...valid, trusted_proxies: [2] }, /trusted_proxies\.0 must be a string/],
  ])("rejects a bad %s with a message naming it", (_option, input, expected) => {
    expect(messageOf(() => validateOptions(input))).toMatch(expected)
  })

  it("names every bad option at once", () => {
    const message = messageOf(() => validateOptions({}))
    expect(message).toMatch(/chatwoot_url/)
    expect(message).toMatch(/public_url/)
    expect(message).toMatch(/encryption_key/)
  })

  it("never echoes a secret's value", () => {
    const secret = "top-secret-but-too-short"
    const message = messageOf(() =>
      validateOptions({ ...valid, encryption_key: secret, chatwoot_url: "nope" })
    )
    expect(message).not.toContain(secret)
  })
})

describe("optionsLoader", () => {
  it("registers validated options in the module container", async () => {
    const container = createContainer()
    await optionsLoader({ container, options: valid } as any)
    expect(container.resolve(CHATWOOT_OPTIONS).chatwoot_url).toBe("https://chat.example.com")
  })

  it("fails module boot on bad options", async () => {
    const container = createContainer()
    container.register("logger", asValue(console))
    await expect(
      optionsLoader({ container, options: { ...valid, public_url: "x" } } as any)
    ).rejects.toThrow(/public_url must be an absolute http\(s\) URL/)
  })
})
