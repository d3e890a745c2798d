import "server-only";
import { z } from "zod";
import { dbProvider, type Db, type Tx } from "@/lib/server/db/client";
import { componentLog } from "@/lib/server/log";
import { isMailTemplate, parseMailPayload, type MailBranding, type MailPayloads, type MailTemplate } from "@/emails/payloads";
import { env } from "@/lib/server/env";
import { mailBranding } from "@/lib/server/services/branding/read-branding";
import { deliverWebhookRow, type WebhookDeliveryOptions } from "@/lib/server/webhooks/delivery";
import { mailSubject, renderMail } from "./render";
import type { MailTransport } from "./transport";

// The transactional outbox (DESIGN.md, invariant 4): a change and its e-mail are written in one transaction; a
// worker sends later, retries with backoff and records failures, so an SMTP outage delays mail but never loses it.
// Several app instances may run workers against one PostgreSQL: a row is claimed by exactly one of them.
// The same rows, claims and retries carry webhook calls (channel WEBHOOK, lib/server/webhooks/).

export interface EnqueueMailInput<T extends MailTemplate> {
  template: T;
  recipient: string;
  payload: MailPayloads[T];
  officeId?: string;
  bookingId?: string;
}

const recipientSchema = z.email();

/**
 * Writes an e-mail to the outbox inside the caller's transaction: it exists exactly when the change it reports
 * is committed. Validates the payload and stores the subject for the administrators' overview.
 */
export async function enqueueMail<T extends MailTemplate>(
  tx: Tx,
  input: EnqueueMailInput<T>,
): Promise<{ id: string }> {
  return writePreparedMail(tx, await prepareMail(tx, input));
}

/**
 * The outbox row of an e-mail, built before the transaction that writes it (writePreparedMail): its branding read and
 * its payload validated and rendered outside the locks the transaction holds.
 */
export type PreparedMail = Awaited<ReturnType<typeof outboxRow>>;

export async function prepareMail<T extends MailTemplate>(db: Db | Tx, input: EnqueueMailInput<T>): Promise<PreparedMail> {
  return prepareMailWithBranding(input, await mailBrandingOf(db));
}

/** prepareMail with the branding read by the caller (mailBrandingOf), e.g. from the configuration cache. */
export function prepareMailWithBranding<T extends MailTemplate>(input: EnqueueMailInput<T>, branding: MailBranding): Promise<PreparedMail> {
  return outboxRow(input, branding);
}

/** The branding e-mails carry (see prepareMailWithBranding). */
export function mailBrandingOf(db: Db | Tx): Promise<MailBranding> {
  return mailBranding(db, env().APP_URL);
}

/** Writes a prepared e-mail inside the caller's transaction, like enqueueMail. */
export async function writePreparedMail(tx: Tx, row: PreparedMail): Promise<{ id: string }> {
  return tx.outboxMessage.create({ data: row, select: { id: true } });
}

/** enqueueMail for many e-mails at once, in one statement (e.g. everyone a release round's draw gave no time). */
export async function enqueueMails<T extends MailTemplate>(tx: Tx, inputs: EnqueueMailInput<T>[]): Promise<number> {
  if (inputs.length === 0) return 0;
  const branding = await mailBrandingOf(tx);
  const { count } = await tx.outboxMessage.createMany({ data: await Promise.all(inputs.map((input) => outboxRow(input, branding))) });
  return count;
}

/** The row of one e-mail; the city's look at the time of writing goes into its payload unless the caller set one. */
async function outboxRow<T extends MailTemplate>(input: EnqueueMailInput<T>, branding: MailBranding) {
  const payload = parseMailPayload(input.template, { branding, ...input.payload });
  return {
    template: input.template,
    recipient: recipientSchema.parse(input.recipient.trim()),
    subject: await mailSubject(input.template, payload),
    payload: JSON.stringify(payload),
    officeId: input.officeId ?? null,
    bookingId: input.bookingId ?? null,
    status: "PENDING" as const,
    nextAttemptAt: new Date(),
  };
}

