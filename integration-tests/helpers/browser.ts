import fs from "node:fs"
import path from "node:path"
import type { Browser, Page } from "playwright-core"

/**
 * Headless Chromium for browser checks of the admin UI (playwright-core, the
 * distribution's chromium: `apt-get install chromium`).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]

/** Folder for screenshots of browser tests (git-ignored). */
export const ARTIFACTS_DIR = path.resolve(__dirname, "../artifacts")

export type BrowserAvailability =
  | { available: true; executablePath: string }
  | { available: false; skip: boolean; reason: string }

/**
 * Whether the browser check can run. Without Chromium it fails with
 * instructions in CI (CI=true; .ci/run installs Debian's chromium), and is
 * skipped loudly on a developer machine that has none (the README's quick
 * start needs only Node and npm) or when CHATWOOT_SKIP_BROWSER=1 asks for it.
 */
export function browserAvailability(): BrowserAvailability {
  if (fs.existsSync(CHROMIUM_PATH)) {
    return { available: true, executablePath: CHROMIUM_PATH }
  }
  const skip = process.env.CHATWOOT_SKIP_BROWSER === "1" || !process.env.CI
  const reason = skip
    ? `The browser checks were SKIPPED because ${CHROMIUM_PATH} does not exist. ` +
      `The Chatwoot admin UI was NOT verified in a browser. Install it with \`apt-get install chromium\`.`
    : `Chromium was not found at ${CHROMIUM_PATH}; the admin browser check needs it. ` +
      `Install it with \`apt-get install chromium\` (or point CHROMIUM_PATH at a Chromium binary), ` +
      `or set CHATWOOT_SKIP_BROWSER=1 to skip the browser check.`
  return { available: false, skip, reason }
}

/** Throws with the instructions when Chromium is missing and skipping was not asked for. */
export function requireBrowserOrSkip(): { run: true; executablePath: string } | { run: false } {
  const availability = browserAvailability()
  if (availability.available) {
    return { run: true, executablePath: availability.executablePath }
  }
  if (availability.skip) {
    console.warn(`\n${"!".repeat(100)}\n!!! ${availability.reason}\n${"!".repeat(100)}\n`)
    return { run: false }
  }
  throw new Error(availability.reason)
}

export async function launchChromium(executablePath = CHROMIUM_PATH, extraArgs: string[] = []): Promise<Browser> {
  const { chromium } = await import("playwright-core")
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true })
}

/** Logs into the Medusa admin dashboard at `adminUrl` (e.g. http://localhost:9000/app). */
export async function loginToAdmin(page: Page, adminUrl: string, email: string, password: string) {
  // the first dashboard load compiles the admin bundle (vite dev server): be patient
  await page.goto(`${adminUrl}/login`, { timeout: 180_000 })
  await page.locator('input[name="email"]').fill(email, { timeout: 120_000 })
  await page.locator('input[name="password"]').fill(password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 60_000 })
}

/** Saves a full-page screenshot under integration-tests/artifacts and returns its path. */
export async function saveScreenshot(page: Page, name: string) {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true })
  const file = path.join(ARTIFACTS_DIR, name)
  await page.screenshot({ path: file, fullPage: true })
  return file
}
