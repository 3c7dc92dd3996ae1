// Key rotation for stored credentials: every ciphertext is decrypted with the key it names (from
// the old keys) and encrypted again under the new key, all rows in one transaction: either every
// row moves to the new key or none does. Plain values do not change, so running instances keep
// their decrypted snapshot; they need the new key (restart with MAGFLOW_ENCRYPTION_KEY) before
// their next reload. Run it again at any time: rows already under the new key are left alone.
import { db } from "@/lib/db";
import { passwordAad } from "@/lib/accounts/snapshot";
import type { AccountKind } from "@/lib/accounts/kinds";
import { cipherKeyId, decryptSecret, encryptSecret, type SecretKey } from "./secrets";

export interface RotationResult {
  to: string;
  rotated: { kind: AccountKind; from: string | undefined }[];
  alreadyCurrent: AccountKind[];
}

/** `check`: report what would move (and prove every value decrypts), change nothing. */
export async function rotateStoredSecrets(opts: { from: readonly SecretKey[]; to: SecretKey; check?: boolean }): Promise<RotationResult> {
  const keys = [opts.to, ...opts.from];
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ kind: AccountKind; password_cipher: string }[]>`
      SELECT kind::text AS kind, password_cipher FROM emag_accounts WHERE password_cipher IS NOT NULL ORDER BY kind FOR UPDATE`;
    const result: RotationResult = { to: opts.to.id, rotated: [], alreadyCurrent: [] };
    for (const r of rows) {
      const from = cipherKeyId(r.password_cipher);
      const plain = decryptSecret(r.password_cipher, keys, passwordAad(r.kind)); // throws: nothing is committed
      if (from === opts.to.id) {
        result.alreadyCurrent.push(r.kind);
        continue;
      }
      result.rotated.push({ kind: r.kind, from });
      if (!opts.check)
        await tx.emagAccount.update({ where: { kind: r.kind }, data: { passwordCipher: encryptSecret(plain, opts.to, passwordAad(r.kind)), keyId: opts.to.id } });
    }
    return result;
  });
}
