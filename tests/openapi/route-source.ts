// Reads a route file's source the way a reviewer would: per exported method, the wrapper
// (withAuth / publicRoute / none), the `permission:` option, and every parseQuery/parseBody/
// parseParams call with the schema identifier it passes (resolved through the file's imports),
// plus parseFormData. Re-exports (`export { GET } from "@/app/…/route"`) are followed.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { RouteAccess } from "@/lib/api/route-permissions";
import type { OperationSpec } from "@/lib/openapi/types";

export const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type Part = "query" | "body" | "params";
const PART_OF = { parseQuery: "query", parseBody: "body", parseParams: "params" } as const satisfies Record<string, Part>;

export interface ParseCall {
  part: Part;
  identifier: string;
  /** Where the identifier is imported from ("@/lib/x") and its exported name, or null when the route file defines it. */
  from: string | null;
  exported: string;
}

export interface MethodSource {
  file: string;
  wrapper: "withAuth" | "publicRoute" | "none";
  permission: string | null;
  parses: ParseCall[];
  form: boolean;
}

export function importsOf(src: string): Map<string, { from: string; exported: string }> {
  const out = new Map<string, { from: string; exported: string }>();
  for (const m of src.matchAll(/import\s*(?:type\s*)?\{([^}]+)\}\s*from\s*"([^"]+)"/g)) {
    for (const name of m[1]!.split(",").map((s) => s.trim()).filter(Boolean)) {
      const [orig, alias] = name.replace(/^type\s+/, "").split(/\s+as\s+/);
      out.set((alias ?? orig)!.trim(), { from: m[2]!, exported: orig!.trim() });
    }
  }
  return out;
}

/** The source of one exported method: from its `export` to the next top-level `export`. */
function segmentOf(src: string, method: string): string | null {
  const starts = [...src.matchAll(/^export\s/gm)].map((m) => m.index!);
  const own = new RegExp(`^export\\s+(?:const\\s+${method}\\b|(?:async\\s+)?function\\s+${method}\\b)`, "m").exec(src);
  if (own) return src.slice(own.index, starts.find((s) => s > own.index) ?? src.length);
  // `export { handler as GET }` (a handler shared by methods): the whole file describes it.
  if (new RegExp(`^export\\s*\\{[^}]*\\bas\\s+${method}\\b[^}]*\\}\\s*;`, "m").test(src)) return src;
  return null;
}

/** What the source of `file` (relative to root) says about `method`. */
export function analyzeMethod(root: string, file: string, method: string, read = (f: string) => readFileSync(path.join(root, f), "utf8")): MethodSource {
  const src = read(file);
  const reexport = new RegExp(`^export\\s*\\{[^}]*\\b${method}\\b[^}]*\\}\\s*from\\s*"@/([^"]+)"`, "m").exec(src);
  if (reexport) return analyzeMethod(root, `${reexport[1]!.replace(/\.ts$/, "")}.ts`, method, read);
  const segment = segmentOf(src, method);
  if (segment === null) throw new Error(`${file}: no source found for ${method}`);
  const imports = importsOf(src);
  const wrapper = /=\s*withAuth\b/.test(segment) ? "withAuth" : /=\s*publicRoute\b/.test(segment) ? "publicRoute" : "none";
  const parses: ParseCall[] = [];
  for (const m of segment.matchAll(/\b(parseQuery|parseBody|parseParams)\(\s*[^,()]+,\s*([A-Za-z_$][\w$]*)\s*\)/g)) {
    const identifier = m[2]!;
    const imported = imports.get(identifier);
    parses.push({ part: PART_OF[m[1] as keyof typeof PART_OF], identifier, from: imported?.from ?? null, exported: imported?.exported ?? identifier });
  }
  return { file, wrapper, permission: /\bpermission:\s*"([^"]+)"/.exec(segment)?.[1] ?? null, parses, form: /\bparseFormData\(/.test(segment) };
}

/** The access a route's source implies, compared with its permission-map entry. */
export function accessProblems(key: string, m: MethodSource, access: RouteAccess | undefined): string[] {
  if (access === undefined) return [`${key}: no entry in lib/api/route-permissions.ts`];
  if (m.wrapper === "withAuth") {
    const fromSource = m.permission ?? "authenticated";
    return access === fromSource ? [] : [`${key}: the route requires ${fromSource} (${m.file}), the permission map says ${JSON.stringify(access)}`];
  }
  if (access === "public" || typeof access === "object") return [];
  return [`${key}: the route is not wrapped in withAuth (${m.file}), but the permission map says ${JSON.stringify(access)}`];
}

/** Every schema the route parses must be the very object its registry entry names, and the reverse. */
export async function schemaProblems(
  key: string,
  m: MethodSource,
  entry: OperationSpec,
  load: (spec: string) => Promise<Record<string, unknown>>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const part of ["query", "body", "params"] as const) {
    const calls = m.parses.filter((p) => p.part === part);
    if (calls.length > 1) problems.push(`${key}: parses its ${part} twice (${calls.map((c) => c.identifier).join(", ")})`);
    const call = calls[0];
    if (!call) {
      if (entry[part]) problems.push(`${key}: the entry has a ${part} schema, but ${m.file} parses none`);
      continue;
    }
    if (!call.from) {
      problems.push(`${key}: ${call.identifier} is defined in ${m.file}; move it to lib/<area>/ so the registry can import it`);
      continue;
    }
    const actual = (await load(call.from))[call.exported];
    if (actual === undefined) problems.push(`${key}: ${call.from} exports no ${call.exported}`);
    else if (entry[part] !== actual) problems.push(`${key}: the route parses its ${part} with ${call.identifier} (${call.from}), the entry names another schema`);
  }
  if (m.form !== Boolean(entry.form)) problems.push(`${key}: ${m.form ? "the route reads multipart form data, the entry describes no form" : "the entry describes a form the route never reads"}`);
  return problems;
}
