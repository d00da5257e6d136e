import { spawn, type ChildProcess } from "node:child_process"
import path from "node:path"
import { launchChromium, loginToAdmin, requireBrowserOrSkip, saveScreenshot } from "../helpers/browser"

// eslint-disable-next-line @typescript-eslint/no-require-imports
const db = require("../../scripts/lib/database.cjs") as {
  canConnect(s: { host: string; port: number; user: string; password: string }): Promise<boolean>
  freePort(): Promise<number>
}

jest.setTimeout(300_000)

const ROOT = path.resolve(__dirname, "../..")

/**
 * `npm run demo` as a user runs it on a machine with nothing installed: no
 * DATABASE_URL, no CHATWOOT_URL. It must come up, print working credentials,
 * and stop its embedded PostgreSQL on SIGTERM.
 */
describe("npm run demo", () => {
  let demo: ChildProcess
  let stdout = ""
  let stderr = ""
  let port: number
  let storefrontPort: number

  beforeAll(async () => {
    port = await db.freePort()
    storefrontPort = await db.freePort()
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      SANDBOX_PORT: String(await db.freePort()),
      STOREFRONT_PORT: String(storefrontPort),
    }
    for (const name of ["DATABASE_URL", "CHATWOOT_URL", "CHATWOOT_PLATFORM_TOKEN", "TEST_TYPE", "MEDUSA_PUBLIC_URL", "MEDUSA_BACKEND_URL", "STORE_CORS", "AUTH_CORS"]) {
      delete env[name]
    }
    demo = spawn(process.execPath, [path.join(ROOT, "scripts/demo.js")], { cwd: ROOT, env })
    demo.stdout!.on("data", (d) => (stdout += d))
    demo.stderr!.on("data", (d) => (stderr += d))
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (stdout.includes("demo is up")) {
          clearInterval(timer)
          resolve()
        }
      }, 250)
      demo.on("exit", (code) => {
        clearInterval(timer)
        reject(new Error(`demo exited early (${code}):\n${stderr.slice(-3000)}`))
      })
    })
  })

  afterAll(() => {
    if (demo.exitCode === null) demo.kill("SIGKILL")
  })

  it("prints admin credentials that log in, and keys that work", async () => {
    const login = stdout.match(/Admin:\s+(\S+)\s+\((\S+) \/ (\S+)\)/)
    expect(login).not.toBeNull()
    const [, adminUrl, email, password] = login!
    expect(adminUrl).toBe(`http://localhost:${port}/app`)

    const auth = await fetch(`http://localhost:${port}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    })
    expect(auth.status).toBe(200)
    const { token } = (await auth.json()) as { token: string }

    const accounts = await fetch(`http://localhost:${port}/admin/chatwoot/accounts`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(accounts.status).toBe(200)

    // each storefront line prints its key; the "Try:" curl example repeats the first one
    const keys = [...new Set([...stdout.matchAll(/(pk_[0-9a-f]+)/g)].map((m) => m[1]))]
    expect(keys).toHaveLength(2)
    for (const key of keys) {
      const regions = await fetch(`http://localhost:${port}/store/regions`, {
        headers: { "x-publishable-api-key": key },
      })
      expect(regions.status).toBe(200)
    }

    const admin = await fetch(`http://localhost:${port}/app`)
    expect(admin.status).toBe(200)
  })

  it("lists both demo storefronts as active on the admin's Chatwoot settings page (browser)", async () => {
    const browserCheck = requireBrowserOrSkip()
    if (!browserCheck.run) return

    const [, adminUrl, email, password] = stdout.match(/Admin:\s+(\S+)\s+\((\S+) \/ (\S+)\)/)!
    const browser = await launchChromium(browserCheck.executablePath)
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
      const pageErrors: string[] = []
      page.on("pageerror", (error) => pageErrors.push(error.message))

      await loginToAdmin(page, adminUrl, email, password)
      await page.goto(`${adminUrl}/settings/chatwoot`)
      await page.getByTestId("chatwoot-storefronts").waitFor({ timeout: 120_000 })

      const row = (name: string) =>
        page.locator(`[data-testid="chatwoot-storefront-row"][data-sales-channel="${name}"]`)
      // provisioning may still be finishing: the page polls while an account is provisioning
      await Promise.all(
        ["Webshop", "Outlet"].map((name) =>
          row(name)
            .locator('[data-testid="chatwoot-status"][data-status="active"]')
            .waitFor({ timeout: 60_000 })
            .catch(() => undefined)
        )
      )
      await saveScreenshot(page, "admin-chatwoot-settings.png")

      const rows = await page.locator('[data-testid="chatwoot-storefront-row"]').evaluateAll((elements) =>
        elements.map((el) => {
          const badge = el.querySelector('[data-testid="chatwoot-status"]')
          return {
            storefront: el.getAttribute("data-sales-channel"),
            status: badge?.getAttribute("data-status"),
            label: badge?.textContent?.trim(),
          }
        })
      )
      expect(rows).toEqual(
        expect.arrayContaining([
          { storefront: "Webshop", status: "active", label: "Active" },
          { storefront: "Outlet", status: "active", label: "Active" },
        ])
      )
      expect(pageErrors).toEqual([])
    } finally {
      await browser.close()
    }
  })

  it("shows the contact sync queue and runs a customer backfill with a progress bar from the settings page (browser)", async () => {
    const browserCheck = requireBrowserOrSkip()
    if (!browserCheck.run) return

    const [, adminUrl, email, password] = stdout.match(/Admin:\s+(\S+)\s+\((\S+) \/ (\S+)\)/)!
    const browser = await launchChromium(browserCheck.executablePath)
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 1400 } })
      const pageErrors: string[] = []
      page.on("pageerror", (error) => pageErrors.push(error.message))
      await loginToAdmin(page, adminUrl, email, password)
      await page.goto(`${adminUrl}/settings/chatwoot`)
      const section = page.getByTestId("chatwoot-sync-queue")
      await section.waitFor({ timeout: 120_000 })
      await section.getByTestId("chatwoot-sync-counts").getByText("failed").waitFor()

      await section.getByRole("button", { name: "Start backfill" }).click()
      await page.getByRole("button", { name: "Start backfill" }).last().click()
      const progress = section.getByTestId("chatwoot-backfill-progress")
      await progress.waitFor({ timeout: 30_000 })
      // the demo's customers are few: the backfill finishes while the page polls
      await progress.getByText(/finished/).waitFor({ timeout: 60_000 })
      const bar = progress.getByRole("progressbar")
      expect(await bar.getAttribute("aria-valuenow")).toBe("100")
      await saveScreenshot(page, "admin-chatwoot-sync.png")
      expect(pageErrors).toEqual([])
    } finally {
      await browser.close()
    }
  })

  it("serves storefront pages whose chat identifies, resets and falls back to the contact form (browser)", async () => {
    const browserCheck = requireBrowserOrSkip()
    if (!browserCheck.run) return

    const pageUrl = stdout.match(/Webshop\s+(http:\/\/localhost:\d+\/webshop)/)?.[1]
    expect(pageUrl).toBe(`http://localhost:${storefrontPort}/webshop`)
    expect(stdout).toMatch(new RegExp(`Outlet\\s+http://localhost:${storefrontPort}/outlet`))
    const password = stdout.match(/storefront password: (\S+)\)/)?.[1]
    expect(password).toBeTruthy()
    const sandboxUrl = stdout.match(/Chatwoot sandbox: (\S+)/)![1]
    type SdkCall = { method: string; args: unknown[]; website_token: string; hmac_valid: boolean | null }
    const sdkCalls = async (): Promise<SdkCall[]> => (await (await fetch(`${sandboxUrl}/__sandbox/sdk-calls`)).json()).calls
    const waitForCall = async (predicate: (c: SdkCall) => boolean) => {
      const deadline = Date.now() + 30_000
      while (Date.now() < deadline) {
        const found = (await sdkCalls()).find(predicate)
        if (found) return found
        await new Promise((r) => setTimeout(r, 200))
      }
      throw new Error(`no matching SDK call; got ${JSON.stringify(await sdkCalls())}`)
    }
    await fetch(`${sandboxUrl}/__sandbox/sdk-calls`, { method: "DELETE" })

    const browser = await launchChromium(browserCheck.executablePath)
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
      const page = await context.newPage()
      const pageErrors: string[] = []
      page.on("pageerror", (error) => pageErrors.push(error.message))

      // guest: the loader mounts the widget (sandbox SDK) and the bubble shows
      await page.goto(pageUrl!)
      await page.locator("#chatwoot-sandbox-bubble").waitFor({ timeout: 30_000 })
      const run = await waitForCall((c) => c.method === "run")
      expect(run.website_token).toBeTruthy()
      await saveScreenshot(page, "storefront-guest.png")

      // login: setUser with a hash the sandbox verifies against the inbox's hmac_token
      await page.locator('input[name="email"]').first().fill("ada@example.com")
      await page.locator('input[name="password"]').fill(password!)
      await page.getByRole("button", { name: "Log in" }).click()
      await page.getByText("Logged in as ada@example.com.").waitFor()
      const setUser = await waitForCall((c) => c.method === "setUser")
      expect(setUser.args[1]).toEqual(expect.objectContaining({ email: "ada@example.com", name: "Ada Lovelace" }))
      expect(String(setUser.args[0])).toMatch(/^cus_/)
      expect(setUser.hmac_valid).toBe(true)
      expect(setUser.website_token).toBe(run.website_token)
      await saveScreenshot(page, "storefront-logged-in.png")

      // logout: reset, so the next visitor never sees Ada's chat
      await page.getByRole("button", { name: "Log out" }).click()
      await waitForCall((c) => c.method === "reset")
      const methods = (await sdkCalls()).map((c) => c.method)
      expect(methods.indexOf("reset")).toBeGreaterThan(methods.indexOf("setUser"))

      // Chatwoot's SDK unreachable: the accessible contact form appears instead
      const offline = await context.newPage()
      await offline.route("**/packs/js/sdk.js", (route) => route.abort("connectionrefused"))
      await offline.goto(pageUrl!)
      const fallback = offline.locator("#cw-fallback")
      await fallback.waitFor({ timeout: 15_000 })
      expect(await offline.locator("#chatwoot-sandbox-bubble").count()).toBe(0)
      await fallback.getByText("Contact us").click()
      await fallback.getByLabel("E-mail").fill("visitor@example.com")
      await fallback.getByLabel("Message").fill("Where is my parcel?")
      const contact = offline.waitForRequest((r) => r.url().endsWith("/store/chatwoot/contact") && r.method() === "POST")
      await fallback.getByRole("button", { name: "Send" }).click()
      const request = await contact
      expect(request.postDataJSON()).toEqual({ email: "visitor@example.com", message: "Where is my parcel?" })
      await offline.waitForFunction(() => {
        const status = document.querySelector("#cw-fallback [role=status]")
        return !!status && status.textContent !== "" && status.textContent !== "Sending…"
      })
      await saveScreenshot(offline, "storefront-fallback-form.png")
      expect(await offline.locator("#cw-fallback [role=status]").textContent()).toBe("Thank you! We will get back to you by e-mail.")

      // the submitted form is a conversation in the Webshop's Chatwoot account, with the message
      // (an anonymous sender's typed e-mail proves nothing: it is kept on the conversation, not the contact)
      type SandboxConversation = {
        contact: { email: string | null } | null
        custom_attributes: Record<string, unknown> | null
        messages: { content: string | null; message_type: number | string; private: boolean }[]
      }
      const conversations: SandboxConversation[] = (
        await (await fetch(`${sandboxUrl}/__sandbox/conversations`)).json()
      ).conversations
      const fromVisitor = conversations.filter((c) => c.custom_attributes?.medusa_contact_email === "visitor@example.com")
      expect(fromVisitor).toHaveLength(1)
      expect(fromVisitor[0].contact?.email ?? null).toBeNull()
      expect(fromVisitor[0].messages).toEqual([
        expect.objectContaining({
          content: "[Contact form, not verified] E-mail given: visitor@example.com\n\nWhere is my parcel?",
          private: false,
        }),
      ])
      expect(pageErrors).toEqual([])
    } finally {
      await browser.close()
    }
  })

  it("shows agents' views with the demo conversations: Conversations page, customer and order widgets, health (browser)", async () => {
    const browserCheck = requireBrowserOrSkip()
    if (!browserCheck.run) return
    const [, adminUrl, email, password] = stdout.match(/Admin:\s+(\S+)\s+\((\S+) \/ (\S+)\)/)!
    const base = `http://localhost:${port}`
    const { token } = (await (
      await fetch(`${base}/auth/user/emailpass`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password }),
      })
    ).json()) as { token: string }
    const admin = async (path: string) =>
      (await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } })).json() as Promise<any>
    const { conversations } = await admin("/admin/chatwoot/conversations?status=all")
    expect(conversations.length).toBeGreaterThanOrEqual(3)
    const withOrder = conversations.find((c: { order_id: string | null; customer_id: string | null }) => c.order_id && c.customer_id)

    const browser = await launchChromium(browserCheck.executablePath)
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
      const pageErrors: string[] = []
      page.on("pageerror", (error) => pageErrors.push(error.message))
      await loginToAdmin(page, adminUrl, email, password)

      // the unified list, with a sidebar entry
      await page.goto(`${adminUrl}/chatwoot/conversations`)
      await page.locator('[data-testid="chatwoot-conversation-row"]').first().waitFor({ timeout: 120_000 })
      const storefronts = await page
        .locator('[data-testid="chatwoot-conversation-row"]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-storefront")))
      expect(new Set(storefronts)).toEqual(new Set(["Webshop", "Outlet"]))
      const links = await page.locator('[data-testid="chatwoot-conversation-link"]').evaluateAll((a) => a.map((x) => x.getAttribute("href")))
      expect(links.every((href) => /\/app\/accounts\/\d+\/conversations\/\d+$/.test(href ?? ""))).toBe(true)
      expect(await page.getByRole("link", { name: "Conversations" }).count()).toBeGreaterThan(0)
      await saveScreenshot(page, "admin-chatwoot-conversations.png")

      // customer page: contacts per storefront, conversations, sync now, GDPR
      await page.goto(`${adminUrl}/customers/${withOrder.customer_id}`)
      const contacts = page.locator('[data-testid="chatwoot-customer-contacts"]')
      await contacts.getByText(/Contact #\d+/).first().waitFor({ timeout: 60_000 })
      await page.locator('[data-testid="chatwoot-customer-privacy-widget"] [data-testid="chatwoot-conversation"]').first().waitFor()
      await expect(page.getByRole("button", { name: "Sync now" }).count()).resolves.toBe(1)
      await expect(page.getByRole("button", { name: "Erase from Chatwoot" }).count()).resolves.toBe(1)
      await saveScreenshot(page, "admin-customer-chatwoot.png")

      // order page: the conversation about this order
      await page.goto(`${adminUrl}/orders/${withOrder.order_id}`)
      await page.locator('[data-testid="chatwoot-order-widget"] [data-testid="chatwoot-conversation"]').first().waitFor({ timeout: 60_000 })
      await saveScreenshot(page, "admin-order-chatwoot.png")

      // settings: the health section
      await page.goto(`${adminUrl}/settings/chatwoot`)
      await page.locator('[data-testid="chatwoot-health-row"]').first().waitFor({ timeout: 60_000 })
      expect(await page.locator('[data-testid="chatwoot-health-row"]').count()).toBe(2)
      await saveScreenshot(page, "admin-chatwoot-health.png")
      expect(pageErrors).toEqual([])
    } finally {
      await browser.close()
    }
  })

  it("stops Medusa and the embedded PostgreSQL on SIGTERM", async () => {
    const pgPort = Number(stderr.match(/embedded PostgreSQL on localhost:(\d+)/)?.[1])
    expect(pgPort).toBeGreaterThan(0)
    const pg = { host: "localhost", port: pgPort, user: "postgres", password: "postgres" }
    expect(await db.canConnect(pg)).toBe(true)

    const exited = new Promise((resolve) => demo.on("exit", resolve))
    demo.kill("SIGTERM")
    await exited

    expect(await db.canConnect(pg)).toBe(false)
    await expect(fetch(`http://localhost:${port}/health`)).rejects.toThrow()
  })
})
