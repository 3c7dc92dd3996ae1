import { db } from "@/lib/db";
import { emagAccountConfig } from "@/lib/emag/config";
import { jobMode } from "@/lib/jobs/mode";
import { checkDatabase, version } from "@/lib/system/health";
import { lastHealthCheck } from "@/lib/system/health-job";


/** The summary every signed-in role may see (the detailed report is admin only). */
export async function systemStatus() {
  const [database, last, accounts] = await Promise.all([
    checkDatabase(),
    lastHealthCheck(),
    db.emagAccount.findMany({ select: { kind: true, displayName: true, credentialsRef: true }, orderBy: { kind: "asc" } }),
  ]);
  return {
    status: database.status,
    version,
    uptimeSeconds: Math.round(process.uptime()),
    // Per account, as the clients see it: stored credentials (eMAG accounts page) or environment
    // variables make an account live; demo mode is both accounts on the simulator.
    demoMode: emagAccountConfig("main").mode === "demo" && emagAccountConfig("fbe").mode === "demo",
    inngestMode: jobMode().mode,
    database: { status: database.status },
    lastHealthCheck: last ? { status: last.status, source: last.source, createdAt: last.createdAt.toISOString() } : null,
    accounts: accounts.map((a) => ({
      kind: a.kind,
      displayName: a.displayName,
      mode: emagAccountConfig(a.kind).mode,
    })),
  };
}
