import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Integration and browser tests run real builds; two cores, so give them room.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // How long expect.poll waits for the browser (search results render after the index loads); a bound
    // on waiting, not an assertion on time.
    expect: { poll: { timeout: 15_000 } },
  },
});
