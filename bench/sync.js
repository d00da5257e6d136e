#!/usr/bin/env node
// `npm run bench:sync` (not a test): a burst of customer changes through the
// plugin's durable sync queue into the Chatwoot sandbox.
//
// Boots the demo (`scripts/demo.js`: embedded PostgreSQL unless DATABASE_URL,
// the sandbox, seeded storefronts) on free ports with the plugin's rate limit
// at BENCH_RATE_LIMIT calls/min (default 600), registers BENCH_CUSTOMERS
// storefront customers (default 50; each becomes a contact of the default
// storefront's account), waits for the queue to drain, then fires
// BENCH_CHANGES updates per customer (default 10; customers in parallel, each
// customer's updates in a row) through the admin API and waits until every
// customer's final data reached the sandbox. Reports the Chatwoot calls the
// burst made vs distinct contacts, and p50/p95 from a customer's last change
// to the sandbox receiving it. Writes bench/results/sync.json and prints it.
const { spawn } = require("node:child_process")
const fs = require("node:fs")
const path = require("node:path")
const { freePort } = require("../scripts/lib/database.cjs")

const ROOT = path.resolve(__dirname, "..")
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS || 50)
const CHANGES = Number(process.env.BENCH_CHANGES || 10)
const RATE_LIMIT = Number(process.env.BENCH_RATE_LIMIT || 600)
const RESULTS = path.join(__dirname, "results", "sync.json")

function log(line) {
  process.stderr.write(`[bench] ${line}\n`)
}

async function bootDemo() {
  const port = await freePort()
  const sandboxPort = await freePort()
  const env = {
    ...process.env,
    PORT: String(port),
    SANDBOX_PORT: String(sandboxPort),
    STOREFRONT_PORT: String(await freePort()),
    MEDUSA_ADMIN_DISABLED: "true",
    CHATWOOT_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
    LOG_LEVEL: process.env.LOG_LEVEL || "warn",
  }
  for (const name of ["CHATWOOT_URL", "CHATWOOT_PLATFORM_TOKEN", "TEST_TYPE", "MEDUSA_PUBLIC_URL", "MEDUSA_BACKEND_URL"]) {
    delete env[name]
  }
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
  const key = stdout.match(/(pk_[0-9a-f]+)/)[1]
  const secret = stdout.match(/-u "([^":]+):"/)[1]
  return { child, url: `http://localhost:${port}`, sandbox: `http://127.0.0.1:${sandboxPort}`, key, secret }
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.on("exit", resolve)
    child.kill("SIGTERM")
    setTimeout(() => child.exitCode === null && child.kill("SIGKILL"), 15_000)
  })
}

async function call(url, init = {}) {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...(init.headers || {}) } })
  const text = await res.text()
  if (!res.ok) throw new Error(`${init.method || "GET"} ${new URL(url).pathname} → ${res.status}: ${text.slice(0, 300)}`)
  return text ? JSON.parse(text) : {}
}

async function until(what, probe, ms = 300_000) {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    const value = await probe()
    if (value) return value
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`timed out waiting for ${what}`)
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null
}

async function main() {
  log(`booting the demo (rate limit ${RATE_LIMIT}/min)…`)
  const demo = await bootDemo()
  const admin = { authorization: `Basic ${Buffer.from(`${demo.secret}:`).toString("base64")}` }
  const idle = () =>
    until("an idle sync queue", async () => {
      const { sync } = await call(`${demo.url}/admin/chatwoot/sync`, { headers: admin })
      return sync.counts.pending === 0 && sync.counts.processing === 0
    })
  try {
    await idle()
    log(`registering ${CUSTOMERS} customers…`)
    const run = Date.now().toString(36)
    const customers = []
    for (let i = 0; i < CUSTOMERS; i++) {
      const email = `bench-${run}-${i}@example.com`
      const { token } = await call(`${demo.url}/auth/customer/emailpass/register`, {
        method: "POST",
        body: JSON.stringify({ email, password: "bench-password-1" }),
      })
      const { customer } = await call(`${demo.url}/store/customers`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "x-publishable-api-key": demo.key },
        body: JSON.stringify({ email, first_name: "Bench", last_name: "Start" }),
      })
      customers.push(customer.id)
    }
    await idle()
    const { requests: before } = await call(`${demo.sandbox}/__sandbox/requests`)
    const cursor = before.length ? before[before.length - 1].id : 0

    log(`burst: ${CHANGES} changes × ${CUSTOMERS} customers…`)
    const lastChangeAt = new Map()
    const burstStart = Date.now()
    await Promise.all(
      customers.map(async (id) => {
        for (let k = 1; k <= CHANGES; k++) {
          if (k === CHANGES) lastChangeAt.set(id, Date.now())
          await call(`${demo.url}/admin/customers/${id}`, {
            method: "POST",
            headers: admin,
            body: JSON.stringify({ last_name: `Change ${k}` }),
          })
        }
      })
    )
    const final = `Change ${CHANGES}`
    const receivedAt = new Map()
    let calls = []
    await until("every final change in the sandbox", async () => {
      const { requests } = await call(`${demo.sandbox}/__sandbox/requests?since=${cursor}`)
      calls = requests
      for (const r of requests) {
        if (r.method === "GET" || !/\/contacts(\/|$)/.test(r.path)) continue
        const text = JSON.stringify(r.body ?? {})
        if (!text.includes(final)) continue
        const id = customers.find((c) => text.includes(c))
        if (id && !receivedAt.has(id)) receivedAt.set(id, r.at)
      }
      return receivedAt.size === customers.length
    })
    await idle()
    const { requests: all } = await call(`${demo.sandbox}/__sandbox/requests?since=${cursor}`)
    calls = all
    const latencies = customers.map((id) => receivedAt.get(id) - lastChangeAt.get(id))
    const contactCalls = calls.filter((r) => /\/contacts(\/|$)/.test(r.path))
    const result = {
      at: new Date().toISOString(),
      rate_limit_per_minute: RATE_LIMIT,
      burst: {
        customers: CUSTOMERS,
        changes: CUSTOMERS * CHANGES,
        distinct_contacts: receivedAt.size,
        api_calls: calls.length,
        contact_writes: contactCalls.filter((r) => r.method !== "GET").length,
        calls_per_contact: Number((calls.length / receivedAt.size).toFixed(3)),
        status_429: calls.filter((r) => r.status === 429).length,
        change_to_receipt_ms: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies) },
        burst_duration_ms: Date.now() - burstStart,
      },
      not_measured: ["backfill of 20,000 customers (no backfill yet)"],
    }
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true })
    fs.writeFileSync(RESULTS, JSON.stringify(result, null, 2) + "\n")
    process.stdout.write(JSON.stringify(result, null, 2) + "\n")
  } finally {
    await stop(demo.child)
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`)
  process.exit(1)
})
