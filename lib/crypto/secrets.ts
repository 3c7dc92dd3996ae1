// Authenticated encryption for secrets stored in PostgreSQL (eMAG passwords): AES-256-GCM with a
// random 96-bit IV per value. A ciphertext is one string, "v1.<keyId>.<iv>.<tag>.<data>" (base64url
// parts), so every stored value names the key it needs and a rotation can be checked row by row.
// The associated data binds a value to where it is stored: a ciphertext copied into another row or
// column fails to decrypt instead of silently becoming that row's secret.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

export interface SecretKey {
  id: string;
  key: Buffer;
}

export class SecretError extends Error {
  constructor(
    readonly reason: "bad_key" | "unknown_key" | "malformed" | "tampered",
    message: string,
  ) {
    super(message);
    this.name = "SecretError";
  }
}

const VERSION = "v1";
const b64 = (b: Buffer) => b.toString("base64url");

/** A stable, non-secret id for a key: the first 12 hex digits of a hash of it. */
export const keyIdOf = (key: Buffer) => createHash("sha256").update("magflow-secret-key:").update(key).digest("hex").slice(0, 12);

/** 32 bytes written as 64 hex digits, base64 or base64url. Anything else is refused (never padded or hashed). */
export function parseKey(raw: string, name = "the key"): SecretKey {
  const text = raw.trim();
  let key: Buffer | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(text)) key = Buffer.from(text, "hex");
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) key = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (!key || key.length !== 32) throw new SecretError("bad_key", `${name} must be 32 bytes, written as 64 hex digits or base64 (e.g. openssl rand -base64 32)`);
  return { id: keyIdOf(key), key };
}

export function encryptSecret(plain: string, key: SecretKey, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key.key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, key.id, b64(iv), b64(cipher.getAuthTag()), b64(data)].join(".");
}

/** The key id a ciphertext was made with (undefined when it is not one of ours). */
export function cipherKeyId(cipher: string): string | undefined {
  const parts = cipher.split(".");
  return parts.length === 5 && parts[0] === VERSION ? parts[1] : undefined;
}

/** Decrypts with whichever of `keys` the ciphertext names; throws SecretError on any mismatch. */
export function decryptSecret(cipher: string, keys: readonly SecretKey[], aad: string): string {
  const parts = cipher.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) throw new SecretError("malformed", "not a MagFlow ciphertext");
  const [, id, iv, tag, data] = parts as [string, string, string, string, string];
  const key = keys.find((k) => k.id === id);
  if (!key) throw new SecretError("unknown_key", `the secret was encrypted under key ${id}, which is not configured`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretError("tampered", `the secret does not authenticate under key ${id} (altered, moved or wrong key)`);
  }
}
