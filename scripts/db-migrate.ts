// npm run db:migrate       apply pending migrations (the same migrator the server runs at boot)
// npm run db:migrate:dev   create a new migration from schema.prisma (Prisma CLI, WASM engine)
import { spawnSync } from "node:child_process";
import { bootInfrastructure } from "@/lib/boot/infrastructure";
import { env } from "@/lib/env";

const infra = await bootInfrastructure(); // starts the embedded database when DATABASE_URL is unset
try {
  if (process.argv[2] === "dev") {
    const name = process.argv[3] ?? "change";
    const res = spawnSync("npx", ["prisma", "migrate", "dev", "--name", name], {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: env().DATABASE_URL }, // eslint-disable-line no-restricted-properties
    });
    process.exitCode = res.status ?? 1;
  }
} finally {
  await infra.embedded?.stop();
}
