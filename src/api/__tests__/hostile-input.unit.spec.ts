import fc from "fast-check"
import { guardApplyLocale, installStoreLocaleGuard, MAX_BODY_DEPTH, rejectMalformedPath, rejectUnsafeBody, unsafeBodyReason } from "../hostile-input"

/** A response double recording status and body (the guards answer with res.status().json()). */
function fakeRes() {
  const out: { status?: number; body?: unknown } = {}
  const res = {
    status(code: number) {
      out.status = code
      return res
    },
    json(body: unknown) {
      out.body = body
      return res
    },
  }
  return { res: res as never, out }
}

describe("unsafeBodyReason", () => {
  it("accepts the plugin's real bodies", () => {
    expect(unsafeBodyReason({ email: "a@b.co", message: "hi", name: "A" })).toBeNull()
    expect(unsafeBodyReason({ events: [{ type: "page_view", url: "/" }] })).toBeNull()
    expect(unsafeBodyReason({ contact_id: 1, conversation_id: 2, confirm: true, agent: { id: 1, name: "A" }, items: [{ id: "x", quantity: 1 }] })).toBeNull()
    expect(unsafeBodyReason(undefined)).toBeNull()
    expect(unsafeBodyReason("text")).toBeNull()
  })

  it("refuses prototype keys and non-function toString/valueOf at any depth (JSON makes them own keys)", () => {
    for (const key of ["__proto__", "constructor", "prototype", "toString", "valueOf"]) {
      expect(unsafeBodyReason(JSON.parse(`{"${key}":1}`))).toContain(key)
      expect(unsafeBodyReason(JSON.parse(`{"events":[{"type":"page_view","x":{"${key}":{}}}]}`))).toContain(key)
    }
  })

  it("refuses nesting deeper than the limit without recursion (10,000 levels)", () => {
    const deep = JSON.parse(`${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`)
    const started = performance.now()
    expect(unsafeBodyReason(deep)).toContain("nested")
    expect(unsafeBodyReason(JSON.parse("[".repeat(10_000) + "]".repeat(10_000)))).toContain("nested")
    expect(performance.now() - started).toBeLessThan(50)
    const ok = JSON.parse(`${'{"a":'.repeat(MAX_BODY_DEPTH - 1)}1${"}".repeat(MAX_BODY_DEPTH - 1)}`)
    expect(unsafeBodyReason(ok)).toBeNull()
  })

  it("never throws on any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 30 }), (value) => {
        const reason = unsafeBodyReason(value)
        expect(reason === null || typeof reason === "string").toBe(true)
      }),
      { seed: 1212, numRuns: 500 }
    )
  })

  it("rejectUnsafeBody answers 400 invalid_data, or passes the request on", () => {
    const bad = fakeRes()
    const next = jest.fn()
    rejectUnsafeBody({ body: JSON.parse('{"message":{"toString":"x"}}') } as never, bad.res, next)
    expect(next).not.toHaveBeenCalled()
    expect(bad.out).toEqual({ status: 400, body: { type: "invalid_data", message: 'Invalid request body: the key "toString" is not allowed' } })
    const good = fakeRes()
    rejectUnsafeBody({ body: { message: "x" } } as never, good.res, next)
    expect(next).toHaveBeenCalledTimes(1)
    expect(good.out).toEqual({})
  })
})

describe("rejectMalformedPath", () => {
  it("answers 400 for a malformed percent-escape, passes everything else", () => {
    for (const url of ["/hooks/chatwoot/%ZZ", "/chatwoot/dashboard-app/api/orders/%E0%A4%A/cancel", "/hooks/chatwoot/%"]) {
      const { res, out } = fakeRes()
      const next = jest.fn()
      rejectMalformedPath({ originalUrl: url } as never, res, next)
      expect([url, out.status, next.mock.calls.length]).toEqual([url, 400, 0])
    }
    for (const url of ["/hooks/chatwoot/cwacc_01J", "/chatwoot/dashboard-app/api/orders/order_1/cancel?x=%ZZ", "/hooks/chatwoot/%C3%A9"]) {
      const { res, out } = fakeRes()
      const next = jest.fn()
      rejectMalformedPath({ originalUrl: url } as never, res, next)
      expect([url, out.status, next.mock.calls.length]).toEqual([url, undefined, 1])
    }
  })
})

describe("store locale guard", () => {
  /** Medusa 2.21.2's applyLocale, as it is: async, calls .split on the query value. */
  async function applyLocale(req: { query: Record<string, unknown>; locale?: string }, _res: unknown, next: (e?: unknown) => void) {
    const locale = req.query.locale as string
    if (locale) {
      req.locale = locale.split("-")[0]
      return next()
    }
    return next()
  }

  it("answers 400 for an array or object locale on the plugin's store routes instead of letting applyLocale reject", async () => {
    const guarded = guardApplyLocale(applyLocale as never)
    for (const locale of [["de", "fr"], { a: "b" }]) {
      const { res, out } = fakeRes()
      const next = jest.fn()
      await guarded({ originalUrl: "/store/chatwoot/widget?locale[]=de", query: { locale } } as never, res, next)
      expect(out).toEqual({ status: 400, body: { type: "invalid_data", message: "locale: must be a single language tag like en, de or pt-BR" } })
      expect(next).not.toHaveBeenCalled()
    }
  })

  it("passes a string locale through, and hands any other failure to the error handler", async () => {
    const guarded = guardApplyLocale(applyLocale as never)
    const req = { originalUrl: "/store/chatwoot/widget?locale=de-DE", query: { locale: "de-DE" } } as { locale?: string }
    const next = jest.fn()
    await guarded(req as never, fakeRes().res, next)
    expect(next).toHaveBeenCalledWith()
    expect(req.locale).toBe("de")
    const failing = guardApplyLocale((async () => {
      throw new Error("boom")
    }) as never)
    const onError = jest.fn()
    await failing({ originalUrl: "/store/chatwoot/contact", query: {} } as never, fakeRes().res, onError)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: "boom" }))
  })

  it("leaves other store routes to Medusa as they are", async () => {
    const inner = jest.fn()
    const guarded = guardApplyLocale(inner as never)
    const req = { originalUrl: "/store/products?locale[]=de", query: { locale: ["de"] } }
    guarded(req as never, fakeRes().res, jest.fn())
    expect(inner).toHaveBeenCalledWith(req, expect.anything(), expect.any(Function))
  })

  it("chains onto ApiLoader.traceMiddleware: wraps only applyLocale, keeps an earlier hook, installs once", () => {
    const earlier = jest.fn((handler: unknown) => handler)
    const loader = { traceMiddleware: earlier } as { traceMiddleware?: (h: never, r: never) => unknown }
    installStoreLocaleGuard(loader as never)
    installStoreLocaleGuard(loader as never)
    const other = function corsMiddleware() {}
    expect(loader.traceMiddleware!(other as never, { route: "/store" } as never)).toBe(other)
    const wrapped = loader.traceMiddleware!(applyLocale as never, { route: "/store" } as never) as { name: string }
    expect(wrapped).not.toBe(applyLocale)
    expect(wrapped.name).toBe("applyLocale")
    expect(earlier).toHaveBeenCalledTimes(2)
    // without an earlier hook the handlers are returned (wrapped or not) directly
    const bare = {} as typeof loader
    installStoreLocaleGuard(bare as never)
    expect(bare.traceMiddleware!(other as never, { route: "/store" } as never)).toBe(other)
  })
})
