#!/usr/bin/env node
// `npm run bench:sync` (not a test): the plugin's durable sync queue against
// the Chatwoot sandbox with Chatwoot's per-minute throttle switched on.
//
// Boots the demo (`scripts/demo.js`: embedded PostgreSQL unless DATABASE_URL,
// the sandbox, seeded storefronts) on free ports with the plugin's
// rate_limit_per_minute at BENCH_RATE_LIMIT (default 2400, the plugin's
// default) and the sandbox throttling at BENCH_RATE_LIMIT / 0.8 (Chatwoot's
// 3000/min for the default: the plugin's default is 80 % of it). The demo seed
// writes BENCH_BACKFILL_CUSTOMERS (default 20000) customers straight through
// the customer module (batches of 1000; no workflow, nothing synced).
//
// (b) backfill: POST /admin/chatwoot/sync/backfill, polled until done →
//     Chatwoot calls made, calls/min achieved vs rate_limit_per_minute (over
//     the whole backfill and its busiest rolling minute) and the 429s.
// (a) burst: BENCH_CHANGES (default 10) admin updates to each of
//     BENCH_CUSTOMERS (default 500) of those customers, now contacts; a pool
//     of BENCH_CONCURRENCY (default 4) clients each takes the next customer
//     and sends its changes in a row → Chatwoot calls vs distinct contacts,
//     429s, and p50/p95 from a customer's last change to the sandbox
//     receiving it.
// Writes bench/results/sync.json and prints it.
const fs = require("node:fs")
const path = require("node:path")
const { bootDemo, log } = require("./lib/demo")

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS || 500)
const CHANGES = Number(process.env.BENCH_CHANGES || 10)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 4)
const BACKFILL = Number(process.env.BENCH_BACKFILL_CUSTOMERS || 20000)
const RATE_LIMIT = Number(process.env.BENCH_RATE_LIMIT || 2400)
/** The plugin's default is 80 % of Chatwoot's default throttle (2400 of 3000/min): keep that ratio. */
const SANDBOX_RATE_LIMIT = Number(process.env.BENCH_SANDBOX_RATE_LIMIT || Math.round(RATE_LIMIT / 0.8))
const RESULTS = path.join(__dirname, "results", "sync.json")

async function bootSyncDemo() {
  const demo = await bootDemo({ CHATWOOT_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT), DEMO_BULK_CUSTOMERS: String(BACKFILL) })
  const key = demo.stdout().match(/(pk_[0-9a-f]+)/)[1]
  const secret = demo.stdout().match(/-u "([^":]+):"/)[1]
  return { ...demo, sandbox: demo.sandboxUrl, key, secret }
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

/** Most calls started in any rolling 60 s window. */
function busiestMinute(times) {
  let best = 0
  let head = 0
  for (let i = 0; i < times.length; i++) {
    while (times[i] - times[head] >= 60_000) head++
    best = Math.max(best, i - head + 1)
  }
  return best
}

/** Most calls received in one clock minute (how Chatwoot's rack-attack counts). */
function busiestClockMinute(times) {
  const counts = new Map()
  for (const t of times) counts.set(Math.floor(t / 60_000), (counts.get(Math.floor(t / 60_000)) || 0) + 1)
  return Math.max(0, ...counts.values())
}

