import { inspect } from "node:util"
import { MedusaError } from "@medusajs/framework/utils"
import { ChatwootApiError, REDACTED, extractChatwootMessage, mapStatusToType, redact } from "../errors"

const T = MedusaError.Types

describe("mapStatusToType", () => {
  it.each([
    [400, undefined, T.INVALID_DATA],
    [401, "Invalid Access Token", T.NOT_ALLOWED],
    [402, "Account limit exceeded", T.NOT_ALLOWED],
    [403, undefined, T.NOT_ALLOWED],
    [404, "Resource could not be found", T.NOT_FOUND],
    [409, undefined, T.CONFLICT],
    [422, "Email has already been taken", T.DUPLICATE_ERROR],
    [422, "Identifier has already been taken, Email has already been taken", T.DUPLICATE_ERROR],
    [422, "param is missing or the value is empty: webhook", T.INVALID_DATA],
    [429, "Retry later", T.UNEXPECTED_STATE],
    [500, undefined, T.UNEXPECTED_STATE],
    [503, undefined, T.UNEXPECTED_STATE],
    [undefined, undefined, T.UNEXPECTED_STATE],
  ])("%s %s → %s", (status, message, type) => {
    expect(mapStatusToType(status, message)).toBe(type)
  })
})

describe("extractChatwootMessage", () => {
  it("reads Chatwoot's error body shapes", () => {
    expect(extractChatwootMessage({ message: "Email has already been taken", attributes: ["email"] })).toEqual({
      message: "Email has already been taken",
      attributes: ["email"],
    })
    expect(extractChatwootMessage({ error: "Resource could not be found" })).toEqual({
      message: "Resource could not be found",
      attributes: undefined,
    })
    expect(extractChatwootMessage({ errors: ["You need to sign in or sign up before continuing."] }).message).toBe(
      "You need to sign in or sign up before continuing."
    )
    expect(extractChatwootMessage({ errors: { email: ["is invalid"], name: ["can't be blank"] } }).message).toBe(
      "email is invalid; name can't be blank"
    )
    expect(extractChatwootMessage("Retry later\n").message).toBe("Retry later")
    expect(
      extractChatwootMessage("<html>\r\n<head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>").message
    ).toBe("502 Bad Gateway")
    expect(extractChatwootMessage("<p>Service <b>down</b></p>").message).toBe("Service down")
    expect(extractChatwootMessage({ status: 404, error: "Not Found" }).message).toBe("Not Found")
  })

  it("gives nothing for empty or foreign bodies", () => {
    expect(extractChatwootMessage(undefined)).toEqual({})
    expect(extractChatwootMessage("")).toEqual({})
    expect(extractChatwootMessage({ foo: 1 }).message).toBeUndefined()
    expect(extractChatwootMessage(42)).toEqual({})
  })

  it("truncates huge bodies (an HTML error page)", () => {
    const { message } = extractChatwootMessage("x".repeat(5_000))
    expect(message!.length).toBeLessThanOrEqual(501)
  })
})

describe("redact", () => {
  it("replaces every occurrence of every secret", () => {
    expect(redact("a tok_123 b tok_123 c plat_9", ["tok_123", "plat_9", undefined])).toBe(
      `a ${REDACTED} b ${REDACTED} c ${REDACTED}`
    )
    expect(redact(undefined, ["x"])).toBeUndefined()
    expect(redact("abc", ["ab"])).toBe("abc") // too short to be a token
  })
})

describe("ChatwootApiError", () => {
  it("is a MedusaError carrying Chatwoot's status, message and the operation", () => {
    const error = new ChatwootApiError({
      operation: "POST /api/v1/accounts/{account_id}/contacts",
      status: 422,
      chatwootMessage: "Email has already been taken",
      chatwootAttributes: ["email"],
      retryable: false,
    })
    expect(error).toBeInstanceOf(MedusaError)
    expect(MedusaError.isMedusaError(error)).toBe(true)
    expect(ChatwootApiError.is(error)).toBe(true)
    expect(error.type).toBe(T.DUPLICATE_ERROR)
    expect(error.isDuplicate).toBe(true)
    expect(error.message).toBe(
      "Chatwoot POST /api/v1/accounts/{account_id}/contacts failed: 422 Email has already been taken"
    )
    expect(error).toMatchObject({
      status: 422,
      retryable: false,
      chatwootMessage: "Email has already been taken",
      operation: "POST /api/v1/accounts/{account_id}/contacts",
      attempts: 1,
      maybeApplied: false,
    })
  })

  it("describes a transport failure and its attempts", () => {
    const error = new ChatwootApiError({
      operation: "GET /api/v1/profile",
      networkCode: "ETIMEDOUT",
      detail: "timeout of 50ms exceeded",
      retryable: true,
      maybeApplied: true,
      attempts: 5,
    })
    expect(error.type).toBe(T.UNEXPECTED_STATE)
    expect(error.status).toBeUndefined()
    expect(error.message).toBe(
      "Chatwoot GET /api/v1/profile failed: ETIMEDOUT (timeout of 50ms exceeded) after 5 attempts"
    )
    // JSON form (what a route would log) holds the useful fields
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      type: T.UNEXPECTED_STATE,
      operation: "GET /api/v1/profile",
      networkCode: "ETIMEDOUT",
      retryable: true,
    })
    expect(inspect(error)).toContain("ETIMEDOUT")
  })
})
