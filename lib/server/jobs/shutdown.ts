import type { Logger } from "pino";

// Graceful shutdown of the background work of an app process. On SIGTERM/SIGINT, `next start` stops accepting
// connections, lets running requests finish and then calls process.exit. The outbox worker and the scheduler are
// stopped at the same time, and the exit is held back until their current batch has finished (at most `graceMs`),
// so that no e-mail is sent twice or left half-recorded; then the process exits with 0.

const SIGNALS = { SIGTERM: 143, SIGINT: 130 } as const;

export function stopOnSignals(stop: () => Promise<void>, log: Pick<Logger, "info" | "error">, graceMs = 25_000): void {
  let stopping: Promise<void> | undefined;
  const onSignal = (signal: keyof typeof SIGNALS) => {
    if (stopping) return;
    log.info({ signal }, "shutting down: finishing the current outbox batch and jobs");
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
    let clean = false;
    stopping = Promise.race([
      stop().then(
        () => {
          clean = true;
          log.info("background work stopped");
        },
        () => log.error("stopping background work failed"),
      ),
      timeout,
    ]);
    const exit = process.exit.bind(process);
    // A shutdown that finished its requests and its batch is a clean exit (0); the signal's code (Next exits with
    // 128 + signal) remains for one cut short by the grace period or a failure, so process managers can tell.
    const codeFor = (code: number | undefined) => (clean && (code === undefined || code === SIGNALS[signal]) ? 0 : code);
    // Next's own handler exits once its requests are done; defer that exit until the batch is done too.
    process.exit = ((code?: number) => {
      void stopping!.finally(() => exit(codeFor(code)));
    }) as typeof process.exit;
    // Without such a handler (NEXT_MANUAL_SIG_HANDLE, or a plain Node process) nobody else exits: do it here.
    if (process.listenerCount(signal) === 1) void stopping.finally(() => exit(codeFor(SIGNALS[signal])));
  };
  for (const signal of Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]) process.on(signal, onSignal);
}
