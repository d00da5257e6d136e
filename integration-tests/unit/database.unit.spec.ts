import fs from "node:fs"
import path from "node:path"

// eslint-disable-next-line @typescript-eslint/no-require-imports
const db = require("../../scripts/lib/database.cjs") as {
  canConnect(settings: Settings): Promise<boolean>
  ensureDatabase(opts: { env: Record<string, string> }): Promise<{
    settings: Settings
    embedded: boolean
    dataDir?: string
    stop(): Promise<void>
  }>
  freePort(): Promise<number>
}
type Settings = { host: string; port: number; user: string; password: string }

jest.setTimeout(120_000)

describe("test/demo database bootstrap", () => {
  it("starts an embedded PostgreSQL when nothing listens on DB_PORT, and stops it", async () => {
    const unused = await db.freePort()
    const started = await db.ensureDatabase({ env: { DB_HOST: "localhost", DB_PORT: String(unused) } })
    try {
      expect(started.embedded).toBe(true)
      expect(started.settings.host).toBe("localhost")
      expect(await db.canConnect(started.settings)).toBe(true)

      // It is a real PostgreSQL: it can create a database and run SQL in it.
      const { Client } = require("pg")
      const client = new Client({ ...started.settings, database: "postgres" })
      await client.connect()
      const { rows } = await client.query("select current_setting('server_version_num')::int as v")
      await client.end()
      expect(rows[0].v).toBeGreaterThanOrEqual(150000)
    } finally {
      await started.stop()
    }
    expect(await db.canConnect(started.settings)).toBe(false)
    expect(fs.existsSync(path.dirname(started.dataDir!))).toBe(false)
  })

  it("uses the PostgreSQL that answers on DB_HOST/DB_PORT instead of starting one", async () => {
    const server = await db.ensureDatabase({ env: { DB_PORT: String(await db.freePort()) } })
    try {
      const reused = await db.ensureDatabase({
        env: {
          DB_HOST: "localhost",
          DB_PORT: String(server.settings.port),
          DB_USERNAME: server.settings.user,
          DB_PASSWORD: server.settings.password,
        },
      })
      expect(reused.embedded).toBe(false)
      expect(reused.settings.port).toBe(server.settings.port)
      await reused.stop() // a no-op for a server it did not start
      expect(await db.canConnect(server.settings)).toBe(true)
    } finally {
      await server.stop()
    }
  })
})
