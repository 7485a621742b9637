// Before every test: what a test leaves in this worker's process-wide state does not reach the next (the
// workers run many test files in one process: vitest.config.ts, isolate: false).
import { beforeEach } from "vitest";
import { forgetTimings } from "../lib/runtime/timings.ts";

// The phases an in-process build or dev server measured (lib/runtime/timings.ts).
beforeEach(() => forgetTimings());
