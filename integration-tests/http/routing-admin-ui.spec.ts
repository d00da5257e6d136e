import { spawn, type ChildProcess } from "node:child_process"
import path from "node:path"
import { launchChromium, loginToAdmin, requireBrowserOrSkip, saveScreenshot } from "../helpers/browser"

// eslint-disable-next-line @typescript-eslint/no-require-imports
const db = require("../../scripts/lib/database.cjs") as { freePort(): Promise<number> }

jest.setTimeout(420_000)

const ROOT = path.resolve(__dirname, "../..")

/**
 * The routing rules section of a storefront's chat settings, in the real
 * admin dashboard of `npm run demo`: an admin turns routing on, gives gold
 * customers priority high and names a team; the rules are stored with the
 * team created in the storefront's Chatwoot account.
 */
describe("routing rules in the admin (browser)", () => {
  let demo: ChildProcess
  let stdout = ""
  let stderr = ""
  let port: number

  beforeAll(async () => {
    if (!requireBrowserOrSkip().run) return
    port = await db.freePort()
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      SANDBOX_PORT: String(await db.freePort()),
      STOREFRONT_PORT: String(await db.freePort()),
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

  afterAll(async () => {
    if (!demo || demo.exitCode !== null) return
    await new Promise((resolve) => {
      demo.on("exit", resolve)
      demo.kill("SIGTERM")
      setTimeout(() => demo.exitCode === null && demo.kill("SIGKILL"), 20_000)
    })
  })

  it("saves routing rules from the storefront's chat settings", async () => {
    const browserCheck = requireBrowserOrSkip()
    if (!browserCheck.run) return
    const [, adminUrl, email, password] = stdout.match(/Admin:\s+(\S+)\s+\((\S+) \/ (\S+)\)/)!
    const secretKey = stdout.match(/-u "(sk_[^:]+):"/)![1]
    const admin = { authorization: `Basic ${Buffer.from(`${secretKey}:`).toString("base64")}` }
    const channel = stdout.match(/Webshop\s+(sc_\S+)/)![1]

    const browser = await launchChromium(browserCheck.executablePath)
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
      const pageErrors: string[] = []
      page.on("pageerror", (error) => pageErrors.push(error.message))
      await loginToAdmin(page, adminUrl, email, password)
      await page.goto(`${adminUrl}/settings/chatwoot`)
      await page.getByTestId("chatwoot-storefronts").waitFor({ timeout: 120_000 })
      await page
        .locator('[data-testid="chatwoot-storefront-row"][data-sales-channel="Webshop"] [data-testid="chatwoot-status"][data-status="active"]')
        .waitFor({ timeout: 60_000 })
      await page.getByRole("button", { name: "Chatwoot actions for Webshop" }).click()
      await page.getByRole("menuitem", { name: "Routing" }).click()
      const section = page.getByTestId("chatwoot-routing-rules")
      await section.waitFor({ timeout: 60_000 })
      await section.scrollIntoViewIfNeeded()

      await section.locator("#chatwoot-routing-enabled").click()
      await section.locator("#chatwoot-routing-priority-gold").click()
      await page.getByRole("option", { name: "High" }).click()
      await section.locator("#chatwoot-routing-team").fill("Webshop desk")
      await section.locator("#chatwoot-routing-team-tier-gold").click()
      await saveScreenshot(page, "admin-chatwoot-routing-rules.png")
      await section.getByRole("button", { name: "Save routing" }).click()
      await page.getByText("Routing rules saved").waitFor({ timeout: 60_000 })

      const res = await fetch(`http://localhost:${port}/admin/chatwoot/storefronts/${channel}/routing`, { headers: admin })
      const { routing } = (await res.json()) as { routing: { rules: Record<string, unknown> } }
      expect(routing.rules).toMatchObject({
        enabled: true,
        priority_by_tier: { gold: "high" },
        storefront_team: { name: "Webshop desk", id: expect.any(Number) },
        storefront_team_tiers: ["gold"],
      })
      expect(pageErrors).toEqual([])
    } finally {
      await browser.close()
    }
  })
})
