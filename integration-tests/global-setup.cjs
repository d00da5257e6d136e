// Jest globalSetup: make sure the DB-backed tiers have a PostgreSQL.
// Uses DB_HOST/DB_PORT when a server answers there, otherwise starts an
// embedded PostgreSQL and points DB_* at it for the test processes.
const { ensureDatabase, toEnv } = require("../scripts/lib/database.cjs")

module.exports = async function globalSetup() {
  // the unit and contract tiers talk to no database
  if (process.env.TEST_TYPE === "unit" || process.env.TEST_TYPE === "contract") {
    return
  }
  const db = await ensureDatabase({
    log: (line) => process.stderr.write(`[test db] ${line}\n`),
  })
  Object.assign(process.env, toEnv(db.settings))
  globalThis.__CHATWOOT_TEST_DB__ = db
}
