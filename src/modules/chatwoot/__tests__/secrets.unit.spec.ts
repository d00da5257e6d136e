import { SecretBox } from "../secrets"

const KEY = "a".repeat(32)
const OTHER = "b".repeat(32)

describe("SecretBox", () => {
  it("round-trips a secret and never stores the plaintext", () => {
    const box = new SecretBox(KEY)
    const stored = box.encrypt("webhook_secret", "s3cret-value")
    expect(stored).not.toContain("s3cret-value")
    expect(stored.startsWith("v1.")).toBe(true)
    expect(box.decrypt("webhook_secret", stored)).toBe("s3cret-value")
  })

  it("uses a fresh IV: the same secret encrypts differently each time", () => {
    const box = new SecretBox(KEY)
    expect(box.encrypt("p", "x")).not.toBe(box.encrypt("p", "x"))
  })

  it("cannot be read without the key", () => {
    const stored = new SecretBox(KEY).encrypt("access_token", "token")
    expect(() => new SecretBox(OTHER).decrypt("access_token", stored)).toThrow(/key that is neither/)
  })

  it("binds the purpose: a value moved to another column does not decrypt", () => {
    const box = new SecretBox(KEY)
    const stored = box.encrypt("access_token", "token")
    expect(() => box.decrypt("hmac_token", stored)).toThrow(/could not be decrypted/)
  })

  it("detects tampering", () => {
    const box = new SecretBox(KEY)
    const parts = box.encrypt("p", "token").split(".")
    parts[3] = Buffer.from("tampered").toString("base64url")
    expect(() => box.decrypt("p", parts.join("."))).toThrow(/could not be decrypted/)
    expect(() => box.decrypt("p", "plaintext-token")).toThrow(/not an encrypted value/)
  })

  it("supports key rotation through previous keys", () => {
    const old = new SecretBox(OTHER).encrypt("p", "token")
    const rotated = new SecretBox(KEY, [OTHER])
    expect(rotated.decrypt("p", old)).toBe("token")
    expect(rotated.needsRotation(old)).toBe(true)
    const fresh = rotated.encrypt("p", "token")
    expect(rotated.needsRotation(fresh)).toBe(false)
    expect(new SecretBox(KEY).decrypt("p", fresh)).toBe("token")
  })

  it("never puts the secret or the key in an error", () => {
    const stored = new SecretBox(KEY).encrypt("p", "token-xyz")
    try {
      new SecretBox(OTHER).decrypt("p", stored)
    } catch (e) {
      expect(String((e as Error).message)).not.toContain("token-xyz")
      expect(String((e as Error).message)).not.toContain(OTHER)
      return
    }
    throw new Error("expected a failure")
  })
})
