import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Run before each test file, in its worker: see test/setup.ts.
    setupFiles: ["test/setup.ts"],
    // The workers start under C, whatever the machine's locale (a process's default locale is fixed when it
    // starts), and so do the commands they run unless a test gives another (test/integration/locale.test.ts).
    env: { LANG: "C.UTF-8", LC_ALL: "C.UTF-8" },
    // Integration and browser tests run real builds; two cores, so give them room.
    testTimeout: 120_000,
    // Vitest's default is one worker per core less one: a single worker here. Many tests wait on another
    // process (a build, Chromium), so two keep both cores busy.
    maxWorkers: 2,
    // Test files share a worker's loaded modules instead of importing everything again for each file (a
    // third of the suite's time); no test leaves global state behind (test/helpers/pagefind-client.ts
    // puts back what it sets).
    isolate: false,
    hookTimeout: 180_000,
    // How long expect.poll waits for the browser (search results render after the index loads); a bound
    // on waiting, not an assertion on time.
    expect: { poll: { timeout: 15_000 } },
  },
});
