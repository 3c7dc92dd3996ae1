import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Browser tests: real Chromium (Debian's) against a production build served by server.ts.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/setup/server.ts"],
    environment: "node",
    testTimeout: 90_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    pool: "forks",
  },
});
