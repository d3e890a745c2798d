import type { Db } from "./client";

// What a booking reads of an office's settings (the office with its services, the schedule of a date, webhook
// endpoints, the branding) changes rarely, but a rush of bookings would read it hundreds of times a second. An
// instance keeps it in memory, tagged with the configuration revision it was read under: a single row that
// database triggers raise in the same transaction as every write to those tables (migration `config_revision`),
// whoever writes, on whichever instance. An entry is used only while the revision read for the request is the one
// it was read under, so a committed change is seen by the next request on every instance.

/** Entries kept per database client; the oldest goes first beyond it. */
const MAX_ENTRIES = 500;

interface Entry {
  revision: number;
  value: Promise<unknown>;
}

const caches = new WeakMap<Db, Map<string, Entry>>();

/**
 * The configuration revision as committed now; null when its row is missing (a database emptied by hand), and then
 * nothing is cached. Read it BEFORE the data it validates: data read afterwards is at least as new as the revision.
 */
export async function readConfigRevision(db: Db): Promise<number | null> {
  const row = await db.configRevision.findUnique({ where: { id: 1 }, select: { revision: true } });
  return row ? row.revision : null;
}

/**
 * The value under `key` read under `revision`, or `load()`'s, kept for the next request with the same revision.
 * A failed load is not kept. `revision` must have been read before `load` runs (readConfigRevision).
 */
export function cachedConfig<T>(db: Db, revision: number | null, key: string, load: () => Promise<T>): Promise<T> {
  if (revision === null) return load();
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.revision === revision) return hit.value as Promise<T>;
  // A newer revision replaces an older entry; an older one (a slow request) never replaces a newer.
  if (hit && hit.revision > revision) return load();
  const value = load();
  cache.delete(key);
  cache.set(key, { revision, value });
  value.catch(() => {
    if (cache.get(key)?.value === value) cache.delete(key);
  });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}
