// The only PrismaClient. Created on first use (DATABASE_URL may be resolved at boot, when the
// embedded PostgreSQL starts) and cached on globalThis so Next's bundles and server.ts share it.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

type DbGlobal = { __magflowDb?: PrismaClient };
const g = globalThis as DbGlobal;

export function getDb(): PrismaClient {
  if (!g.__magflowDb) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not resolved yet (the server must boot the database first)");
    g.__magflowDb = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 20 }) });
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
