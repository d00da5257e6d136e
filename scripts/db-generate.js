#!/usr/bin/env node
// `npm run db:generate`: generates migrations for the plugin's modules
// (`medusa plugin:db:generate`) against the local or an embedded PostgreSQL.
const { spawnSync } = require("node:child_process")
const { ensureDatabase, toEnv } = require("./lib/database.cjs")

ensureDatabase({ log: (line) => console.error(`[db] ${line}`) }).then(async (db) => {
  const result = spawnSync("npx", ["medusa", "plugin:db:generate"], {
    stdio: "inherit",
    env: { ...process.env, ...toEnv(db.settings) },
  })
  await db.stop()
  process.exit(result.status ?? 1)
})
