// Injected failures, decided per request before any state change, so a failed save never applied.
// Shapes follow what magflow saw live: 504/502 gateway pages (HTML) and 500s, plus hangs that only
// a client timeout ends.
import type { Rng } from "./prng";

export type FaultKind = "500" | "502" | "504" | "hang";

export function pickFault(rng: Rng, rate: number): FaultKind | undefined {
  if (rate <= 0 || rng.next() >= rate) return undefined;
  return rng.weighted([["504", 35], ["502", 25], ["500", 25], ["hang", 15]] as const);
}

export function faultResponse(kind: Exclude<FaultKind, "hang">): { status: number; contentType: string; body: string } {
  if (kind === "500") return { status: 500, contentType: "application/json", body: JSON.stringify({ message: "An unexpected error occurred" }) };
  const title = kind === "502" ? "502 Bad Gateway" : "504 Gateway Time-out";
  return { status: Number(kind), contentType: "text/html", body: `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center></body></html>` };
}

/** "3000-4000" -> [3000, 4000]; "0" -> 0. */
export function parseLatency(v: string | number | [number, number] | undefined): number | [number, number] {
  if (v === undefined) return 0;
  if (typeof v === "number" || Array.isArray(v)) return v;
  const [a, b] = v.split("-").map(Number);
  return b === undefined ? (a ?? 0) : [a ?? 0, b];
}

export function latencyFor(rng: Rng, latency: number | [number, number]): number {
  if (typeof latency === "number") return latency;
  return latency[0] + Math.floor(rng.next() * (latency[1] - latency[0] + 1));
}
