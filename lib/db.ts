// The only PrismaClient. Created on first use (DATABASE_URL may be resolved at boot, when the
// embedded PostgreSQL starts) and cached on globalThis so Next's bundles and server.ts share it.
import { PrismaPg } from "@prisma/adapter-pg";
import { createPgPool, databaseUrl } from "@/lib/db/pools";
import { PrismaClient } from "@/lib/generated/prisma/client";

type DbGlobal = { __magflowDb?: PrismaClient };
const g = globalThis as DbGlobal;

export function getDb(): PrismaClient {
  if (!g.__magflowDb) {
    // The adapter takes a pg.Pool: ours (PgSafeClient: no NUL reaches PostgreSQL). It ends it on $disconnect.
    const pool = createPgPool("prisma", databaseUrl());
    g.__magflowDb = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  }
  return g.__magflowDb;
}

/** Lazy handle: `db.user.findMany(...)` creates the client on first use. */
export const db = new Proxy({} as PrismaClient, {
  get: (_t, prop) => Reflect.get(getDb(), prop),
});

export async function disconnectDb() {
  if (g.__magflowDb) {
    await g.__magflowDb.$disconnect();
    g.__magflowDb = undefined;
  }
}
