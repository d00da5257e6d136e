import {
  CUSTOM_ATTRIBUTE_DEFINITIONS,
  accountName,
  pluginAdminIdentity,
  randomPassword,
  toChatwootLocale,
} from "../provisioning"

describe("provisioning helpers", () => {
  it.each([
    ["de-DE", "de"],
    ["en-US", "en"],
    ["pt-BR", "pt_BR"],
    ["zh-tw", "zh_TW"],
    ["fr", "fr"],
    [null, "en"],
  ])("maps locale %s to Chatwoot's %s", (input, expected) => {
    expect(toChatwootLocale(input)).toBe(expected)
  })

  it("names accounts after store and storefront", () => {
    expect(accountName("Acme", "Outlet")).toBe("Acme – Outlet")
    expect(accountName("Acme", "Acme")).toBe("Acme")
    expect(accountName(null, "Outlet")).toBe("Outlet")
  })

  it("uses one stable plugin admin per installation", () => {
    expect(pluginAdminIdentity("https://a.example").email).toBe(pluginAdminIdentity("https://a.example").email)
    expect(pluginAdminIdentity("https://a.example").email).not.toBe(pluginAdminIdentity("https://b.example").email)
  })

  it("makes passwords Chatwoot accepts", () => {
    const p = randomPassword()
    expect(p).toMatch(/[A-Z]/)
    expect(p).toMatch(/[a-z]/)
    expect(p).toMatch(/\d/)
    expect(p).toMatch(/[^A-Za-z0-9]/)
    expect(p.length).toBeGreaterThanOrEqual(6)
    expect(p.length).toBeLessThanOrEqual(128)
    expect(randomPassword()).not.toBe(p)
  })

  it("defines every commerce attribute once, with valid keys", () => {
    const keys = CUSTOM_ATTRIBUTE_DEFINITIONS.map((d) => `${d.attribute_model}:${d.attribute_key}`)
    expect(new Set(keys).size).toBe(keys.length)
    for (const d of CUSTOM_ATTRIBUTE_DEFINITIONS) expect(d.attribute_key).toMatch(/^[a-z0-9_.-]+$/)
    expect(keys).toEqual(
      expect.arrayContaining([
        "contact_attribute:medusa_orders_count",
        "contact_attribute:medusa_lifetime_value",
        "contact_attribute:medusa_tier",
        "contact_attribute:medusa_cart_value",
        "contact_attribute:medusa_admin_link",
        "conversation_attribute:medusa_order_id",
      ])
    )
  })
})
