import { db } from "@/lib/db";
import { emagCredentials } from "@/lib/env";
import { accountKinds, type AccountKind } from "./kinds";
import { startAccountSnapshot } from "./snapshot";

export const defaultAccountNames = { main: "eMAG MAIN (seller-fulfilled)", fbe: "eMAG FBE (fulfilled by eMAG)" } as const;

/** Names where the secret in use lives: environment variables, this row (encrypted), or the simulator. */
export const credentialsRefFor = (kind: AccountKind, hasStored: boolean) =>
  emagCredentials(kind) ? `env:EMAG_${kind.toUpperCase()}_USERNAME` : hasStored ? "db:emag_accounts.password_cipher" : "demo:simulator";

/**
 * One row per account kind, then the in-process snapshot of stored credentials (boot awaits it, so
 * the first eMAG call already uses them).
 */
export async function ensureEmagAccounts() {
  for (const kind of accountKinds) {
    const row = await db.emagAccount.upsert({
      where: { kind },
      create: { kind, displayName: defaultAccountNames[kind], credentialsRef: credentialsRefFor(kind, false) },
      update: {},
      select: { credentialsRef: true, passwordCipher: true },
    });
    const ref = credentialsRefFor(kind, !!row.passwordCipher);
    if (row.credentialsRef !== ref) await db.emagAccount.update({ where: { kind }, data: { credentialsRef: ref } });
  }
  await startAccountSnapshot();
}
