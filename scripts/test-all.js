#!/usr/bin/env node
// `npm test`: runs every test tier (unit, integration:modules,
// integration:http, contract) one after the other against one PostgreSQL
// (the local one, or an embedded one started here), prints each tier's jest
// summary and a final "N passed, N failed" line, and exits non-zero when any
// tier fails. Extra arguments are passed to jest (e.g. `npm test -- -t name`).
const { spawn } = require("node:child_process")
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const { ensureDatabase, toEnv } = require("./lib/database.cjs")

const ROOT = path.resolve(__dirname, "..")
const TIERS = [
  { type: "unit", args: [] },
  { type: "integration:modules", args: ["--runInBand", "--forceExit"] },
  { type: "integration:http", args: ["--runInBand", "--forceExit"] },
  { type: "contract", args: ["--runInBand"] },
]

function runJest(tier, env, extraArgs) {
  const report = path.join(os.tmpdir(), `chatwoot-jest-${process.pid}-${tier.type.replace(/\W/g, "-")}.json`)
  const jestBin = require.resolve("jest/bin/jest")
  const args = [jestBin, "--silent=false", ...tier.args, "--json", `--outputFile=${report}`, ...extraArgs]
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: "inherit",
      env: {
        ...env,
        TEST_TYPE: tier.type,
        NODE_OPTIONS: [env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" "),
      },
    })
    child.on("exit", (code, signal) => {
      let counts = { passed: 0, failed: 0, skipped: 0, suites: 0 }
      try {
        const r = JSON.parse(fs.readFileSync(report, "utf8"))
        counts = {
          passed: r.numPassedTests,
          failed: r.numFailedTests + r.numRuntimeErrorTestSuites,
          skipped: r.numPendingTests + r.numTodoTests,
          suites: r.numTotalTestSuites,
        }
        fs.rmSync(report, { force: true })
      } catch {
        counts.failed += 1 // no report: jest itself failed
      }
      resolve({ tier: tier.type, code: signal ? 1 : code, ...counts })
    })
  })
}

async function main() {
  const extraArgs = process.argv.slice(2)
  const only = process.env.TEST_TIERS ? process.env.TEST_TIERS.split(",") : null
  const tiers = only ? TIERS.filter((t) => only.includes(t.type)) : TIERS

  const db = await ensureDatabase({ log: (line) => console.error(`[test db] ${line}`) })
  const env = { ...process.env, ...toEnv(db.settings) }
  const stopDb = () => db.stop()
  process.on("SIGINT", () => stopDb().finally(() => process.exit(130)))
  process.on("SIGTERM", () => stopDb().finally(() => process.exit(143)))

  const results = []
  try {
    for (const tier of tiers) {
      console.error(`\n=== ${tier.type} tests ===`)
      results.push(await runJest(tier, env, extraArgs))
    }
  } finally {
    await stopDb()
  }

  console.log("\n=== summary ===")
  for (const r of results) {
    console.log(`${r.tier.padEnd(20)} ${r.code === 0 ? "ok    " : "FAILED"} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped (${r.suites} suites)`)
  }
  const passed = results.reduce((n, r) => n + r.passed, 0)
  const failed = results.reduce((n, r) => n + r.failed, 0)
  const anyFailed = results.some((r) => r.code !== 0)
  console.log(`${passed} passed, ${failed + (anyFailed && failed === 0 ? 1 : 0)} failed`)
  process.exit(anyFailed ? 1 : 0)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
