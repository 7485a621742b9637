// Where a build's time goes, for `npm run build -- --timings` and the benchmark. Phases nest: a phase
// measured within another is shown under it, and the parent's time its phases do not cover is shown as its
// "other", so every millisecond is counted once and a new phase cannot be dropped or subtracted twice.
interface Phase {
  ms: number;
  within?: string;
}
const phases = new Map<string, Phase>();
/** The phase that phases measured without a `within` of their own are inside (`timedWithin`). */
let scope: string | undefined;

function add(phase: string, ms: number, within = scope): void {
  const known = phases.get(phase);
  if (known && known.within !== within) throw new Error(`phase "${phase}" was measured within "${known.within}" and "${within}"`);
  phases.set(phase, { ms: (known?.ms ?? 0) + ms, within });
}

/** Runs `work`, adding its duration to `phase` (inside the phase `within`, when given). */
export function timed<T>(phase: string, work: () => T, within?: string): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    add(phase, performance.now() - start, within);
  }
}

/** Runs async `work`, adding its duration to `phase` (inside the phase `within`, when given). */
export async function timedAsync<T>(phase: string, work: () => Promise<T>, within?: string): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    add(phase, performance.now() - start, within);
  }
}

/**
 * Runs async `work` as the phase `phase`, and the phases it measures (none running beside it) within it:
 * the build's page writing, which runs in a process of its own or, for a small archive, in this one.
 */
export async function timedWithin<T>(phase: string, work: () => Promise<T>): Promise<T> {
  const outer = scope;
  const start = performance.now();
  scope = phase;
  try {
    return await work();
  } finally {
    scope = outer;
    add(phase, performance.now() - start);
  }
}

/**
 * Forgets every phase measured so far. A command runs one build and never needs it; a process that runs
 * several, one after another (the tests' workers), starts each with none (test/setup.ts), since the same
 * phase may be measured within another phase in another kind of run (the dev server's loading is within
 * "eleventy", a build's within "write pages").
 */
export function forgetTimings(): void {
  phases.clear();
  scope = undefined;
}

/** Records a duration measured elsewhere: a process's startup, before any of this code ran, or another process's phases. */
export function record(phase: string, ms: number, within?: string): void {
  add(phase, ms, within);
}

export interface TimingRow {
  /** "render", or "eleventy › other" for the part of a phase its own phases do not cover. */
  phase: string;
  ms: number;
  depth: number;
  /** The phase it was measured within. */
  within?: string;
}

/** Every phase once, in the order first measured, each followed by the phases within it. */
export function timingRows(): TimingRow[] {
  const rows: TimingRow[] = [];
  const visit = (parent: string | undefined, depth: number, parentMs: number) => {
    let covered = 0;
    for (const [phase, { ms, within }] of phases) {
      if (within !== parent) continue;
      rows.push({ phase, ms: Math.round(ms), depth, within });
      covered += ms;
      visit(phase, depth + 1, ms);
    }
    if (parent !== undefined && covered > 0) rows.push({ phase: `${parent} › other`, ms: Math.round(parentMs - covered), depth, within: parent });
  };
  visit(undefined, 0, 0);
  return rows;
}

/** The rows as a table for a terminal. */
export function timingTable(rows: TimingRow[], totalMs: number): string {
  const label = (r: TimingRow) => `${"  ".repeat(r.depth)}${r.depth && r.phase.endsWith(" › other") ? "other" : r.phase}`;
  const width = Math.max(...rows.map((r) => label(r).length), 5);
  const line = (name: string, ms: number) => `  ${name.padEnd(width)}  ${(ms / 1000).toFixed(2).padStart(7)} s`;
  return ["Where the time went:", ...rows.map((r) => line(label(r), r.ms)), line("total", totalMs)].join("\n");
}
