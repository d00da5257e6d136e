#!/usr/bin/env node
// `npm run bench`: every benchmark, one after the other (they share the
// machine, so never in parallel). Each writes bench/results/<name>.json;
// this prints which ran, how long they took and which missed a target
// (a bench exits non-zero when its target is missed or it failed).
// BENCH_ONLY=storefront,sync selects some.
const { spawnSync } = require("node:child_process")
const path = require("node:path")

const ALL = ["storefront", "sync", "webhooks", "dashboard"]
const only = (process.env.BENCH_ONLY || "").split(",").map((s) => s.trim()).filter(Boolean)
const unknown = only.filter((name) => !ALL.includes(name))
if (unknown.length) {
  process.stderr.write(`unknown bench: ${unknown.join(", ")} (known: ${ALL.join(", ")})\n`)
  process.exit(2)
}
const selected = only.length ? ALL.filter((name) => only.includes(name)) : ALL

const summary = []
for (const name of selected) {
  process.stderr.write(`\n[bench] ===== ${name} =====\n`)
  const started = Date.now()
  const result = spawnSync(process.execPath, [path.join(__dirname, `${name}.js`)], { stdio: "inherit" })
  summary.push({ name, status: result.status, seconds: Math.round((Date.now() - started) / 1000) })
}
process.stdout.write("\nbench        result          time   results\n")
for (const s of summary) {
  const result = s.status === 0 ? "met targets" : `missed/failed (${s.status})`
  process.stdout.write(`${s.name.padEnd(12)} ${result.padEnd(15)} ${String(s.seconds).padStart(4)} s  bench/results/${s.name}.json\n`)
}
process.exit(summary.every((s) => s.status === 0) ? 0 : 1)
