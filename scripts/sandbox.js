#!/usr/bin/env node
// `npm run sandbox`: a standalone Chatwoot v4.15.1 sandbox for the demo and manual testing.
// SANDBOX_PORT (default 3999), SANDBOX_HOST (default 127.0.0.1), CHATWOOT_PLATFORM_TOKEN (default random).
// Drive it over HTTP with the /__sandbox/* control endpoints (see integration-tests/sandbox/README.md).
const path = require("node:path")

require("ts-node").register({
  transpileOnly: true,
  swc: true,
  project: path.join(__dirname, "..", "tsconfig.json"),
  compilerOptions: { module: "commonjs", moduleResolution: "node" },
})

const { startSandbox } = require("../integration-tests/sandbox")

async function main() {
  const port = Number(process.env.SANDBOX_PORT || 3999)
  const sandbox = await startSandbox({
    port,
    host: process.env.SANDBOX_HOST || "127.0.0.1",
    platformToken: process.env.CHATWOOT_PLATFORM_TOKEN || undefined,
  })
  console.log(`Chatwoot sandbox (v4.15.1 fake) listening on ${sandbox.url}`)
  console.log(`  CHATWOOT_URL=${sandbox.url}`)
  console.log(`  CHATWOOT_PLATFORM_TOKEN=${sandbox.platformToken}`)
  console.log(`  control: GET ${sandbox.url}/__sandbox/state  (POST /__sandbox/faults, /reset, /webhook, /agent-reply)`)

  let closing = false
  const shutdown = async () => {
    if (closing) return
    closing = true
    await sandbox.close()
    process.exit(0)
  }
  process.on("SIGINT", shutdown)
  process.on("SIGTERM", shutdown)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
