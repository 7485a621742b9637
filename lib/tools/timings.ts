// Where a build's time goes, phase by phase, for `npm run build -- --timings` and the benchmark.
const totals = new Map<string, number>();

function add(phase: string, ms: number): void {
  totals.set(phase, (totals.get(phase) ?? 0) + ms);
}

/** Runs `work`, adding its duration to `phase`. */
export function timed<T>(phase: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    add(phase, performance.now() - start);
  }
}

/** Runs async `work`, adding its duration to `phase`. */
export async function timedAsync<T>(phase: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    add(phase, performance.now() - start);
  }
}

/** Milliseconds per phase, in the order phases were first seen. */
export function phaseTimes(): Record<string, number> {
  return Object.fromEntries([...totals].map(([phase, ms]) => [phase, Math.round(ms)]));
}
