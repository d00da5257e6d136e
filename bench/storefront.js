#!/usr/bin/env node
// `npm run bench:storefront`: the storefront routes against Medusa's own
// GET /store/regions, on the same server, in the same run (design §10: p99
// within 1.5× of /store/regions).
//
// Boots the demo (`scripts/demo.js`: embedded PostgreSQL unless DATABASE_URL,
// the Chatwoot sandbox, seeded storefronts and customers) on free ports with
// the admin dashboard off, logs a demo customer in, then loads
//   GET /store/chatwoot/widget, GET /store/chatwoot/identity, GET /store/regions
// with autocannon at each concurrency (BENCH_CONCURRENCY, default 1,10,50):
// BENCH_ROUNDS rounds (default 3) of BENCH_DURATION seconds (default 5) per
// route, the routes interleaved and rotated each round so drift and
// neighbours' load hit all three alike; per route the median of the rounds'
// p50/p99 and the mean throughput are reported.
// Writes bench/results/storefront.json and prints a table.
const fs = require("node:fs")
const path = require("node:path")
const autocannon = require("autocannon")
const { ROOT, bootDemo, log } = require("./lib/demo")

const DURATION = Number(process.env.BENCH_DURATION || 5)
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3)
const CONCURRENCY = (process.env.BENCH_CONCURRENCY || "1,10,50").split(",").map(Number)
const RESULTS = path.join(__dirname, "results", "storefront.json")

async function bootStorefrontDemo() {
  const demo = await bootDemo()
  const keys = [...new Set([...demo.stdout().matchAll(/(pk_[0-9a-f]+)/g)].map((m) => m[1]))]
  const password = demo.stdout().match(/storefront password: (\S+)\)/)[1]
  return { ...demo, key: keys[0], password }
}

function load(url, headers, connections, duration) {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections, duration, pipelining: 1 }, (error, result) =>
      error ? reject(error) : resolve(result)
    )
  })
}

async function main() {
  const loadAtStart = require("node:os").loadavg().map((x) => Math.round(x * 100) / 100)
  log("booting the demo (embedded PostgreSQL, sandbox, seed)…")
  const demo = await bootStorefrontDemo()
  try {
    const login = await fetch(`${demo.url}/auth/customer/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "ada@example.com", password: demo.password }),
    })
    const { token } = await login.json()
    const store = { "x-publishable-api-key": demo.key }
    const routes = {
      widget: { path: "/store/chatwoot/widget", headers: store },
      identity: { path: "/store/chatwoot/identity", headers: { ...store, authorization: `Bearer ${token}` } },
      regions: { path: "/store/regions", headers: store },
    }
    for (const [name, route] of Object.entries(routes)) {
      const res = await fetch(`${demo.url}${route.path}`, { headers: route.headers })
      if (res.status !== 200) throw new Error(`${name}: ${res.status} ${await res.text()}`)
      // warm-up: JIT, connection pools, caches
      await load(`${demo.url}${route.path}`, route.headers, 10, 2)
    }

    const median = (xs) => {
      const s = [...xs].sort((a, b) => a - b)
      return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
    }
    const results = {}
    for (const connections of CONCURRENCY) {
      const runs = { widget: [], identity: [], regions: [] }
      const names = Object.keys(routes)
      for (let round = 0; round < ROUNDS; round++) {
        const order = names.slice(round % names.length).concat(names.slice(0, round % names.length))
        for (const name of order) {
          log(`${name} at concurrency ${connections}, round ${round + 1}/${ROUNDS}, ${DURATION}s…`)
          runs[name].push(await load(`${demo.url}${routes[name].path}`, routes[name].headers, connections, DURATION))
        }
      }
      results[connections] = {}
      for (const name of names) {
        const rs = runs[name]
        results[connections][name] = {
          p50_ms: median(rs.map((r) => r.latency.p50)),
          p99_ms: median(rs.map((r) => r.latency.p99)),
          p99_rounds_ms: rs.map((r) => r.latency.p99),
          avg_ms: Math.round((rs.reduce((a, r) => a + r.latency.average, 0) / rs.length) * 100) / 100,
          throughput_rps: Math.round((rs.reduce((a, r) => a + r.requests.average, 0) / rs.length) * 10) / 10,
          requests: rs.reduce((a, r) => a + r.requests.total, 0),
          non_2xx: rs.reduce((a, r) => a + r.non2xx, 0),
          errors: rs.reduce((a, r) => a + r.errors + r.timeouts, 0),
        }
      }
      const { widget, identity, regions } = results[connections]
      const ratio = (a, b) => (b > 0 ? Math.round((a / b) * 100) / 100 : null)
      results[connections].ratios = {
        widget_vs_regions: { p50: ratio(widget.p50_ms, regions.p50_ms), p99: ratio(widget.p99_ms, regions.p99_ms), throughput: ratio(widget.throughput_rps, regions.throughput_rps) },
        identity_vs_regions: { p50: ratio(identity.p50_ms, regions.p50_ms), p99: ratio(identity.p99_ms, regions.p99_ms), throughput: ratio(identity.throughput_rps, regions.throughput_rps) },
      }
    }

    const report = {
      at: new Date().toISOString(),
      node: process.version,
      duration_s: DURATION,
      rounds: ROUNDS,
      cpus: require("node:os").cpus().length,
      load_average_at_start: loadAtStart,
      target: "p99 of each storefront route ≤ 1.5 × p99 of GET /store/regions (design §10)",
      results,
      meets_target: Object.values(results).every(
        (r) => r.ratios.widget_vs_regions.p99 <= 1.5 && r.ratios.identity_vs_regions.p99 <= 1.5
      ),
    }
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true })
    fs.writeFileSync(RESULTS, JSON.stringify(report, null, 2) + "\n")

    const rows = []
    for (const [connections, r] of Object.entries(results)) {
      for (const name of ["widget", "identity", "regions"]) {
        const x = r[name]
        const ratios = name === "regions" ? "" : `  p99 ×${r.ratios[`${name}_vs_regions`].p99}  rps ×${r.ratios[`${name}_vs_regions`].throughput}`
        rows.push(
          `c=${String(connections).padEnd(3)} ${name.padEnd(9)} p50 ${String(x.p50_ms).padStart(4)} ms  p99 ${String(x.p99_ms).padStart(4)} ms  ${String(Math.round(x.throughput_rps)).padStart(6)} req/s  non-2xx ${x.non_2xx}${ratios}`
        )
      }
    }
    process.stdout.write(`${rows.join("\n")}\nmeets target: ${report.meets_target}\nwritten to ${path.relative(ROOT, RESULTS)}\n`)
    process.exitCode = report.meets_target ? 0 : 1
  } finally {
    await demo.stop()
  }
}

main().catch((error) => {
  log(error.stack || String(error))
  process.exit(1)
})
