// The app's route templates, read once from the route files under app/ (the server runs from
// source, so they are on disk), for metric labels that never carry a raw path: an id, a token or
// a random path cannot become a label value, so label sets stay as small as the route table.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

type Segment = { kind: "static"; value: string } | { kind: "param"; name: string } | { kind: "catchAll"; optional: boolean };
export interface RouteTemplate {
  label: string;
  segments: Segment[];
}

const ROUTE_FILE = /^(route|page)\.(ts|tsx|js|jsx)$/;

/** One folder name as a URL segment: null when it adds none (route groups, parallel-route slots). */
function segmentOf(dir: string): Segment | null {
  if (/^\(.*\)$/.test(dir) || dir.startsWith("@")) return null;
  const optionalCatchAll = dir.match(/^\[\[\.\.\.(.+)\]\]$/);
  if (optionalCatchAll) return { kind: "catchAll", optional: true };
  if (/^\[\.\.\..+\]$/.test(dir)) return { kind: "catchAll", optional: false };
  const param = dir.match(/^\[(.+)\]$/);
  if (param) return { kind: "param", name: param[1]! };
  return { kind: "static", value: dir };
}

/** `[id]` -> `:id`, `[...x]` -> `*`. */
const labelOf = (segments: Segment[]) =>
  `/${segments.map((s) => (s.kind === "static" ? s.value : s.kind === "param" ? `:${s.name}` : "*")).join("/")}`;

/** Static segments before dynamic ones, dynamic before catch-all, as Next resolves them. */
function compare(a: RouteTemplate, b: RouteTemplate) {
  const rank = (s: Segment | undefined) => (s === undefined ? -1 : s.kind === "static" ? 0 : s.kind === "param" ? 1 : 2);
  for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
    const d = rank(a.segments[i]) - rank(b.segments[i]);
    if (d !== 0) return d;
  }
  return 0;
}

/** Scans `appDir` for route and page files. */
export function scanRouteTemplates(appDir: string): RouteTemplate[] {
  const out = new Map<string, RouteTemplate>();
  const walk = (dir: string, dirs: string[]) => {
    for (const entry of readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        // Private folders (_x) are not routes; intercepting routes ((.)x, (..)x) show a route that exists elsewhere.
        const skip = entry.name.startsWith("_") || /^\(\.+\)/.test(entry.name) || entry.name === "node_modules";
        if (!skip) walk(path.join(dir, entry.name), [...dirs, entry.name]);
      } else if (ROUTE_FILE.test(entry.name)) {
        const segments = dirs.map(segmentOf).filter((s): s is Segment => s !== null);
        const label = labelOf(segments);
        out.set(label, { label, segments });
      }
    }
  };
  if (existsSync(/*turbopackIgnore: true*/ appDir)) walk(appDir, []);
  return [...out.values()].sort(compare);
}

function matches(t: RouteTemplate, parts: string[]): boolean {
  for (let i = 0; i < t.segments.length; i++) {
    const s = t.segments[i]!;
    if (s.kind === "catchAll") return parts.length > i || s.optional;
    const part = parts[i];
    if (part === undefined || part === "") return false;
    if (s.kind === "static" && s.value !== part) return false;
  }
  return parts.length === t.segments.length;
}

/** The template a path belongs to, or null. `pathname` has no query string. */
export function matchRoute(templates: RouteTemplate[], pathname: string): string | null {
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  const parts = trimmed === "/" || trimmed === "" ? [] : trimmed.slice(1).split("/");
  for (const t of templates) if (matches(t, parts)) return t.label;
  return null;
}
