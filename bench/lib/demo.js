// Shared by the benches: boots the demo (`scripts/demo.js`: embedded
// PostgreSQL unless DATABASE_URL, the Chatwoot sandbox, seeded storefronts)
// on free ports with the admin dashboard off, and stops it again.
const { spawn } = require("node:child_process")
const path = require("node:path")
const { freePort } = require("../../scripts/lib/database.cjs")

const ROOT = path.resolve(__dirname, "..", "..")

function log(line) {
  process.stderr.write(`[bench] ${line}\n`)
}

/** Settings a developer's shell may carry that would point the demo elsewhere. */
const FOREIGN_ENV = ["CHATWOOT_URL", "CHATWOOT_PLATFORM_TOKEN", "TEST_TYPE", "MEDUSA_PUBLIC_URL", "MEDUSA_BACKEND_URL"]

/** Stops a child process: SIGTERM, then SIGKILL after 15 s. */
function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.on("exit", resolve)
    child.kill("SIGTERM")
    setTimeout(() => child.exitCode === null && child.kill("SIGKILL"), 15_000)
  })
}

/**
 * Boots the demo and resolves once it printed "demo is up".
 * `extraEnv` (an object, or a function of `{ port, sandboxPort }`) is added
 * last; a name it sets is kept even when it is one of FOREIGN_ENV.
 */
async function bootDemo(extraEnv = {}) {
  const port = await freePort()
  const sandboxPort = await freePort()
  const extra = typeof extraEnv === "function" ? extraEnv({ port, sandboxPort }) : extraEnv
  const env = {
    ...process.env,
    PORT: String(port),
    SANDBOX_PORT: String(sandboxPort),
    STOREFRONT_PORT: String(await freePort()),
    MEDUSA_ADMIN_DISABLED: "true",
    LOG_LEVEL: process.env.LOG_LEVEL || "warn",
  }
  for (const name of FOREIGN_ENV) delete env[name]
  Object.assign(env, extra)

  const child = spawn(process.execPath, [path.join(ROOT, "scripts/demo.js")], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] })
  let stdout = ""
  let stderr = ""
  child.stdout.on("data", (d) => (stdout += d))
  child.stderr.on("data", (d) => (stderr += d))
  await new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (stdout.includes("demo is up")) {
        clearInterval(timer)
        resolve()
      }
    }, 250)
    child.on("exit", (code) => {
      clearInterval(timer)
      reject(new Error(`demo exited early (${code}):\n${stderr.slice(-3000)}`))
    })
  })
  return {
    child,
    env,
    port,
    url: `http://localhost:${port}`,
    sandboxUrl: `http://127.0.0.1:${sandboxPort}`,
    stdout: () => stdout,
    stop: () => stopChild(child),
  }
}

module.exports = { ROOT, bootDemo, log, stopChild }
