// Where the credentials key comes from. MAGFLOW_ENCRYPTION_KEY wins. Without it, the key lives in
// the data folder's secrets.json (the file the embedded default keeps NEXTAUTH_SECRET in, written by
// the same dataSecret helper): generated on first need in development, and in production only when
// that file is already in use (the zero-configuration default). Otherwise storing is refused.
// MAGFLOW_ENCRYPTION_KEY_OLD (and a data-folder key that is no longer the current one) still
// decrypt, so instances keep reading values while a rotation rolls out.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/api/errors";
import { env, isProduction } from "@/lib/env";
import { parseKey, type SecretKey } from "./secrets";

export const DATA_SECRET_KEY = "credentialsKey";

export interface KeyRing {
  /** The key new values are encrypted under; null when none is configured (storing is refused). */
  current: SecretKey | null;
  /** Every key that may decrypt: current first. */
  all: SecretKey[];
  source: "env" | "data-dir" | "none";
  /** Why there is no current key (shown to the admin). */
  missing?: string;
}

async function readDataSecrets(dataDir: string): Promise<Record<string, string> | undefined> {
  const file = path.join(dataDir, "secrets.json");
  if (!existsSync(file)) return undefined;
  return JSON.parse(await readFile(file, "utf8")) as Record<string, string>;
}

/** Resolves the key ring; `create` (default true) lets it generate the data-folder key where allowed. */
export async function loadKeyRing(opts: { create?: boolean } = {}): Promise<KeyRing> {
  const e = env();
  const dataDir = path.resolve(e.DATA_DIR);
  const fileSecrets = await readDataSecrets(dataDir);
  const fileKey = fileSecrets?.[DATA_SECRET_KEY] ? parseKey(fileSecrets[DATA_SECRET_KEY], `${DATA_SECRET_KEY} in ${dataDir}/secrets.json`) : undefined;
  const old = e.MAGFLOW_ENCRYPTION_KEY_OLD ? parseKey(e.MAGFLOW_ENCRYPTION_KEY_OLD, "MAGFLOW_ENCRYPTION_KEY_OLD") : undefined;
  const ring = (current: SecretKey | null, source: KeyRing["source"], missing?: string): KeyRing => {
    const all = [current, old, fileKey].filter((k): k is SecretKey => !!k);
    return { current, all: all.filter((k, i) => all.findIndex((o) => o.id === k.id) === i), source, missing };
  };

  if (e.MAGFLOW_ENCRYPTION_KEY) return ring(parseKey(e.MAGFLOW_ENCRYPTION_KEY, "MAGFLOW_ENCRYPTION_KEY"), "env");
  if (fileKey) return ring(fileKey, "data-dir");
  // Production generates only into a data folder already in use by the embedded default.
  if (opts.create !== false && (!isProduction() || fileSecrets)) {
    const { dataSecret } = await import("@/lib/db/embedded");
    return ring(parseKey(await dataSecret(dataDir, DATA_SECRET_KEY), DATA_SECRET_KEY), "data-dir");
  }
  return ring(
    null,
    "none",
    "No encryption key for stored credentials: set MAGFLOW_ENCRYPTION_KEY (32 bytes, e.g. `openssl rand -base64 32`) and restart. Until then, eMAG credentials can only come from EMAG_<KIND>_USERNAME/PASSWORD.",
  );
}

/** Whether credentials can be stored here, and if not, why (for the accounts page). Never creates a key. */
export async function keyStatus(): Promise<{ can_store: boolean; source: KeyRing["source"] | "generated-on-first-save"; message: string | null }> {
  try {
    const ring = await loadKeyRing({ create: false });
    if (ring.current) return { can_store: true, source: ring.source, message: null };
    const creatable = !isProduction() || !!(await readDataSecrets(path.resolve(env().DATA_DIR)));
    return creatable ? { can_store: true, source: "generated-on-first-save", message: null } : { can_store: false, source: "none", message: ring.missing ?? null };
  } catch (err) {
    return { can_store: false, source: "none", message: (err as Error).message };
  }
}

/** The key to store under, or a 503 that says how to configure one. */
export async function requireStorageKey(): Promise<{ ring: KeyRing; key: SecretKey }> {
  let ring: KeyRing;
  try {
    ring = await loadKeyRing();
  } catch (err) {
    throw new AppError("unavailable", `Cannot store credentials: ${(err as Error).message}`);
  }
  if (!ring.current) throw new AppError("unavailable", ring.missing ?? "No encryption key for stored credentials");
  return { ring, key: ring.current };
}
