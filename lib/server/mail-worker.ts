import { getDb } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { createTransport } from "@/lib/server/mail/transport";
import { startOutboxWorker } from "@/lib/server/mail/outbox";

const holder = globalThis as typeof globalThis & { __terminvergabeMailWorker?: () => void };

/** The app's outbox worker: one per process, sending through SMTP_URL or keeping mails for the dev inbox. */
export function startAppMailWorker(): void {
  if (holder.__terminvergabeMailWorker) return;
  holder.__terminvergabeMailWorker = startOutboxWorker({
    getDb,
    transport: createTransport(env().SMTP_URL),
    intervalMs: env().OUTBOX_INTERVAL_MS,
  });
}
