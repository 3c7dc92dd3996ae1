import path from "node:path";
import { defineConfig } from "prisma/config";
import { patchPgCatalogTypes, pgConfigFrom, ShadowSafePg } from "./prisma/migration-tools";

// The schema's url must resolve even though the adapter is used, or the CLI falls back to the
// native engine (which cannot be downloaded here). `generate` needs no real database.
// eslint-disable-next-line no-restricted-properties -- the Prisma CLI runs outside lib/env.ts
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.ts" },
  async adapter() {
    patchPgCatalogTypes();
    // eslint-disable-next-line no-restricted-properties -- see above
    return new ShadowSafePg(pgConfigFrom(process.env.DATABASE_URL!));
  },
});
