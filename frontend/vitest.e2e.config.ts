import { defineConfig } from "vitest/config";

// Browser tests: one real platform (npm start) for the run, driven by Debian's Chromium. Files run
// one after another: they share the platform and its chain.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    globalSetup: ["e2e/support/globalSetup.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
