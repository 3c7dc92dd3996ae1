// Used only by prisma.config.ts (the Prisma CLI's WASM schema engine); the app never imports it.
// Works around two issues measured on this stack (see shared stack notes):
//  - the WASM engine cannot decode "char"/name catalog columns (prisma/orm#27403);
//  - the stock adapter keeps its shadow-database pool open while dropping it.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

export type PgConfig = { host: string; port: number; user: string; password: string; database: string };

export function pgConfigFrom(url: string): PgConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "postgres"),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
  };
}

export function patchPgCatalogTypes() {
  const proto = (pg as unknown as { Result: { prototype: Record<string, unknown> } }).Result.prototype;
  if (proto.__catalogTypesPatched) return;
  const addFields = proto.addFields as (fields: Array<{ dataTypeID: number }>) => unknown;
  proto.addFields = function (this: unknown, fields: Array<{ dataTypeID: number }>) {
    for (const f of fields) {
      if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25;
      else if (f.dataTypeID === 1002 || f.dataTypeID === 1003) f.dataTypeID = 1009;
    }
    return addFields.call(this, fields);
  };
  proto.__catalogTypesPatched = true;
}

export class ShadowSafePg extends PrismaPg {
  constructor(private readonly cfg: PgConfig) {
    // allowExitOnIdle: otherwise the CLI lingers ~10 s for the pool's idle timeout after its work.
    super({ ...cfg, allowExitOnIdle: true, idleTimeoutMillis: 200 });
  }

  override async connectToShadowDb() {
    const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    const admin = async (sql: string) => {
      const c = new pg.Client({ ...this.cfg, database: "postgres" });
      await c.connect();
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    };
    await admin(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg({ ...this.cfg, database, allowExitOnIdle: true }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin(`DROP DATABASE IF EXISTS "${database}"`);
    };
    return shadow;
  }
}
