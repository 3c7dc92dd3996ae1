// Every route handler of the app, found the way Next finds them: app/**/route.ts, each exported
// HTTP method. R3 and R4 drive them from lib/api/route-permissions.ts.
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { routeTemplate } from "@/lib/api/route-permissions";
import type { call } from "../../helpers/api";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type Handler = Parameters<typeof call>[0];

export interface DiscoveredRoute {
  key: string; // "METHOD /path/template", as in routePermissions
  method: string;
  template: string;
  file: string;
  handler: Handler;
  params: string[];
}

export function routeFiles(): string[] {
  return (readdirSync(path.join(root, "app"), { recursive: true }) as string[])
    .map((f) => f.replace(/\\/g, "/"))
    .filter((f) => f === "route.ts" || f.endsWith("/route.ts"))
    .map((f) => `app/${f}`)
    .sort();
}

export async function discoverRoutes(): Promise<DiscoveredRoute[]> {
  const out: DiscoveredRoute[] = [];
  for (const file of routeFiles()) {
    const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    const template = routeTemplate(file);
    const params = [...template.matchAll(/\{(?:\.\.\.)?([^}]+)\}/g)].map((m) => m[1]!);
    for (const method of METHODS) {
      if (typeof mod[method] === "function") out.push({ key: `${method} ${template}`, method, template, file, handler: mod[method] as Handler, params });
    }
  }
  return out;
}

/** Percent-encoding; a lone surrogate (which has no UTF-8 form) is sent as the invalid bytes it would be. */
export const encodeSegment = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...s].map((c) => (/[\uD800-\uDFFF]/.test(c) ? "%ED%A0%80" : encodeURIComponent(c))).join("");
  }
};

/** The concrete path for a template and param values (what Next would have been asked for). */
export const pathFor = (template: string, values: Record<string, string>, query = "") =>
  template.replace(/\{(?:\.\.\.)?([^}]+)\}/g, (_, name: string) => encodeSegment(values[name] ?? "x")) + query;
