import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Integration and browser tests run real builds; two cores, so give them room.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
