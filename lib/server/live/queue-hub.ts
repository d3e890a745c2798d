import "server-only";
import pg from "pg";
import { getDb } from "@/lib/server/db";
import { type Db, dbProvider } from "@/lib/server/db/client";
import { pgSettingsOf } from "@/lib/server/db/provider";
import { env } from "@/lib/server/env";
import { componentLog } from "@/lib/server/log";
import { queueVersion } from "@/lib/server/services/devices/display-state";
import { onQueueCommitted, QUEUE_CHANNEL } from "./queue-events";

// Tells the open live streams of this process that an office's queue changed. On PostgreSQL one dedicated
// connection LISTENs on QUEUE_CHANNEL, so a call made on any instance reaches the displays on every instance
// (announceQueueChange notifies inside the writing transaction, so only committed changes arrive). On SQLite, and
// whenever that connection is down, the hub reads an office's QueueDay.version at once when a queue write of this
// process commits (announceQueueChange), and polls each watched office's version twice a second for the writes of
// other processes: one indexed read per office, and the version moves with every queue write. While listening, the
// same read runs every 15 seconds as a safety net, for a notification lost on a connection that died without an
// error.

export interface WatchedOffice {
  id: string;
  timeZone: string;
}

type Listener = () => void;

export const POLL_INTERVAL_MS = 500;
/** While listening, one safety read this often. */
const SAFETY_READ_MS = 15_000;
const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 10_000;

export interface QueueHubOptions {
  db: Db;
  /** PostgreSQL URL for the listening connection; none: polling only. */
  listenUrl?: string;
  pollIntervalMs?: number;
  safetyReadMs?: number;
  log?: { warn(message: string): void };
}

export class QueueHub {
  private readonly offices = new Map<string, { office: WatchedOffice; listeners: Set<Listener>; version?: number }>();
  private client: pg.Client | null = null;
  private listening = false;
  private reconnectDelay = RECONNECT_MIN_MS;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private polling = false;
  private ticks = 0;
  private closed = false;
  private stopHearing: (() => void) | null = null;
  /** While listening, one poll tick in this many makes the safety read. */
  private readonly safetyEvery: number;

  constructor(private readonly options: QueueHubOptions) {
    this.safetyEvery = Math.max(1, Math.round((options.safetyReadMs ?? SAFETY_READ_MS) / (options.pollIntervalMs ?? POLL_INTERVAL_MS)));
  }

  /** Whether changes arrive by notification now (false: by polling). */
  get live(): boolean {
    return this.listening;
  }

  /** Calls `listener` after each change of the office's queue until the returned function is called. */
  subscribe(office: WatchedOffice, listener: Listener): () => void {
    let entry = this.offices.get(office.id);
    if (!entry) this.offices.set(office.id, (entry = { office, listeners: new Set() }));
    entry.listeners.add(listener);
    this.start();
    return () => {
      const current = this.offices.get(office.id);
      if (!current) return;
      current.listeners.delete(listener);
      if (current.listeners.size === 0) this.offices.delete(office.id);
      if (this.offices.size === 0) this.stopPolling();
    };
  }

  /** Ends the listening connection and the polling (tests; a process that shuts down). */
  async close(): Promise<void> {
    this.closed = true;
    this.stopPolling();
    this.stopHearing?.();
    this.stopHearing = null;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    this.listening = false;
    await client?.end().catch(() => {});
  }

  private start(): void {
    if (this.closed) return;
    if (this.options.listenUrl && !this.client && !this.reconnectTimer) void this.connect();
    this.startPolling();
    // A write of this process: look now. While listening, its notification is on the way anyway.
    this.stopHearing ??= onQueueCommitted((officeId) => {
      const entry = this.offices.get(officeId);
      if (entry && !this.listening) void this.check(officeId, entry, new Date());
    });
  }

  private notify(officeId: string): void {
    const entry = this.offices.get(officeId);
    if (!entry) return;
    for (const listener of [...entry.listeners]) {
      try {
        listener();
      } catch {
        // One broken stream must not keep the others from hearing of the change.
      }
    }
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ ...pgSettingsOf(this.options.listenUrl!), application_name: "terminvergabe-live", keepAlive: true });
    this.client = client;
    const down = (error?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      this.listening = false;
      client.removeAllListeners("notification");
      client.end().catch(() => {});
      if (this.closed) return;
      if (error) this.options.log?.warn(`listening connection lost (${error.name}), polling until it is back`);
      if (this.offices.size > 0) this.startPolling();
      this.reconnectTimer = setTimeout(() => {
        this.reconnectTimer = null;
        if (!this.closed) void this.connect();
      }, this.reconnectDelay);
      this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
    };
    client.on("error", down);
    client.on("end", () => down());
    client.on("notification", (message) => {
      if (message.channel === QUEUE_CHANNEL && message.payload) this.notify(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${QUEUE_CHANNEL}`);
      if (this.client !== client) return;
      this.listening = true;
      this.reconnectDelay = RECONNECT_MIN_MS;
      // Whatever changed while no one listened: every stream reloads once.
      for (const officeId of [...this.offices.keys()]) this.notify(officeId);
    } catch (error) {
      down(error as Error);
    }
  }

  private startPolling(): void {
    if (this.pollTimer || this.closed) return;
    this.pollTimer = setInterval(() => void this.poll(), this.options.pollIntervalMs ?? POLL_INTERVAL_MS);
    this.pollTimer.unref?.();
  }

  private stopPolling(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
  }

  private async poll(): Promise<void> {
    this.ticks++;
    if (this.polling || (this.listening && this.ticks % this.safetyEvery !== 0)) return;
    this.polling = true;
    try {
      const now = new Date();
      for (const [officeId, entry] of [...this.offices]) await this.check(officeId, entry, now);
    } finally {
      this.polling = false;
    }
  }

  /** Reads the office's queue version and tells its listeners if it moved. */
  private async check(officeId: string, entry: { office: WatchedOffice; version?: number }, now: Date): Promise<void> {
    const version = await queueVersion(this.options.db, entry.office, now).catch(() => undefined);
    // Not "greater": a new day's version starts again from the beginning. Two reads that overlap at most announce
    // one change twice, which costs the streams one more reload.
    if (version === undefined || version === entry.version) return;
    // Without notifications the first read also counts as a change: a write between a stream's first state and this
    // read is not lost. While listening, the notification covered that write.
    const changed = entry.version !== undefined || !this.listening;
    entry.version = version;
    if (changed) this.notify(officeId);
  }
}

const holder = globalThis as typeof globalThis & { __terminvergabeQueueHub?: QueueHub };

/** For tests: route handlers use `hub` (one on the test database) until the returned function is called. */
export function overrideQueueHub(hub: QueueHub): () => void {
  const previous = holder.__terminvergabeQueueHub;
  holder.__terminvergabeQueueHub = hub;
  return () => {
    holder.__terminvergabeQueueHub = previous;
  };
}

/** The process's one hub, kept on globalThis so that hot reload in development does not open a second connection. */
export function queueHub(): QueueHub {
  if (!holder.__terminvergabeQueueHub) {
    const db = getDb();
    const url = env().DATABASE_URL;
    holder.__terminvergabeQueueHub = new QueueHub({ db, listenUrl: dbProvider(db) === "postgresql" ? url : undefined, log: componentLog("live") });
  }
  return holder.__terminvergabeQueueHub;
}
