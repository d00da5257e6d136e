import { execFileSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import vm from "node:vm"
import zlib from "node:zlib"

const ROOT = path.resolve(__dirname, "../..")
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"))

jest.setTimeout(180_000)

/** Files `npm publish` would ship, from `npm pack --dry-run`. Builds first when needed. */
function packedFiles(): string[] {
  if (
    !fs.existsSync(path.join(ROOT, ".medusa/server/src/modules/chatwoot/index.js")) ||
    !fs.existsSync(path.join(ROOT, ".medusa/server/src/storefront/index.d.ts"))
  ) {
    execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" })
  }
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: ROOT,
    encoding: "utf8",
  })
  return JSON.parse(out)[0].files.map((f: { path: string }) => f.path)
}

describe("published package", () => {
  let files: string[]
  beforeAll(() => {
    files = packedFiles()
  })

  it("ships only package.json, the README and the built plugin", () => {
    const unexpected = files.filter(
      (f) => !f.startsWith(".medusa/server/") && !["package.json", "README.md", "LICENSE"].includes(f)
    )
    expect(unexpected).toEqual([])
    expect(files).toContain("package.json")
    expect(files).toContain("README.md")
  })

  it("ships no tests, test app config, sandbox, demo or scripts", () => {
    const leaked = files.filter((f) =>
      /(__tests__|integration-tests|\.spec\.|medusa-config|\/demo\/|\/scripts\/|sandbox|jest\.config)/.test(f)
    )
    expect(leaked).toEqual([])
  })

  it("resolves every export to a shipped file", () => {
    const targets: string[] = []
    for (const [subpath, target] of Object.entries<string | Record<string, string>>(pkg.exports)) {
      const values = typeof target === "string" ? [target] : Object.values(target)
      for (const value of values) {
        const concrete = value
          .replace("./", "")
          .replace("modules/*/index.js", "modules/chatwoot/index.js")
        if (concrete.includes("*")) continue // "./*" and "./providers/*" are open-ended
        targets.push(`${subpath} -> ${concrete}`)
        expect(files).toContain(concrete)
      }
    }
    expect(targets).toEqual(
      expect.arrayContaining([
        "./workflows -> .medusa/server/src/workflows/index.js",
        "./modules/* -> .medusa/server/src/modules/chatwoot/index.js",
        "./admin -> .medusa/server/src/admin/index.mjs",
        "./storefront -> .medusa/server/src/storefront/index.js",
        "./storefront -> .medusa/server/src/storefront/index.d.ts",
      ])
    )
  })

  it("ships the storefront loader as a browser module without server imports", () => {
    for (const file of ["index.js", "mount.js", "index.d.ts", "mount.d.ts"]) {
      expect(files).toContain(`.medusa/server/src/storefront/${file}`)
    }
    const built = path.join(ROOT, ".medusa/server/src/storefront")
    const requires = fs
      .readdirSync(built)
      .filter((f) => f.endsWith(".js") && !f.startsWith("loader-script"))
      .flatMap((f) => [...fs.readFileSync(path.join(built, f), "utf8").matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))
    expect(requires.filter((r) => !r.startsWith("./"))).toEqual([])
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const storefront = require(path.join(built, "index.js"))
    expect(typeof storefront.mountChatwoot).toBe("function")
    // the served script, as built by tsc: valid and within budget
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const script = require(path.join(built, "loader-script.js")).buildLoaderScript() as string
    expect(() => new vm.Script(script)).not.toThrow()
    expect(zlib.gzipSync(script, { level: 9 }).length).toBeLessThanOrEqual(3072)
  })

  it("pins Medusa to 2.21.2 and keeps runtime dependencies minimal", () => {
    for (const [name, version] of Object.entries<string>(pkg.peerDependencies)) {
      if (name.startsWith("@medusajs/") && name !== "@medusajs/ui") expect(version).toBe("2.21.2")
    }
    expect(pkg.devDependencies["@medusajs/ui"]).toBe("4.2.6")
    expect(pkg.devDependencies["@medusajs/draft-order"]).toBe("2.21.2")
    const runtime = Object.keys(pkg.dependencies ?? {})
    expect(runtime).not.toEqual(expect.arrayContaining(["@mikro-orm/core"]))
    expect(runtime.filter((d) => ["zod", "awilix", "@mikro-orm/core", "@mikro-orm/postgresql"].includes(d))).toEqual([])
    expect(pkg.engines.node).toBe("^20.19.0 || >=22.12.0")
  })
})
