import { getDb } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { startJobScheduler } from "@/lib/server/jobs/scheduler";
import { stopOnSignals } from "@/lib/server/jobs/shutdown";
import { componentLog } from "@/lib/server/log";
import { createTransport } from "@/lib/server/mail/transport";
import { startOutboxWorker } from "@/lib/server/mail/outbox";

const holder = globalThis as typeof globalThis & { __terminvergabeMailWorker?: () => Promise<void> };

/**
 * The app's background work, once per process: the outbox worker (sending through SMTP_URL or keeping mails for
 * the dev inbox) and the scheduler for erasure, reminders and statistics. Both stop gracefully on SIGTERM/SIGINT.
 */
export function startAppMailWorker(): void {
  if (holder.__terminvergabeMailWorker) return;
  const stopOutbox = startOutboxWorker({
    getDb,
    transport: createTransport(env().SMTP_URL),
    intervalMs: env().OUTBOX_INTERVAL_MS,
    log: componentLog("outbox"),
  });
  const stopJobs = startJobScheduler({ getDb, log: componentLog("jobs"), intervalMs: env().JOBS_INTERVAL_MS });
  const stop = async () => {
    await Promise.all([stopOutbox(), stopJobs()]);
  };
  holder.__terminvergabeMailWorker = stop;
  stopOnSignals(stop, componentLog("shutdown"));
}
