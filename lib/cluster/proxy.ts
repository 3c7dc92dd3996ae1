// A small round-robin reverse proxy for `npm run cluster` and the multi-instance tests: HTTP
// requests and websocket upgrades go to the next instance that accepts a connection. No sticky
// sessions: MagFlow's browser client opens Socket.IO websocket-only, and every instance can serve
// every request (state is in PostgreSQL and Redis). In production, use nginx, HAProxy or a cloud
// load balancer instead (docker-compose.yml ships nginx); this one exists so machines without
// Docker can run the same topology.
import http from "node:http";
import net from "node:net";

export type Upstream = { name: string; host: string; port: number };

export interface ClusterProxy {
  server: http.Server;
  port: number;
  /** Requests (HTTP and upgrades) sent to each upstream so far. */
  counts: Record<string, number>;
  close(): Promise<void>;
}

const HOP_HEADERS = ["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"];
/** An upstream that refused a connection is skipped for this long. */
const DOWN_MS = 2_000;

export async function startClusterProxy(opts: { port: number; host?: string; upstreams: Upstream[] }): Promise<ClusterProxy> {
  const counts: Record<string, number> = Object.fromEntries(opts.upstreams.map((u) => [u.name, 0]));
  const downUntil = new Map<string, number>();
  let next = 0;

  /** The upstreams to try for one request, starting with the next in turn and skipping those marked down. */
  const order = (): Upstream[] => {
    const start = next++ % opts.upstreams.length;
    const ring = [...opts.upstreams.slice(start), ...opts.upstreams.slice(0, start)];
    const now = Date.now();
    const up = ring.filter((u) => (downUntil.get(u.name) ?? 0) <= now);
    return up.length ? up : ring;
  };
  const forwardedFor = (req: http.IncomingMessage) =>
    [req.headers["x-forwarded-for"], req.socket.remoteAddress].filter(Boolean).join(", ");

  const server = http.createServer((req, res) => {
    const body: Buffer[] = [];
    req.on("data", (c: Buffer) => body.push(c));
    req.on("end", () => {
      const tryNext = (candidates: Upstream[]) => {
        const u = candidates[0];
        if (!u) {
          res.writeHead(502, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "bad_gateway", message: "No MagFlow instance is reachable" } }));
          return;
        }
        const headers: http.OutgoingHttpHeaders = { ...req.headers, "x-forwarded-for": forwardedFor(req), "x-forwarded-proto": "http", "x-forwarded-host": req.headers.host ?? "" };
        for (const h of HOP_HEADERS) delete headers[h];
        const up = http.request({ host: u.host, port: u.port, method: req.method, path: req.url, headers }, (upRes) => {
          counts[u.name] = (counts[u.name] ?? 0) + 1;
          const out: http.OutgoingHttpHeaders = { ...upRes.headers, "x-magflow-instance": u.name };
          for (const h of HOP_HEADERS) delete out[h];
          res.writeHead(upRes.statusCode ?? 502, out);
          upRes.pipe(res);
        });
        up.on("error", (err: NodeJS.ErrnoException) => {
          // Refused (instance down or restarting): the next instance takes the request, once.
          if (!res.headersSent && (err.code === "ECONNREFUSED" || err.code === "ECONNRESET") && candidates.length > 1) {
            downUntil.set(u.name, Date.now() + DOWN_MS);
            return tryNext(candidates.slice(1));
          }
          if (!res.headersSent) res.writeHead(502).end();
          else res.destroy();
        });
        up.end(Buffer.concat(body));
      };
      tryNext(order());
    });
  });

  server.on("upgrade", (req, client, head) => {
    const attempt = (candidates: Upstream[]) => {
      const u = candidates[0];
      if (!u) return client.destroy();
      const upstream = net.connect(u.port, u.host, () => {
        counts[u.name] = (counts[u.name] ?? 0) + 1;
        const headers = { ...req.headers, "x-forwarded-for": forwardedFor(req) };
        const lines = [`${req.method} ${req.url} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : v}`)];
        upstream.write(`${lines.join("\r\n")}\r\n\r\n`);
        if (head.length) upstream.write(head);
        upstream.pipe(client).pipe(upstream);
      });
      upstream.on("error", (err: NodeJS.ErrnoException) => {
        if (err.code === "ECONNREFUSED" && candidates.length > 1) {
          downUntil.set(u.name, Date.now() + DOWN_MS);
          return attempt(candidates.slice(1));
        }
        client.destroy();
      });
      client.on("error", () => upstream.destroy());
    };
    attempt(order());
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host ?? "0.0.0.0", () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    server,
    port,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
