/**
 * Captures everything written to stdout, stderr and the console during a
 * spec (Medusa's logger included), so tests can assert that no secret is
 * ever logged. Output still reaches the terminal.
 */
export function captureLogs() {
  const chunks: string[] = []
  const restore: Array<() => void> = []

  beforeAll(() => {
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream)
      stream.write = ((chunk: unknown, ...rest: unknown[]) => {
        chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"))
        return (original as (...a: unknown[]) => boolean)(chunk, ...rest)
      }) as typeof stream.write
      restore.push(() => (stream.write = original as typeof stream.write))
    }
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      const original = console[method]
      console[method] = (...args: unknown[]) => {
        chunks.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "))
        original(...args)
      }
      restore.push(() => (console[method] = original))
    }
  })
  afterAll(() => restore.forEach((r) => r()))

  return { text: () => chunks.join("\n") }
}
