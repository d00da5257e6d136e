import vm from "node:vm"
import zlib from "node:zlib"
import { buildLoaderScript, loaderScript } from "../loader-script"
import { mountChatwoot } from "../mount"

type Listener = () => void

/** A minimal browser: enough DOM for the loader, fetch answered by `routes`. */
function fakeBrowser(routes: Record<string, { status: number; json: unknown }>, attrs: Record<string, string>) {
  const listeners: Record<string, Listener[]> = {}
  const appended: Record<string, unknown>[] = []
  const requests: { url: string; headers: Record<string, string> }[] = []
  const calls: unknown[][] = []
  const el = (tag: string) => ({ tagName: tag, setAttribute() {}, parentNode: null as unknown })
  const window: Record<string, unknown> = {
    addEventListener: (name: string, fn: Listener) => (listeners[name] ??= []).push(fn),
    removeEventListener() {},
  }
  const document = {
    body: { appendChild: (node: Record<string, unknown>) => appended.push(node) },
    head: { appendChild: (node: Record<string, unknown>) => appended.push(node) },
    currentScript: { src: "https://medusa.example.com/chatwoot/loader.js", getAttribute: (n: string) => attrs[n] ?? null },
    createElement: el,
    addEventListener() {},
  }
  const fetch = async (url: string, init: { headers: Record<string, string> }) => {
    requests.push({ url, headers: init.headers })
    const path = url.replace("https://medusa.example.com", "")
    const route = routes[path] ?? { status: 404, json: {} }
    return { ok: route.status < 300, status: route.status, json: async () => route.json }
  }
  Object.assign(window, { window, document, fetch, URL, setTimeout, clearTimeout, localStorage: { getItem: () => "customer-token" } })
  const fire = (name: string) => (listeners[name] ?? []).forEach((fn) => fn())
  return { window, document, appended, requests, calls, fire }
}

const settle = () => new Promise((r) => setTimeout(r, 10))

describe("storefront loader", () => {
  it("is served gzipped in at most 3 KB", () => {
    const { script } = loaderScript()
    const gzipped = zlib.gzipSync(script, { level: 9 }).length
    expect(gzipped).toBeLessThanOrEqual(3072)
    expect(() => new vm.Script(script)).not.toThrow()
  })

  it("embeds the ES module's mountChatwoot: one implementation", () => {
    const script = buildLoaderScript()
    const essential = mountChatwoot
      .toString()
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("//"))
      .join("\n")
    expect(script).toContain(essential)
    expect(script).not.toMatch(/require\(|import /)
  })

  it("reads its script tag, loads the SDK with the config and identifies the customer on ready", async () => {
    const widget = {
      enabled: true,
      base_url: "https://chat.example.com",
      website_token: "wt_123",
      locale: "de",
      settings: { position: "left", type: "standard", launcher_title: "Hi", widget_color: "#000000", dark_mode: "auto" },
      fallback: { contact_form: true },
    }
    const b = fakeBrowser(
      {
        "/store/chatwoot/widget?locale=de": { status: 200, json: { widget } },
        "/store/chatwoot/identity": {
          status: 200,
          json: { identity: { identifier: "cus_1", identifier_hash: "abc", email: "ada@example.com", name: "Ada" } },
        },
      },
      { "data-publishable-key": "pk_test", "data-locale": "de", "data-auth-storage": "token" }
    )
    vm.runInNewContext(loaderScript().script, b.window)
    await settle()
    expect(b.requests[0]).toEqual({
      url: "https://medusa.example.com/store/chatwoot/widget?locale=de",
      headers: expect.objectContaining({ "x-publishable-api-key": "pk_test" }),
    })
    expect(b.window.chatwootSettings).toEqual(
      expect.objectContaining({ position: "left", locale: "de", darkMode: "auto", launcherTitle: "Hi" })
    )
    const sdk = b.appended.find((n) => n.tagName === "script") as { src: string; async: boolean; onload: () => void }
    expect(sdk.src).toBe("https://chat.example.com/packs/js/sdk.js")
    expect(sdk.async).toBe(true)

    const calls: unknown[][] = []
    b.window.chatwootSDK = { run: (arg: unknown) => calls.push(["run", arg]) }
    b.window.$chatwoot = {
      setUser: (...args: unknown[]) => calls.push(["setUser", ...args]),
      reset: () => calls.push(["reset"]),
    }
    sdk.onload()
    b.fire("chatwoot:ready")
    await settle()
    const api = b.window.MedusaChatwoot as { logout(): void }
    api.logout()
    expect(calls).toEqual([
      ["run", { websiteToken: "wt_123", baseUrl: "https://chat.example.com" }],
      ["setUser", "cus_1", { identifier_hash: "abc", email: "ada@example.com", name: "Ada", phone_number: undefined }],
      ["reset"],
    ])
    const identity = b.requests.find((r) => r.url.endsWith("/identity"))!
    expect(identity.headers.authorization).toBe("Bearer customer-token")
  })

  it("resets a leftover identified widget session when the visitor is a guest", async () => {
    const widget = { enabled: true, base_url: "https://chat.example.com", website_token: "wt_9", locale: "en", settings: {}, fallback: { contact_form: true } }
    const b = fakeBrowser({ "/store/chatwoot/widget": { status: 200, json: { widget } } }, { "data-publishable-key": "pk_test" })
    Object.assign(b.document, { cookie: "cw_conversation=x; cw_user_wt_9=abc" })
    vm.runInNewContext(loaderScript().script, b.window)
    await settle()
    const calls: string[] = []
    b.window.chatwootSDK = { run: () => calls.push("run") }
    b.window.$chatwoot = { setUser: () => calls.push("setUser"), reset: () => calls.push("reset") }
    ;(b.appended.find((n) => n.tagName === "script") as { onload: () => void }).onload()
    b.fire("chatwoot:ready")
    await settle()
    expect(calls).toEqual(["run", "reset"])
    expect(b.requests.some((r) => r.url.endsWith("/identity"))).toBe(false)
  })

  it("shows the contact form instead of the SDK when the widget is disabled", async () => {
    const b = fakeBrowser(
      { "/store/chatwoot/widget": { status: 200, json: { widget: { enabled: false, reason: "disabled", fallback: { contact_form: true } } } } },
      { "data-publishable-key": "pk_test" }
    )
    const form = { addEventListener() {} }
    b.document.createElement = (tag: string) =>
      ({ tagName: tag, setAttribute() {}, querySelector: () => form, parentNode: null }) as never
    vm.runInNewContext(loaderScript().script, b.window)
    await settle()
    const box = b.appended.find((n) => n.id === "cw-fallback") as { innerHTML: string }
    expect(box).toBeDefined()
    expect(box.innerHTML).toMatch(/<label>E-mail<input name="email" type="email"/)
    expect(box.innerHTML).toMatch(/aria-live="polite"/)
    expect(b.appended.some((n) => n.tagName === "script")).toBe(false)
  })
})