export interface ProcessOutboxOptions {
  transport: MailTransport;
  now?: () => Date;
  /** Rows claimed per pass (default 20). */
  batchSize?: number;
  /**
   * How long a claim lasts unless renewed (default 30 s). A working worker renews its claim every third of this, so
   * a slow send keeps it; the rows of a worker that died come back to the others after this.
   */
  leaseMs?: number;
  /** Attempts before a row is marked FAILED (default 12: about six hours with the default backoff). */
  maxAttempts?: number;
  /**
   * Delay before the next attempt, after `attempts` failed ones (default 1, 2, 4 ... minutes, at most 60; for
   * webhooks with jitter, so that the calls a receiver's outage held back do not all come back at once).
   */
  backoffMs?: (attempts: number) => number;
  /** How webhook rows are called (timeout, private networks). */
  webhooks?: WebhookDeliveryOptions;
  log?: Pick<Console, "warn" | "error">;
}

export interface OutboxResult {
  sent: number;
  failed: number;
  retried: number;
}

export const DEFAULT_OUTBOX_BATCH_SIZE = 20;
export const DEFAULT_OUTBOX_LEASE_MS = 30_000;
export const DEFAULT_OUTBOX_MAX_ATTEMPTS = 12;

export function defaultBackoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

/** The mail backoff, spread over its upper half at random ("equal jitter"). */
export function jitteredBackoffMs(attempts: number, random: () => number = Math.random): number {
  const base = defaultBackoffMs(attempts);
  return Math.round(base / 2 + random() * (base / 2));
}

const EMAIL_ADDRESS = /[^\s<>()"',;:]+@[^\s<>()"',;:]+/g;

/** A failure reason fit for the database and logs: error codes and the server's words, without addresses. */
export function describeMailError(error: unknown): string {
  if (error instanceof z.ZodError) {
    return `invalid payload: ${error.issues.map((i) => `${i.path.join(".") || "(root)"} ${i.code}`).join(", ")}`.slice(0, 500);
  }
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown; command?: unknown; message?: unknown };
  const tags = [e.code, e.responseCode, e.command].filter((v) => typeof v === "string" || typeof v === "number");
  const message = String(e.message ?? error).replace(EMAIL_ADDRESS, "<address>");
  return `${tags.join(" ")}${tags.length > 0 ? ": " : ""}${message}`.slice(0, 500);
}

type DueFilter = { OR: object[] };

function dueAt(now: Date): DueFilter {
  return {
    OR: [
      { status: "PENDING", nextAttemptAt: { lte: now } },
      // A worker that died while sending left its rows in SENDING: they come back after their lease.
      { status: "SENDING", lockedUntil: { lt: now } },
    ],
  };
}

/**
 * Claims up to `batchSize` due rows for this worker (PENDING -> SENDING, attempts + 1, locked until the lease
 * ends) and returns their ids. Counting the attempt at claim time also stops a message that crashes the worker
 * from being retried forever.
 */
async function claim(db: Db, now: Date, batchSize: number, leaseMs: number): Promise<string[]> {
  const lockedUntil = new Date(now.getTime() + leaseMs);
  if (dbProvider(db) === "postgresql") {
    // SKIP LOCKED: concurrent workers each take different rows without waiting for one another. Timestamps are
    // stored as UTC wall-clock values (timestamp without time zone), hence the explicit conversion.
    const rows = await db.$queryRaw<{ id: string }[]>`
      UPDATE "OutboxMessage"
      SET "status" = 'SENDING',
          "lockedUntil" = (${lockedUntil.toISOString()}::timestamptz AT TIME ZONE 'UTC'),
          "attempts" = "attempts" + 1
      WHERE "id" IN (
        SELECT "id" FROM "OutboxMessage"
        WHERE ("status" = 'PENDING' AND "nextAttemptAt" <= (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'))
           OR ("status" = 'SENDING' AND "lockedUntil" < (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'))
        ORDER BY "nextAttemptAt"
        LIMIT ${batchSize}::int
        FOR UPDATE SKIP LOCKED
      )
      RETURNING "id"`;
    return rows.map((r) => r.id);
  }
  // SQLite: one statement that selects and updates the due rows, so a row is claimed once even by two processes.
  // Inside an interactive transaction, because the SQLite client runs a stray query inside whatever transaction
  // is open on its single connection: the worker must not see (and send) an uncommitted booking's e-mail. The
  // transaction starts with that write, so a second writer waits for the lock instead of failing (STACK.md).
  return db.$transaction(async (tx) => {
    const rows = await tx.outboxMessage.updateManyAndReturn({
      where: dueAt(now),
      data: { status: "SENDING", lockedUntil, attempts: { increment: 1 } },
      limit: batchSize,
      select: { id: true },
    });
    return rows.map((r) => r.id);
  });
}

