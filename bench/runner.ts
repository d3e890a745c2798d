import fs from "node:fs";
import path from "node:path";

// What every benchmark script does around its measurements: removes what it created (also when interrupted),
// writes its results as JSON, and exits with its outcome.

const cleanups = new Set<() => Promise<void>>();
let interrupted = false;

/** `dispose` runs at the end, or at once on SIGINT / SIGTERM; the latest registered first (servers before data). */
export function onCleanUp(dispose: () => Promise<void>): void {
  cleanups.add(dispose);
}

/** Runs `dispose` now instead of at the end. */
export async function cleanUpNow(dispose: () => Promise<void>): Promise<void> {
  cleanups.delete(dispose);
  await dispose();
}

async function cleanUp(): Promise<void> {
  for (const dispose of [...cleanups].reverse()) {
    cleanups.delete(dispose);
    await dispose().catch((error) => console.error(`Cleanup failed: ${(error as Error).message}`));
  }
}

/** True once a signal asked the script to stop: what it measures then would only mislead. */
export function isInterrupted(): boolean {
  return interrupted;
}

/** Writes the run's results as pretty JSON to `file` (creating its folder) and names it. */
export function writeResults(file: string, record: object): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`\nJSON: ${path.relative(process.cwd(), file)}`);
}

/**
 * Runs a benchmark's `main` (its exit code) and cleans up after it, whether it ends, fails or is interrupted;
 * `whatCleanUpDoes` is said on an interruption.
 */
export function runBenchmark(main: () => Promise<number>, whatCleanUpDoes: string): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      interrupted = true;
      console.error(`\n${signal}: ${whatCleanUpDoes} ...`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  main()
    .then(async (code) => {
      await cleanUp();
      process.exitCode = code;
    })
    .catch(async (error) => {
      console.error(error);
      await cleanUp();
      process.exitCode = 1;
    });
}
