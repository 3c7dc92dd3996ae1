// The stored eMAG accounts as this process sees them: an in-memory snapshot of both emag_accounts
// rows (password decrypted), read synchronously by lib/emag/config.ts. It is loaded at boot
// (ensureEmagAccounts), reloaded at once when any instance publishes "emag.account-changed" on the
// cluster bus, and re-checked every SNAPSHOT_TTL_MS against config_version in PostgreSQL, so a lost
// bus message delays a change on another instance by at most that long.
// Singletons live on globalThis because Next bundles route handlers separately from server.ts.
import { db } from "@/lib/db";
import { subscribe } from "@/lib/cluster/bus";
import { decryptSecret, type SecretKey } from "@/lib/crypto/secrets";
import { loadKeyRing } from "@/lib/crypto/keys";
import { logger } from "@/lib/logger";
import type { AccountKind } from "./kinds";

export const SNAPSHOT_TTL_MS = 10_000;

export interface StoredAccount {
  kind: AccountKind;
  version: number;
  username: string | null;
  /** Decrypted; null when none is stored or it cannot be decrypted (see `problem`). */
  password: string | null;
  baseUrl: string | null;
  problem?: string;
}

type SnapshotState = {
  accounts: Partial<Record<AccountKind, StoredAccount>>;
  loaded: boolean;
  /** Reloads are numbered as they start; an older read finishing last never overwrites a newer one. */
  started: number;
  applied: number;
  loading?: Promise<void>;
  unsubscribe?: () => void;
  timer?: NodeJS.Timeout;
};
const g = globalThis as { __magflowAccountSnapshot?: SnapshotState };
const state = (): SnapshotState => (g.__magflowAccountSnapshot ??= { accounts: {}, loaded: false, started: 0, applied: 0 });

/** Aad binding a stored password to its row and column (lib/crypto/secrets.ts). */
export const passwordAad = (kind: AccountKind) => `emag_accounts.${kind}.password`;

async function readAll(): Promise<Partial<Record<AccountKind, StoredAccount>>> {
  const rows = await db.emagAccount.findMany({ select: { kind: true, configVersion: true, username: true, passwordCipher: true, baseUrl: true } });
  const needsKey = rows.some((r) => r.passwordCipher);
  // A misconfigured key degrades the accounts to demo mode (with the reason shown); it never stops the app.
  let keys: SecretKey[] = [];
  let keyProblem: string | undefined;
  if (needsKey) keys = await loadKeyRing({ create: false }).then((r) => r.all, (err: Error) => ((keyProblem = err.message), []));
  const out: Partial<Record<AccountKind, StoredAccount>> = {};
  for (const r of rows) {
    const acc: StoredAccount = { kind: r.kind, version: r.configVersion, username: r.username, password: null, baseUrl: r.baseUrl };
    if (r.passwordCipher) {
      try {
        if (keyProblem) throw new Error(keyProblem);
        acc.password = decryptSecret(r.passwordCipher, keys, passwordAad(r.kind));
      } catch (err) {
        acc.problem = `The stored secret cannot be decrypted (${(err as Error).message}); the account runs in demo mode until the key is fixed or the credentials are saved again.`;
        logger.error({ account: r.kind, err: (err as Error).message }, "stored eMAG credentials cannot be decrypted");
      }
    }
    out[r.kind] = acc;
  }
  return out;
}

/** Re-reads both rows now (a change on this instance, or a bus message from another). */
export async function reloadAccountSnapshot(): Promise<void> {
  const s = state();
  const seq = ++s.started;
  const run = (async () => {
    const accounts = await readAll();
    if (seq < s.applied) return;
    s.accounts = accounts;
    s.applied = seq;
    s.loaded = true;
  })();
  s.loading = run;
  try {
    await run;
  } finally {
    if (s.loading === run) s.loading = undefined;
  }
}

/** The TTL check: one cheap query; a full reload only when some config_version moved. */
export async function checkAccountVersions() {
  const s = state();
  const rows = await db.emagAccount.findMany({ select: { kind: true, configVersion: true } });
  const moved = rows.some((r) => s.accounts[r.kind]?.version !== r.configVersion) || rows.length !== Object.keys(s.accounts).length;
  if (moved) await reloadAccountSnapshot();
}

/** Loads once and starts listening (bus + TTL). Safe to call often; boot awaits it. */
export async function startAccountSnapshot(): Promise<void> {
  const s = state();
  if (!s.unsubscribe) {
    s.unsubscribe = subscribe("emag.account-changed", () => reloadAccountSnapshot());
    s.timer = setInterval(() => {
      void checkAccountVersions().catch((err) => logger.warn({ err: (err as Error).message }, "eMAG account version check failed"));
    }, SNAPSHOT_TTL_MS);
    s.timer.unref();
  }
  if (!s.loaded) await (s.loading ?? reloadAccountSnapshot());
}

/** Synchronous read for lib/emag/config.ts: undefined until the snapshot is loaded. */
export function storedAccount(kind: AccountKind): StoredAccount | undefined {
  return state().accounts[kind];
}

/** Tests and shutdown: stop listening and forget the snapshot. */
export function stopAccountSnapshot() {
  const s = g.__magflowAccountSnapshot;
  if (!s) return;
  s.unsubscribe?.();
  if (s.timer) clearInterval(s.timer);
  g.__magflowAccountSnapshot = undefined;
}