/** A write outside any caller's transaction (see `claim`): an interactive transaction on SQLite, plain on PostgreSQL. */
function standalone<T>(db: Db, write: (client: Db | Tx) => Promise<T>): Promise<T> {
  return dbProvider(db) === "sqlite" ? db.$transaction((tx) => write(tx)) : write(db);
}

function update(db: Db, id: string, data: Parameters<Db["outboxMessage"]["updateMany"]>[0]["data"]): Promise<unknown> {
  return standalone(db, (c) => c.outboxMessage.updateMany({ where: { id, status: "SENDING" }, data }));
}

/**
 * Extends this worker's claim on `rows` until `until` and returns the ids it still holds. A claim is told apart by
 * the attempt it counted: a row whose lease ran out and that another worker claimed has a higher count.
 */
async function renewClaim(db: Db, rows: Array<{ id: string; attempts: number }>, until: Date): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const renewed = await standalone(db, (c) =>
    c.outboxMessage.updateManyAndReturn({
      where: { status: "SENDING", OR: rows.map((r) => ({ id: r.id, attempts: r.attempts })) },
      data: { lockedUntil: until },
      select: { id: true },
    }),
  );
  return new Set(renewed.map((r) => r.id));
}

/**
 * Records that a message went out, retrying through a short database outage (a restart, a failover) for up to
 * `patienceMs`: a sent message left unrecorded would be sent again once its lease runs out.
 */
async function recordSent(db: Db, id: string, data: Parameters<typeof update>[2], patienceMs: number): Promise<void> {
  const giveUpAt = Date.now() + patienceMs;
  for (let attempt = 0; ; attempt++) {
    try {
      await update(db, id, data);
      return;
    } catch (error) {
      if (Date.now() >= giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 2000)));
    }
  }
}

/**
 * One pass of the worker: claims due rows, renders and sends each, then marks it SENT, or schedules a retry with
 * exponential backoff, or marks it FAILED after `maxAttempts` (or at once when it cannot be rendered).
 * With the store transport the payload stays so that the development inbox can show the mail; after a real send
 * it is replaced by "{}" (the recipient and subject stay for the administrators, until the retention job).
 */
export async function processOutbox(db: Db, options: ProcessOutboxOptions): Promise<OutboxResult> {
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? DEFAULT_OUTBOX_BATCH_SIZE;
  const leaseMs = options.leaseMs ?? DEFAULT_OUTBOX_LEASE_MS;
  const maxAttempts = options.maxAttempts ?? DEFAULT_OUTBOX_MAX_ATTEMPTS;
  const log = options.log ?? componentLog("outbox");
  const result: OutboxResult = { sent: 0, failed: 0, retried: 0 };

  const claimedAt = now();
  const ids = await claim(db, claimedAt, batchSize, leaseMs);
  if (ids.length === 0) return result;
  const rows = await loadClaimed(db, ids);

  // The claim is renewed while the batch is worked on, so a short lease suffices for any number of slow sends.
  const lease = { until: claimedAt.getTime() + leaseMs, held: new Set(ids) };
  const unfinished = new Map(rows.map((r) => [r.id, r]));
  let renewal = Promise.resolve();
  const heartbeat = setInterval(() => {
    renewal = renewal.then(async () => {
      const until = new Date(now().getTime() + leaseMs);
      try {
        lease.held = await renewClaim(db, [...unfinished.values()], until);
        lease.until = until.getTime();
      } catch (error) {
        log.warn(`outbox: renewing the claim failed: ${describeMailError(error)}`);
      }
    });
  }, leaseMs / 3);
  heartbeat.unref?.();
  try {
    for (const row of rows) {
      // Send only under a live claim with time to spare: once it lapses, another worker may take the rows.
      if (lease.until - now().getTime() < leaseMs / 3) break;
      if (!lease.held.has(row.id)) continue;
      await processRow(db, row, { ...options, now, leaseMs, maxAttempts, log }, result);
      unfinished.delete(row.id);
    }
  } finally {
    clearInterval(heartbeat);
    await renewal;
  }
  return result;
}

