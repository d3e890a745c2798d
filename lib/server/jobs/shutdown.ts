import type { Logger } from "pino";

// Graceful shutdown of the background work of an app process. On SIGTERM/SIGINT, `next start` stops accepting
// connections, lets running requests finish and then calls process.exit. The outbox worker and the scheduler are
// stopped at the same time, and the exit is held back until their current batch has finished (at most `graceMs`),
// so that no e-mail is sent twice or left half-recorded.

const SIGNALS = { SIGTERM: 143, SIGINT: 130 } as const;

export function stopOnSignals(stop: () => Promise<void>, log: Pick<Logger, "info" | "error">, graceMs = 25_000): void {
  let stopping: Promise<void> | undefined;
  const onSignal = (signal: keyof typeof SIGNALS) => {
    if (stopping) return;
    log.info({ signal }, "shutting down: finishing the current outbox batch and jobs");
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
    stopping = Promise.race([
      stop().then(
        () => log.info("background work stopped"),
        () => log.error("stopping background work failed"),
      ),
      timeout,
    ]);
    const exit = process.exit.bind(process);
    // Next's own handler exits once its requests are done; defer that exit until the batch is done too.
    process.exit = ((code?: number) => {
      void stopping!.finally(() => exit(code));
    }) as typeof process.exit;
    // Without such a handler (NEXT_MANUAL_SIG_HANDLE, or a plain Node process) nobody else exits: do it here.
    if (process.listenerCount(signal) === 1) void stopping.finally(() => exit(SIGNALS[signal]));
  };
  for (const signal of Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]) process.on(signal, onSignal);
}
