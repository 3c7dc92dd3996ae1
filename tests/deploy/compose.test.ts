// docker-compose.yml is the deployable stack (two app instances, a proxy, PostgreSQL, Redis and
// the Inngest server). No Docker engine runs here, so this reads the file: its services and wiring
// are what the README's Deploy section says, and what `npm run cluster` runs without Docker.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { envSchema } from "@/lib/env";

const root = path.resolve(import.meta.dirname, "../..");
type Service = { image?: string; build?: string; environment?: Record<string, string>; command?: string[]; depends_on?: unknown; volumes?: string[] };
const compose = parse(readFileSync(path.join(root, "docker-compose.yml"), "utf8"), { merge: true }) as { services: Record<string, Service> };
const readme = readFileSync(path.join(root, "README.md"), "utf8");
const deploy = readme.slice(readme.indexOf("## Deploy"), readme.indexOf("\n## ", readme.indexOf("## Deploy") + 3));
const nginx = readFileSync(path.join(root, "deploy/nginx.conf"), "utf8");

describe("docker-compose.yml", () => {
  const s = compose.services;
  const apps = Object.entries(s).filter(([, v]) => v.build);

  it("runs two app instances, nginx, PostgreSQL, Redis and the Inngest server", () => {
    expect(apps.map(([k]) => k).sort()).toEqual(["app1", "app2"]);
    expect(s.proxy?.image).toMatch(/^nginx/);
    expect(s.postgres?.image).toMatch(/^postgres/);
    expect(s.redis?.image).toMatch(/^redis/);
    expect(s.inngest?.image).toMatch(/^inngest\/inngest/);
  });

  it("gives every instance the same database, Redis, secrets and Inngest keys, and its own name", () => {
    const shared = ["DATABASE_URL", "REDIS_URL", "NEXTAUTH_SECRET", "MAGFLOW_ENCRYPTION_KEY", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY", "INNGEST_BASE_URL"];
    for (const key of shared) expect(new Set(apps.map(([, v]) => v.environment?.[key])).size, key).toBe(1);
    expect(apps.map(([, v]) => v.environment?.INSTANCE_NAME).sort()).toEqual(["app1", "app2"]);
    expect(apps[0]![1].environment?.REDIS_URL).toContain("redis:6379");
    expect(apps[0]![1].environment?.DATABASE_URL).toContain("@postgres:5432/");
  });

  it("sets only variables the app knows", () => {
    const known = new Set(Object.keys(envSchema.shape));
    for (const [, v] of apps) for (const key of Object.keys(v.environment ?? {})) expect(known.has(key), key).toBe(true);
  });

  it("balances over both instances, websockets included", () => {
    for (const [name] of apps) expect(nginx).toContain(`server ${name}:3000`);
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade/);
  });

  it("is what the README's Deploy section describes", () => {
    expect(deploy.length).toBeGreaterThan(200);
    for (const name of Object.keys(s)) expect(deploy, `README Deploy mentions ${name}`).toContain(`\`${name}\``);
    expect(deploy).toContain("docker compose up");
    expect(deploy).toContain("npm run cluster");
    expect(deploy).toMatch(/sticky/i);
  });
});
