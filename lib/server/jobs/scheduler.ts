import type { Db } from "@/lib/server/db/client";
import type { Logger } from "pino";
import { kickOutbox } from "@/lib/server/mail/outbox";
import { clearExpiredCounters } from "@/lib/server/security/rate-limit";
import { aggregateStatistics } from "@/lib/server/services/evaluation/aggregate-statistics";
import { erasePersonalData } from "@/lib/server/services/privacy/erase-personal-data";
import { drawDueRounds } from "@/lib/server/services/rounds/draw-round";
import { sendReminders } from "@/lib/server/services/send-reminders";
import { expireWishes } from "@/lib/server/services/waitlist/expire-wishes";
import { nextOfferDeadline, type SweepScope, sweepWaitlist } from "@/lib/server/services/waitlist/sweep-waitlist";

// The in-app scheduler: expires wishes past their latest date, erases personal data, clears expired rate-limit
// counters, writes reminders, expires offers of the waiting list and offers free time to it, draws the release
// rounds whose window has closed and updates the statistics every few minutes. Each app instance may run it; the
// jobs' writes are conditional, so concurrent runs neither erase twice, remind twice nor offer twice, and a round is
// drawn once.

export const DEFAULT_JOB_INTERVAL_MS = 5 * 60_000;

/** Runs every job once; errors of one job are logged and do not stop the other. */
export async function runJobs(db: Db, log: Pick<Logger, "info" | "error">, now: Date = new Date()): Promise<void> {
  // Wishes past their latest date are closed first, so that their retention period starts in this run.
  try {
    const wishes = await expireWishes(db, { now });
    if (wishes > 0) log.info({ job: "expire-wishes", wishes }, "wishes past their latest date expired");
  } catch (error) {
    log.error({ job: "expire-wishes", err: errorName(error) }, "expiring wishes failed");
  }
  try {
    const erased = await erasePersonalData(db, { now });
    if (erased.expired + erased.holds + erased.wishes + erased.tickets > 0) log.info({ job: "erase", ...erased }, "personal data erased");
  } catch (error) {
    log.error({ job: "erase", err: errorName(error) }, "erasing personal data failed");
  }
  try {
    const counters = await clearExpiredCounters(db, now);
    if (counters > 0) log.info({ job: "counters", counters }, "expired rate-limit counters cleared");
  } catch (error) {
    log.error({ job: "counters", err: errorName(error) }, "clearing rate-limit counters failed");
  }
  try {
    const reminders = await sendReminders(db, { now });
    if (reminders.enqueued > 0) {
      log.info({ job: "reminders", ...reminders }, "reminders written to the outbox");
      kickOutbox();
    }
  } catch (error) {
    log.error({ job: "reminders", err: errorName(error) }, "writing reminders failed");
  }
  await runWaitlistSweep(db, log, now);
  try {
    const draws = await drawDueRounds(db, { now });
    if (draws.length > 0) {
      log.info({ job: "draws", rounds: draws.length, assigned: draws.reduce((n, d) => n + d.assigned, 0) }, "release rounds drawn");
      kickOutbox();
    }
  } catch (error) {
    log.error({ job: "draws", err: errorName(error) }, "drawing release rounds failed");
  }
  try {
    const statistics = await aggregateStatistics(db, { now });
    if (statistics.rows + statistics.samples > 0) log.info({ job: "statistics", ...statistics }, "statistics updated");
  } catch (error) {
    log.error({ job: "statistics", err: errorName(error) }, "updating the statistics failed");
  }
}

/** The waiting list's guaranteed run (sweepWaitlist); its offer e-mails wake the mail worker. */
export async function runWaitlistSweep(
  db: Db,
  log: Pick<Logger, "info" | "error">,
  now: Date = new Date(),
  scope: SweepScope = "all",
): Promise<void> {
  try {
    const swept = await sweepWaitlist(db, { now, scope });
    if (swept.offered > 0) {
      log.info({ job: "waitlist", ...swept }, "free time offered to the waiting list");
      kickOutbox();
    }
  } catch (error) {
    log.error({ job: "waitlist", err: errorName(error) }, "sweeping the waiting list failed");
  }
}

// Database errors may quote the values of a failed statement: log the kind of error, not its message.
function errorName(error: unknown): string {
  const e = (error ?? {}) as { name?: unknown; code?: unknown };
  return [e.name, e.code].filter((v) => typeof v === "string").join(" ") || "unknown";
}

export interface SchedulerOptions {
  getDb: () => Db;
  log: Pick<Logger, "info" | "error">;
  intervalMs?: number;
}

/** The longest the offer wake-up sleeps: a deadline set by another instance meanwhile is still met this soon. */
const OFFER_WAKE_MAX_MS = 60_000;

/** Starts the jobs now and every `intervalMs`, never two runs at once. Returns `stop`, which awaits a running run. */
export function startJobScheduler(options: SchedulerOptions): () => Promise<void> {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = runJobs(options.getDb(), options.log).finally(() => {
      running = undefined;
    });
  };
  const interval = setInterval(tick, options.intervalMs ?? DEFAULT_JOB_INTERVAL_MS);
  interval.unref?.();
  // An expired offer should pass to the next wish within about a minute, not at the next full run: between runs, a
  // light timer sleeps until the next offer deadline (at most a minute) and then expires the offers that are due.
  let wake: ReturnType<typeof setTimeout> | undefined;
  const scheduleWake = async () => {
    if (stopped) return;
    let delay = OFFER_WAKE_MAX_MS;
    try {
      const next = await nextOfferDeadline(options.getDb());
      if (next) delay = Math.min(delay, Math.max(0, next.getTime() - Date.now()) + 1000);
    } catch (error) {
      options.log.error({ job: "waitlist", err: errorName(error) }, "reading the next offer deadline failed");
    }
    if (stopped) return;
    wake = setTimeout(() => {
      const sweep =
        running ?? (running = runWaitlistSweep(options.getDb(), options.log, new Date(), "due").finally(() => (running = undefined)));
      void sweep.then(scheduleWake);
    }, delay);
    wake.unref?.();
  };
  // The first run waits a little, so that start-up (migrations, the first requests) is not slowed down.
  const first = setTimeout(() => {
    tick();
    void scheduleWake();
  }, 10_000);
  first.unref?.();
  return async () => {
    stopped = true;
    clearInterval(interval);
    clearTimeout(first);
    if (wake) clearTimeout(wake);
    await running;
  };
}
