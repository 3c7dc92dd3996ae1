import { db } from "@/lib/db";
import { emagCredentials } from "@/lib/env";

const names = { main: "eMAG MAIN (seller-fulfilled)", fbe: "eMAG FBE (fulfilled by eMAG)" } as const;

/**
 * One row per account kind. The credentials reference names where the secret lives (environment
 * variables, or the built-in simulator in demo mode); the secret itself is never stored.
 */
export async function ensureEmagAccounts() {
  for (const kind of ["main", "fbe"] as const) {
    const credentialsRef = emagCredentials(kind) ? `env:EMAG_${kind.toUpperCase()}_USERNAME` : "demo:simulator";
    await db.emagAccount.upsert({
      where: { kind },
      create: { kind, displayName: names[kind], credentialsRef },
      update: { credentialsRef },
    });
  }
}
