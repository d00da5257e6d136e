#!/usr/bin/env node
// `npm run bench:dashboard` (not a test): how long the agent dashboard app's
// context takes for a customer with many orders.
//
// Starts an embedded PostgreSQL (unless DATABASE_URL), boots the demo on it
// (`scripts/demo.js`: the sandbox, seeded storefronts with provisioned
// accounts), then seeds with `medusa exec demo/bench-dashboard-seed.ts` a
// customer of the default storefront with BENCH_ORDERS orders (default 500;
// created in bulk through the order module — hundreds of createOrderWorkflow
// runs would take minutes and add nothing the dashboard reads), their contact
// (through the plugin's sync) and an open conversation. Then it loads
// GET /chatwoot/dashboard-app/api/context (page 1: customer, tier, lifetime
// value over all orders, 10 newest orders with items/payment/fulfilment/
// returns, cart) BENCH_REQUESTS times (default 200, after 20 warm-up calls),
// one at a time, and reports p50/p99 of the route's own time (its
// Server-Timing header) and of the round trip. Target: p99 < 100 ms.
// Writes bench/results/dashboard.json and prints it.
const { spawn } = require("node:child_process")
const crypto = require("node:crypto")
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const { databaseUrl, startEmbedded } = require("../scripts/lib/database.cjs")
const { ROOT, bootDemo, log } = require("./lib/demo")

const MEDUSA_BIN = require.resolve("@medusajs/cli/cli.js")
const ORDERS = Number(process.env.BENCH_ORDERS || 500)
const REQUESTS = Number(process.env.BENCH_REQUESTS || 200)
const WARMUP = 20
const TARGET_P99_MS = 100
const RESULTS = path.join(__dirname, "results", "dashboard.json")

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 10) / 10
}

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MEDUSA_BIN, ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] })
    let out = ""
    child.stdout.on("data", (d) => (out += d))
    child.stderr.on("data", (d) => (out += d))
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`medusa ${args.join(" ")} failed (${code}):\n${out.slice(-3000)}`))))
  })
}

async function main() {
  const cleanups = []
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined)
  }
  process.on("SIGINT", () => cleanup().then(() => process.exit(1)))
  try {
    // the seed (`medusa exec`) shares the demo's database: start it here unless DATABASE_URL
    const extra = {
      CHATWOOT_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64url"),
      CHATWOOT_PLATFORM_TOKEN: `bench-platform-${crypto.randomBytes(12).toString("hex")}`,
      MEDUSA_DISABLE_TELEMETRY: "true",
      // the bench measures latency, not the abuse limits (one client, one account)
      CHATWOOT_DASHBOARD_IP_LIMIT: "100000000",
      CHATWOOT_DASHBOARD_ACCOUNT_LIMIT: "100000000",
    }
    if (!process.env.DATABASE_URL) {
      const pg = await startEmbedded({ log })
      cleanups.push(pg.stop)
      const { Client } = require("pg")
      const client = new Client({ ...pg.settings, database: "postgres" })
      await client.connect()
      await client.query(`create database "medusa_chatwoot_bench"`)
      await client.end()
      extra.DATABASE_URL = databaseUrl(pg.settings, "medusa_chatwoot_bench")
      extra.DB_HOST = pg.settings.host
    }

    log("booting the demo…")
    const demo = await bootDemo(({ port }) => ({ ...extra, MEDUSA_PUBLIC_URL: `http://localhost:${port}` }))
    cleanups.push(demo.stop)
    const { env, port } = demo

    log(`seeding a customer with ${ORDERS} orders…`)
    const infoFile = path.join(os.tmpdir(), `medusa-chatwoot-bench-dashboard-${process.pid}.json`)
    const seedStarted = Date.now()
    await run(["exec", "./demo/bench-dashboard-seed.ts"], {
      ...env,
      CHATWOOT_URL: demo.sandboxUrl,
      BENCH_ORDERS: String(ORDERS),
      BENCH_INFO_FILE: infoFile,
    })
    const seedSeconds = Math.round((Date.now() - seedStarted) / 100) / 10
    const info = JSON.parse(fs.readFileSync(infoFile, "utf8"))
    fs.rmSync(infoFile, { force: true })

    const url = `http://localhost:${port}/chatwoot/dashboard-app/api/context?contact_id=${info.contact_id}&conversation_id=${info.conversation_id}&page=1`
    const headers = { "x-dashboard-app-secret": info.secret }
    let first
    const server = []
    const roundTrip = []
    const parts = {}
    for (let i = 0; i < WARMUP + REQUESTS; i++) {
      const started = process.hrtime.bigint()
      const res = await fetch(url, { headers })
      const body = await res.json()
      const total = Number(process.hrtime.bigint() - started) / 1e6
      if (res.status !== 200) throw new Error(`context answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`)
      first ??= body
      if (i < WARMUP) continue
      const timing = res.headers.get("server-timing") || ""
      const context = /context;dur=([\d.]+)/.exec(timing)
      server.push(context ? Number(context[1]) : total)
      for (const m of timing.matchAll(/(\w+);dur=([\d.]+)/g)) (parts[m[1]] ??= []).push(Number(m[2]))
      roundTrip.push(total)
    }
    if (first.customer.orders_count !== ORDERS || first.orders.items.length !== 10) {
      throw new Error(`unexpected context: ${first.customer.orders_count} orders, ${first.orders.items.length} on page 1`)
    }
    const result = {
      bench: "dashboard",
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100), node: process.version },
      seed: { orders: ORDERS, method: "order module createOrders in batches of 50", seconds: seedSeconds },
      route: "GET /chatwoot/dashboard-app/api/context (page 1)",
      requests: REQUESTS,
      warmup: WARMUP,
      server_time_ms: { p50: percentile(server, 50), p99: percentile(server, 99), max: Math.round(Math.max(...server) * 10) / 10 },
      round_trip_ms: { p50: percentile(roundTrip, 50), p99: percentile(roundTrip, 99) },
      parts_p50_ms: Object.fromEntries(Object.entries(parts).map(([name, values]) => [name, percentile(values, 50)])),
      target: { p99_ms: TARGET_P99_MS },
      met: percentile(server, 99) < TARGET_P99_MS,
      context: { orders_count: first.customer.orders_count, lifetime_value: first.customer.lifetime_value, tier: first.customer.tier },
    }
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true })
    fs.writeFileSync(RESULTS, JSON.stringify(result, null, 2) + "\n")
    process.stdout.write(JSON.stringify(result, null, 2) + "\n")
    return result.met
  } finally {
    await cleanup()
  }
}

main().then((met) => process.exit(met ? 0 : 1)).catch((error) => {
  log(error.stack || String(error))
  process.exit(1)
})
