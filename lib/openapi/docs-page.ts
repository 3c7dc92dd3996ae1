// The interactive reference at /api/docs: Swagger UI from the installed swagger-ui-dist package
// (machines may be offline, so no CDN), read from node_modules at runtime, plus MagFlow's own
// start-up script and styles. No inline script: the page works under a CSP without 'unsafe-inline'.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

const FROM_PACKAGE = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "favicon-32x32.png": "image/png",
  "favicon-16x16.png": "image/png",
} as const;

// The document URL and a bearer-token "Authorize" (from the document's securitySchemes); the
// session cookie goes along with "Try it out" calls anyway, as they are same-origin.
const INIT_JS = `window.addEventListener("DOMContentLoaded", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    displayOperationId: true,
    filter: true,
    validatorUrl: null,
    docExpansion: "list",
    defaultModelsExpandDepth: 0,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
`;

const MAGFLOW_CSS = `body { margin: 0; }
.mf-bar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: baseline; padding: 12px 20px; background: #1f1f1f; color: #fff; font-family: sans-serif; }
.mf-bar a { color: #fff; }
.mf-bar strong { font-size: 18px; }
.swagger-ui .wrapper { padding: 0 12px; }
/* Phones: the tag's description goes under its name, and an operation shows method and path only
   (summary and id are one tap away, in the expanded operation). */
@media (max-width: 600px) {
  .swagger-ui .opblock-tag { flex-wrap: wrap; }
  .swagger-ui .opblock-tag small { flex: 1 1 100%; padding: 4px 0 0; }
  .swagger-ui .opblock .opblock-summary-description, .swagger-ui .opblock .opblock-summary-operation-id { display: none; }
  .swagger-ui .opblock .opblock-summary-path { max-width: none; flex: 1 1 auto; word-break: break-all; }
  .swagger-ui .info .title { font-size: 28px; }
}
`;

const OWN = {
  "magflow-init.js": { contentType: "text/javascript; charset=utf-8", text: INIT_JS },
  "magflow.css": { contentType: "text/css; charset=utf-8", text: MAGFLOW_CSS },
} as const;

export const DOCS_ASSETS = [...Object.keys(FROM_PACKAGE), ...Object.keys(OWN)] as [string, ...string[]];

/** GET /api/docs/assets/{file}: one of the files above, nothing else (no path is built from input). */
export const docsAssetParamsSchema = z.object({ file: z.enum(DOCS_ASSETS, { message: `must be one of ${DOCS_ASSETS.join(", ")}` }) });

const packageDir = () => path.join(process.cwd(), "node_modules", "swagger-ui-dist"); // the server runs from the repo root
const cache = new Map<string, Uint8Array>();

export async function readDocsAsset(file: string): Promise<{ bytes: Uint8Array; contentType: string } | null> {
  if (file in OWN) {
    const own = OWN[file as keyof typeof OWN];
    return { bytes: new TextEncoder().encode(own.text), contentType: own.contentType };
  }
  if (!(file in FROM_PACKAGE)) return null;
  let bytes = cache.get(file);
  if (!bytes) {
    bytes = new Uint8Array(await readFile(/*turbopackIgnore: true*/ path.join(packageDir(), file)));
    cache.set(file, bytes);
  }
  return { bytes, contentType: FROM_PACKAGE[file as keyof typeof FROM_PACKAGE] };
}

const asset = (file: (typeof DOCS_ASSETS)[number]) => `/api/docs/assets/${file}`;

export function docsPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>MagFlow API reference</title>
<link rel="icon" type="image/png" href="${asset("favicon-32x32.png")}">
<link rel="stylesheet" href="${asset("swagger-ui.css")}">
<link rel="stylesheet" href="${asset("magflow.css")}">
</head>
<body>
<header class="mf-bar"><strong>MagFlow API reference</strong><a href="/">Back to MagFlow</a><a href="/api/openapi.json">openapi.json</a></header>
<main id="swagger-ui"></main>
<script src="${asset("swagger-ui-bundle.js")}"></script>
<script src="${asset("magflow-init.js")}"></script>
</body>
</html>
`;
}
