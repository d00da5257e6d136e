type BrowserHelpers = typeof import("../helpers/browser")

/** Loads the browser helpers with Chromium missing and `env` set, and runs `fn` in that environment. */
function withEnv<T>(env: Record<string, string | undefined>, fn: (helpers: BrowserHelpers) => T): T {
  const saved = { ...process.env }
  try {
    process.env.CHROMIUM_PATH = "/nonexistent/chromium"
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
    let helpers: BrowserHelpers | undefined
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      helpers = require("../helpers/browser")
    })
    return fn(helpers!)
  } finally {
    process.env = saved
  }
}

describe("browser checks without Chromium", () => {
  it("fail in CI, where .ci/run installs Chromium", () => {
    const result = withEnv({ CI: "true", CHATWOOT_SKIP_BROWSER: undefined }, (h) => h.browserAvailability())
    expect(result).toMatchObject({ available: false, skip: false })
    expect(() => withEnv({ CI: "true", CHATWOOT_SKIP_BROWSER: undefined }, (h) => h.requireBrowserOrSkip())).toThrow(
      /apt-get install chromium/
    )
  })

  it("are skipped loudly on a developer machine without Chromium", () => {
    const result = withEnv({ CI: undefined, CHATWOOT_SKIP_BROWSER: undefined }, (h) => h.browserAvailability())
    expect(result).toMatchObject({ available: false, skip: true })
    expect((result as { reason: string }).reason).toMatch(/SKIPPED/)
  })

  it("are skipped anywhere when CHATWOOT_SKIP_BROWSER=1", () => {
    const result = withEnv({ CI: "true", CHATWOOT_SKIP_BROWSER: "1" }, (h) => h.browserAvailability())
    expect(result).toMatchObject({ available: false, skip: true })
  })
})
