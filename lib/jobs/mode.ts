// Which engine runs background jobs: Inngest's dev server, Inngest cloud, or the in-process
// fallback. Decided at boot by server.ts and read by the health page.
import { env, inngestDevMode, isProduction } from "@/lib/env";

export type JobMode = "dev" | "cloud" | "in-process";

type ModeGlobal = { __magflowJobMode?: { mode: JobMode; reason: string } };
const g = globalThis as ModeGlobal;

export const inngestDevServerUrl = () => env().INNGEST_BASE_URL ?? "http://127.0.0.1:8288";

async function reachable(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(800) });
    return res.status < 500;
  } catch {
    return false;
  }
}

export async function detectJobMode(): Promise<{ mode: JobMode; reason: string }> {
  if (inngestDevMode()) {
    const url = inngestDevServerUrl();
    return (await reachable(url))
      ? { mode: "dev", reason: `Inngest dev server at ${url}` }
      : { mode: "in-process", reason: `no Inngest dev server at ${url}; schedules run in-process` };
  }
  if (isProduction() && env().INNGEST_SIGNING_KEY) return { mode: "cloud", reason: "Inngest cloud (signing key set)" };
  return { mode: "in-process", reason: "Inngest cloud is not configured (no INNGEST_SIGNING_KEY); schedules run in-process" };
}

export function setJobMode(v: { mode: JobMode; reason: string }) {
  g.__magflowJobMode = v;
}

export function jobMode(): { mode: JobMode; reason: string } {
  return g.__magflowJobMode ?? { mode: "in-process", reason: "not started by server.ts" };
}
