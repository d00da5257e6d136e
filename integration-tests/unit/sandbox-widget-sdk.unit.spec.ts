/**
 * Chatwoot sandbox: the widget SDK stub (/packs/js/sdk.js) and the call log it reports to.
 */
import crypto from "node:crypto"
import vm from "node:vm"
import { startSandbox, type Sandbox } from "../sandbox"
import { provisionAccount, type ProvisionedAccount } from "../sandbox/testing"

describe("Chatwoot sandbox: widget SDK stub", () => {
  let sandbox: Sandbox
  let shop: ProvisionedAccount

  beforeAll(async () => {
    sandbox = await startSandbox({ deliverWebhooks: false })
    shop = await provisionAccount(sandbox, "Shop")
  })
  afterAll(async () => {
    await sandbox.close()
  })

  it("serves the SDK as a script outside the API request log", async () => {
    sandbox.clearLog()
    const res = await fetch(`${sandbox.url}/packs/js/sdk.js`)
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toMatch(/^application\/javascript/)
    const text = await res.text()
    expect(() => new vm.Script(text)).not.toThrow()
    expect(text).toContain("chatwootSDK")
    expect(sandbox.requests).toEqual([])
  })

  it("records SDK calls and checks setUser's identifier_hash like Chatwoot", async () => {
    const post = async (call: object) => {
      // the stub posts text/plain (a CORS simple request) from storefront pages
      const res = await fetch(`${sandbox.url}/__sandbox/sdk-calls`, { method: "POST", body: JSON.stringify(call) })
      expect(res.headers.get("access-control-allow-origin")).toBe("*")
      return res.json()
    }
    const hash = crypto.createHmac("sha256", shop.hmacToken).update("cus_1").digest("hex")
    const good = await post({ method: "setUser", args: ["cus_1", { identifier_hash: hash, email: "a@example.com" }], website_token: shop.websiteToken })
    expect(good.hmac_valid).toBe(true)
    const bad = await post({ method: "setUser", args: ["cus_2", { identifier_hash: hash }], website_token: shop.websiteToken })
    expect(bad.hmac_valid).toBe(false)
    const unsigned = await post({ method: "setUser", args: ["cus_1", { email: "a@example.com" }], website_token: shop.websiteToken })
    expect(unsigned.hmac_valid).toBeNull()
    const reset = await post({ method: "reset", args: [], website_token: shop.websiteToken })
    expect(reset.hmac_valid).toBeNull()

    const list = await (await fetch(`${sandbox.url}/__sandbox/sdk-calls`)).json()
    expect(list.calls.map((c: { method: string }) => c.method)).toEqual(["setUser", "setUser", "setUser", "reset"])
    expect(sandbox.sdkCalls).toHaveLength(4)
    sandbox.reset()
    expect(sandbox.sdkCalls).toHaveLength(0)
  })
})
