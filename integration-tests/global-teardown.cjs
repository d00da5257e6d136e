module.exports = async function globalTeardown() {
  const db = globalThis.__CHATWOOT_TEST_DB__
  if (db) {
    await db.stop()
  }
}