type ClaimedRow = Awaited<ReturnType<typeof loadClaimed>>[number];

function loadClaimed(db: Db, ids: string[]) {
  return db.outboxMessage.findMany({
    where: { id: { in: ids } },
    orderBy: { createdAt: "asc" },
    include: {
      office: { select: { senderName: true, replyTo: true } },
      endpoint: { select: { url: true, secret: true, active: true, includePersonalData: true } },
    },
  });
}

type RowOptions = Required<Omit<ProcessOutboxOptions, "batchSize" | "backoffMs" | "webhooks">> &
  Pick<ProcessOutboxOptions, "backoffMs" | "webhooks">;

/** A failed attempt: retried after the backoff, or FAILED once the attempts are used up. */
async function recordFailure(
  db: Db,
  row: ClaimedRow,
  reason: string,
  options: RowOptions,
  result: OutboxResult,
  extra: { responseStatus?: number | null } = {},
): Promise<void> {
  const { now, log } = options;
  const what = row.channel === "WEBHOOK" ? "webhook" : "message";
  if (row.attempts >= options.maxAttempts) {
    await update(db, row.id, { status: "FAILED", lockedUntil: null, lastError: reason, ...extra });
    log.error(`outbox: ${what} ${row.id} failed after ${row.attempts} attempts: ${reason}`);
    result.failed++;
  } else {
    const backoff = options.backoffMs ?? (row.channel === "WEBHOOK" ? jitteredBackoffMs : defaultBackoffMs);
    const nextAttemptAt = new Date(now().getTime() + backoff(row.attempts));
    await update(db, row.id, { status: "PENDING", lockedUntil: null, lastError: reason, nextAttemptAt, ...extra });
    log.warn(`outbox: ${what} ${row.id} attempt ${row.attempts} failed, next at ${nextAttemptAt.toISOString()}: ${reason}`);
    result.retried++;
  }
}

/** Calls one claimed webhook row's endpoint and records the outcome like a mail's. */
async function processWebhookRow(db: Db, row: ClaimedRow, options: RowOptions, result: OutboxResult): Promise<void> {
  const outcome = await deliverWebhookRow(db, row, options.now(), options.webhooks);
  if (outcome.kind === "undeliverable") {
    await update(db, row.id, { status: "FAILED", lockedUntil: null, lastError: outcome.reason });
    options.log.error(`outbox: webhook ${row.id} cannot be delivered: ${outcome.reason}`);
    result.failed++;
  } else if (outcome.kind === "retry") {
    await recordFailure(db, row, outcome.reason, options, result, { responseStatus: outcome.status });
  } else {
    const data = { status: "SENT" as const, sentAt: options.now(), lockedUntil: null, lastError: null, responseStatus: outcome.status };
    await recordSent(db, row.id, data, options.leaseMs);
    result.sent++;
  }
}

