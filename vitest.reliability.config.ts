import path from "node:path";
import { fileURLToPath } from "node:url";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { defineConfig } from "vitest/config";

/** Files run one at a time in name order, so r7-secrets (the scan of everything before it) runs last. */
class ByName extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    return [...files].sort((a, b) => path.basename(a.moduleId).localeCompare(path.basename(b.moduleId)));
  }
}

// The reliability suite (npm run test:reliability): faults, crashes, the route x role matrix, bad
// input, sockets, eMAG's budget and a secret scan. Same alias and database setup as vitest.config.ts.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["tests/reliability/**/*.test.ts"],
    globalSetup: ["tests/setup/global-setup.ts", "tests/reliability/support/report-setup.ts"],
    setupFiles: ["tests/reliability/support/capture-logs.ts"],
    env: {
      // Per-user API budgets must not throttle the matrix and the generated inputs.
      API_RATE_LIMIT: "100000000",
      API_RATE_LIMIT_EMAG: "100000000",
      // Logs are captured to the run directory (support/capture-logs.ts) and scanned by R7.
      LOG_LEVEL: "info",
    },
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
    sequence: { sequencer: ByName },
  },
});
