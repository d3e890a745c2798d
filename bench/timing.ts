// Timing helpers: several operations measured in interleaved rounds, so that a slow phase of the machine (another
// process, a garbage collection, a database checkpoint) hits all of them alike and their ratios stay fair.

export interface Summary {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

export function summarize(samples: number[]): Summary {
  if (samples.length === 0) throw new Error("No samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return {
    runs: sorted.length,
    medianMs: median,
    p95Ms: percentile(sorted, 95),
    minMs: sorted[0],
    maxMs: sorted[sorted.length - 1],
  };
}

export type Operation = () => unknown | Promise<unknown>;

/**
 * Runs every operation once per round (in an order that rotates), `warmup` rounds unrecorded and then `runs` recorded
 * rounds, and returns the
 * timings per operation name. Operations run one after another, never concurrently.
 */
export async function measureInterleaved(
  operations: Record<string, Operation>,
  { warmup, runs }: { warmup: number; runs: number },
): Promise<Record<string, Summary>> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(operations).map((name) => [name, []]));
  const entries = Object.entries(operations);
  for (let round = 0; round < warmup + runs; round++) {
    // The order rotates each round: an operation that leaves much garbage (the 180-day read) must not always be
    // followed by the same one, which would pay for its collection.
    const k = round % entries.length;
    for (const [name, operation] of [...entries.slice(k), ...entries.slice(0, k)]) {
      const started = performance.now();
      await operation();
      const elapsed = performance.now() - started;
      if (round >= warmup) samples[name].push(elapsed);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, summarize(values)]));
}
