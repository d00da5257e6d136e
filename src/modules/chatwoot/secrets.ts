import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Encrypts the Chatwoot tokens and secrets the plugin stores (AES-256-GCM).
 *
 * Stored format: `v1.<key id>.<iv>.<ciphertext>.<tag>` (base64url parts). The
 * key is derived from `encryption_key` with HKDF-SHA256; the key id (first
 * bytes of a hash of the derived key) tells which key encrypted a value, so
 * `previous_encryption_keys` can still decrypt rows written before a rotation
 * while new writes use the current key. `purpose` is bound as additional
 * authenticated data: a ciphertext copied into another column does not decrypt.
 */
export class SecretBox {
  private readonly current: { id: string; key: Buffer }
  private readonly keys: Map<string, Buffer>

  constructor(encryptionKey: string, previousKeys: string[] = []) {
    const derived = [encryptionKey, ...previousKeys].map(deriveKey)
    this.current = derived[0]
    this.keys = new Map(derived.map((k) => [k.id, k.key]))
  }

  encrypt(purpose: string, plaintext: string): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv("aes-256-gcm", this.current.key, iv)
    cipher.setAAD(Buffer.from(purpose, "utf8"))
    const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()])
    return ["v1", this.current.id, b64(iv), b64(ciphertext), b64(cipher.getAuthTag())].join(".")
  }

  decrypt(purpose: string, stored: string): string {
    const parts = stored.split(".")
    if (parts.length !== 5 || parts[0] !== "v1") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Stored Chatwoot ${purpose} is not an encrypted value`)
    }
    const [, keyId, iv, ciphertext, tag] = parts
    const key = this.keys.get(keyId)
    if (!key) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Stored Chatwoot ${purpose} was encrypted with a key that is neither encryption_key nor one of previous_encryption_keys`
      )
    }
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, fromB64(iv))
      decipher.setAAD(Buffer.from(purpose, "utf8"))
      decipher.setAuthTag(fromB64(tag))
      return Buffer.concat([decipher.update(fromB64(ciphertext)), decipher.final()]).toString("utf8")
    } catch {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Stored Chatwoot ${purpose} could not be decrypted`)
    }
  }

  /** True when the value was written with an older key and should be re-encrypted. */
  needsRotation(stored: string): boolean {
    return stored.split(".")[1] !== this.current.id
  }
}

/** What is encrypted at rest; each purpose is bound into its ciphertext. */
export type SecretPurpose = "access_token" | "webhook_secret" | "dashboard_app_secret" | "hmac_token" | "api_inbox_secret"

/** A 32-byte key derived from `encryption_key` (HKDF-SHA256) for one use, named by `info`; each use gets its own key. */
export function derivedKey(encryptionKey: string, info: string): Buffer {
  return Buffer.from(hkdfSync("sha256", Buffer.from(encryptionKey, "utf8"), "medusa-plugin-chatwoot", info, 32))
}

function deriveKey(secret: string) {
  const key = derivedKey(secret, "stored-secrets-v1")
  const id = createHash("sha256").update(key).digest("base64url").slice(0, 8)
  return { id, key }
}

const b64 = (b: Buffer) => b.toString("base64url")
const fromB64 = (s: string) => Buffer.from(s, "base64url")