async function main() {
  log(`booting the demo with ${BACKFILL} bulk customers (plugin ${RATE_LIMIT}/min, sandbox throttle ${SANDBOX_RATE_LIMIT}/min)…`)
  const loadAtStart = require("node:os").loadavg().map((x) => Math.round(x * 100) / 100)
  const demo = await bootSyncDemo()
  // Ctrl-C / SIGTERM: stop the demo (Medusa, sandbox, embedded PostgreSQL) too
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => demo.stop().then(() => process.exit(130)))
  }
  const admin = { authorization: `Basic ${Buffer.from(`${demo.secret}:`).toString("base64")}` }
  const idle = () =>
    until("an idle sync queue", async () => {
      const { sync } = await call(`${demo.url}/admin/chatwoot/sync`, { headers: admin })
      return sync.counts.pending === 0 && sync.counts.processing === 0
    }, 3_600_000)
  const lastRequestId = async () => {
    const { requests } = await call(`${demo.sandbox}/__sandbox/requests?since=${Number.MAX_SAFE_INTEGER - 1}`)
    const state = await call(`${demo.sandbox}/__sandbox/state`).catch(() => ({}))
    return requests.length ? requests[requests.length - 1].id : (state.requests ?? 0)
  }
  const requestsSince = async (cursor) => (await call(`${demo.sandbox}/__sandbox/requests?since=${cursor}`)).requests
  try {
    await call(`${demo.sandbox}/__sandbox/faults`, {
      method: "POST",
      body: JSON.stringify({ rate_limit_per_minute: SANDBOX_RATE_LIMIT }),
    })
    await idle()

    // (b) backfill
    let cursor = (await requestsSince(0)).reduce((max, r) => Math.max(max, r.id), 0)
    log(`backfill of every customer…`)
    const startedAt = Date.now()
    const { backfill: started } = await call(`${demo.url}/admin/chatwoot/sync/backfill`, { method: "POST", headers: admin, body: "{}" })
    let progress = started
    let lastLog = 0
    while (progress.status === "running") {
      await new Promise((r) => setTimeout(r, 1000))
      ;[progress] = (await call(`${demo.url}/admin/chatwoot/sync/backfill?limit=1`, { headers: admin })).backfills
      if (Date.now() - lastLog > 15_000) {
        lastLog = Date.now()
        log(`  ${progress.done}/${progress.total} (${progress.percent} %), ${progress.rate_per_minute}/min, ETA ${progress.eta_seconds}s`)
      }
    }
    const backfillMs = Date.now() - startedAt
    await idle()
    const backfillCalls = await requestsSince(cursor)
    cursor = backfillCalls.reduce((max, r) => Math.max(max, r.id), cursor)
    const times = backfillCalls.map((r) => r.at).sort((a, b) => a - b)
    const callMinutes = times.length > 1 ? (times[times.length - 1] - times[0]) / 60_000 : 0
    const achieved = callMinutes ? backfillCalls.length / callMinutes : 0
    const backfill = {
      customers: progress.total,
      done: progress.done,
      duration_ms: backfillMs,
      api_calls: backfillCalls.length,
      calls_per_customer: Number((backfillCalls.length / Math.max(1, progress.total)).toFixed(3)),
      achieved_calls_per_minute: Math.round(achieved),
      budget_used: Number((achieved / RATE_LIMIT).toFixed(3)),
      // measured where the calls arrive (the sandbox): delivery jitter can move a few across a window edge
      busiest_rolling_minute: busiestMinute(times),
      busiest_clock_minute: busiestClockMinute(times),
      status_429: backfillCalls.filter((r) => r.status === 429).length,
      reported_rate_per_minute: progress.rate_per_minute,
    }
    log(`backfill: ${JSON.stringify(backfill)}`)

    // (a) burst over customers that are contacts now
    const { customers: listed } = await call(
      `${demo.url}/admin/customers?q=bulk-&limit=${CUSTOMERS}&fields=id,email`,
      { headers: admin }
    )
    const customers = listed.map((c) => c.id)
    if (customers.length < CUSTOMERS) throw new Error(`only ${customers.length} bulk customers found`)
    log(`burst: ${CHANGES} changes × ${customers.length} customers, ${CONCURRENCY} clients…`)
    const lastChangeAt = new Map()
    const committedAt = new Map()
    const burstStart = Date.now()
    let next = 0
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < customers.length) {
          const id = customers[next++]
          for (let k = 1; k <= CHANGES; k++) {
            if (k === CHANGES) lastChangeAt.set(id, Date.now())
            await call(`${demo.url}/admin/customers/${id}`, {
              method: "POST",
              headers: admin,
              body: JSON.stringify({ last_name: `Change ${k}` }),
            })
            // the change is committed once Medusa answered
            if (k === CHANGES) committedAt.set(id, Date.now())
          }
        }
      })
    )
    const burstMs = Date.now() - burstStart
    const final = `Change ${CHANGES}`
    const receivedAt = new Map()
    let calls = []
    await until("every final change in the sandbox", async () => {
      calls = await requestsSince(cursor)
      for (const r of calls) {
        if (r.method === "GET" || !/\/contacts(\/|$)/.test(r.path)) continue
        const text = JSON.stringify(r.body ?? {})
        if (!text.includes(final)) continue
        const id = (text.match(/cus_[0-9A-Z]+/) || [])[0]
        if (id && lastChangeAt.has(id) && !receivedAt.has(id)) receivedAt.set(id, r.at)
      }
      return receivedAt.size === customers.length
    }, 600_000)
    await idle()
    calls = await requestsSince(cursor)
    const latencies = customers.map((id) => receivedAt.get(id) - lastChangeAt.get(id))
    const fromCommit = customers.map((id) => receivedAt.get(id) - committedAt.get(id))
    const burst = {
      customers: customers.length,
      changes: customers.length * CHANGES,
      client_concurrency: CONCURRENCY,
      distinct_contacts: receivedAt.size,
      api_calls: calls.length,
      contact_writes: calls.filter((r) => /\/contacts(\/|$)/.test(r.path) && r.method !== "GET").length,
      calls_per_contact: Number((calls.length / receivedAt.size).toFixed(3)),
      status_429: calls.filter((r) => r.status === 429).length,
      busiest_rolling_minute: busiestMinute(calls.map((r) => r.at).sort((a, b) => a - b)),
      // from sending the last admin update (includes Medusa's own update request)
      change_to_receipt_ms: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies) },
      // from Medusa's answer to it (the change committed)
      commit_to_receipt_ms: { p50: percentile(fromCommit, 50), p95: percentile(fromCommit, 95), max: Math.max(...fromCommit) },
      burst_duration_ms: burstMs,
      changes_per_second: Math.round((customers.length * CHANGES) / (burstMs / 1000)),
    }
    const result = {
      at: new Date().toISOString(),
      rate_limit_per_minute: RATE_LIMIT,
      sandbox_rate_limit_per_minute: SANDBOX_RATE_LIMIT,
      plugin_to_sandbox_ratio: Number((RATE_LIMIT / SANDBOX_RATE_LIMIT).toFixed(3)),
      machine: { cpus: require("node:os").cpus().length, load_at_start: loadAtStart, load_at_end: require("node:os").loadavg().map((x) => Math.round(x * 100) / 100) },
      seeding: `${BACKFILL} customers written through the customer module's createCustomers in batches of 1000 (demo seed, DEMO_BULK_CUSTOMERS)`,
      targets: {
        calls_per_contact: "≤ 1.1 (burst)",
        change_to_receipt_p95_ms: "< 2000",
        backfill_budget_used: "≥ 0.9, no 429 storm",
      },
      backfill,
      burst,
      meets: {
        burst_calls: burst.calls_per_contact <= 1.1,
        burst_p95: burst.change_to_receipt_ms.p95 < 2000,
        backfill_budget: backfill.budget_used >= 0.9,
        backfill_429: backfill.status_429 === 0,
        never_above_limit: backfill.busiest_clock_minute <= RATE_LIMIT && burst.busiest_rolling_minute <= RATE_LIMIT,
      },
    }
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true })
    fs.writeFileSync(RESULTS, JSON.stringify(result, null, 2) + "\n")
    process.stdout.write(JSON.stringify(result, null, 2) + "\n")
    return Object.values(result.meets).every(Boolean)
  } finally {
    await demo.stop()
  }
}

main().then((met) => process.exit(met ? 0 : 1)).catch((error) => {
  process.stderr.write(`${error.stack || error}\n`)
  process.exit(1)
})
