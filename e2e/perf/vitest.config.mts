// Benchmark steps that run Bellhop's own TypeScript in-process (`*.task.ts`): the scheduler bench seeds its messages
// through the real send-later use-case and counts the idle scheduler's statements. Not part of the unit suite.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("../../", import.meta.url));

export default defineConfig({
  root,
  resolve: {
    alias: {
      "@": root,
      "server-only": fileURLToPath(new URL("../../lib/testing/empty-module.ts", import.meta.url)),
    },
  },
  test: {
    include: ["e2e/perf/*.task.ts"],
    environment: "node",
    testTimeout: 600_000,
  },
});
