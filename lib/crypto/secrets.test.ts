import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cipherKeyId, decryptSecret, encryptSecret, keyIdOf, parseKey, SecretError } from "./secrets";

const key = parseKey(randomBytes(32).toString("base64"));
const other = parseKey(randomBytes(32).toString("hex"));
const aad = "emag_accounts.main.password";

const reasonOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof SecretError ? err.reason : "other";
  }
  return "none";
};

describe("AES-256-GCM secrets", () => {
  it("round-trips, with a fresh IV each time and the key id in the ciphertext", () => {
    const plain = "pärolă-secretă-ünicode-🔑";
    const a = encryptSecret(plain, key, aad);
    const b = encryptSecret(plain, key, aad);
    expect(a).not.toBe(b);
    expect(a).not.toContain(plain);
    expect(cipherKeyId(a)).toBe(key.id);
    expect(decryptSecret(a, [other, key], aad)).toBe(plain);
  });

  it("detects tampering with the data, the tag, the IV or the bound location", () => {
    const c = encryptSecret("s3cret", key, aad);
    const parts = c.split(".");
    const flip = (i: number) => {
      const copy = [...parts];
      const bytes = Buffer.from(copy[i]!, "base64url");
      bytes[0] = bytes[0]! ^ 1;
      copy[i] = bytes.toString("base64url");
      return copy.join(".");
    };
    for (const i of [2, 3, 4]) expect(reasonOf(() => decryptSecret(flip(i), [key], aad))).toBe("tampered");
    expect(reasonOf(() => decryptSecret(c, [key], "emag_accounts.fbe.password"))).toBe("tampered");
    expect(reasonOf(() => decryptSecret("plain-text", [key], aad))).toBe("malformed");
  });

  it("refuses a wrong key: unknown id, or a key that claims the id but differs", () => {
    const c = encryptSecret("s3cret", key, aad);
    expect(reasonOf(() => decryptSecret(c, [other], aad))).toBe("unknown_key");
    const impostor = { id: key.id, key: other.key };
    expect(reasonOf(() => decryptSecret(c, [impostor], aad))).toBe("tampered");
  });

  it("accepts 32-byte keys as hex, base64 or base64url and nothing else", () => {
    const raw = randomBytes(32);
    const ids = [raw.toString("hex"), raw.toString("base64"), raw.toString("base64url")].map((t) => parseKey(t).id);
    expect(new Set(ids)).toEqual(new Set([keyIdOf(raw)]));
    for (const bad of ["", "short", randomBytes(16).toString("hex"), randomBytes(31).toString("base64"), "z".repeat(64)])
      expect(reasonOf(() => parseKey(bad))).toBe("bad_key");
  });
});