/** Renders and sends one claimed row and records the outcome in `result`. */
async function processRow(db: Db, row: ClaimedRow, options: RowOptions, result: OutboxResult): Promise<void> {
  if (row.channel === "WEBHOOK") return processWebhookRow(db, row, options, result);
  const { now, log } = options;
  let mail;
  try {
    if (!isMailTemplate(row.template)) throw new Error(`unknown template ${JSON.stringify(row.template)}`);
    mail = await renderMail(row.template, row.payload, { now: now(), issuedAt: row.createdAt });
  } catch (error) {
    // Retrying cannot fix a payload that does not render: fail now, and keep the payload for inspection.
    const reason = describeMailError(error);
    await update(db, row.id, { status: "FAILED", lockedUntil: null, lastError: reason });
    log.error(`outbox: message ${row.id} cannot be rendered: ${reason}`);
    result.failed++;
    return;
  }

  let messageId: string;
  try {
    ({ messageId } = await options.transport.send({
      key: row.id,
      to: row.recipient,
      ...mail,
      senderName: row.office?.senderName ?? undefined,
      replyTo: row.office?.replyTo ?? undefined,
    }));
  } catch (error) {
    await recordFailure(db, row, describeMailError(error), options, result);
    return;
  }
  // Sent: from here on a failure is the database's, never a reason to send the message again.
  await recordSent(
    db,
    row.id,
    {
      status: "SENT",
      sentAt: now(),
      messageId,
      lockedUntil: null,
      lastError: null,
      ...(options.transport.kind === "smtp" ? { payload: "{}" } : {}),
    },
    options.leaseMs,
  );
  result.sent++;
}

export interface OutboxWorkerOptions {
  getDb: () => Db;
  transport: MailTransport;
  intervalMs: number;
  batchSize?: number;
  log?: Pick<Console, "warn" | "error">;
}

// Kicks reach the workers of this process through globalThis: Next bundles instrumentation (which starts the
// worker) and server actions (which kick it) as separate module graphs.
const kickHolder = globalThis as typeof globalThis & { __terminvergabeOutboxKick?: Set<() => void> };
function kickListeners(): Set<() => void> {
  kickHolder.__terminvergabeOutboxKick ??= new Set();
  return kickHolder.__terminvergabeOutboxKick;
}

/** Asks the workers of this process to run a pass soon, e.g. right after a booking wrote its confirmation. */
export function kickOutbox(): void {
  for (const listener of kickListeners()) listener();
}

/**
 * Runs `processOutbox` every `intervalMs` and when kicked, never two passes at once; a full batch is followed
 * directly by the next. Errors are logged, never thrown. Returns `stop`, which resolves once a running pass ends.
 */
export function startOutboxWorker(options: OutboxWorkerOptions): () => Promise<void> {
  const log = options.log ?? componentLog("outbox");
  const batchSize = options.batchSize ?? DEFAULT_OUTBOX_BATCH_SIZE;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let kickTimer: ReturnType<typeof setTimeout> | undefined;

  const pass = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      // A kick during a pass: the new row may have been committed after this pass claimed, so go once more.
      again = true;
      return running;
    }
    const current = (async () => {
      do {
        again = false;
        try {
          const r = await processOutbox(options.getDb(), { transport: options.transport, batchSize, log });
          if (r.sent + r.failed + r.retried >= batchSize) again = true;
        } catch (error) {
          log.error(`outbox: pass failed: ${describeMailError(error)}`);
          return;
        }
      } while (again && !stopped);
    })();
    // Cleared asynchronously, after `running` is set, even when the pass ends at once.
    running = current.finally(() => {
      running = undefined;
      if (again && !stopped) void pass();
    });
    return running;
  };

  const interval = setInterval(() => void pass(), options.intervalMs);
  interval.unref?.();
  const onKick = () => {
    if (kickTimer || stopped) return;
    kickTimer = setTimeout(() => {
      kickTimer = undefined;
      void pass();
    }, 50);
    kickTimer.unref?.();
  };
  kickListeners().add(onKick);
  void pass();

  return async () => {
    stopped = true;
    clearInterval(interval);
    if (kickTimer) clearTimeout(kickTimer);
    kickListeners().delete(onKick);
    await running;
  };
}
