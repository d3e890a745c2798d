import { closingHoliday } from "./holidays";
import { blockAppliesOn, closesWholeDay, closureMinutes } from "./schedule";
import { weekdayOf, zonedInstant } from "./time";
import type { Closure, DateOverride, Interval, LocalDate, OfficeSchedule } from "./types";

// Clerk capacity as pure interval algebra: a date's blocks become instants, overlapping blocks add up, closures cut
// holes, and the result is a sorted list of segments with constant capacity. A public holiday of the office's
// region that it has not opened closes the whole day.

/** Clerks on duty who can serve the listed services (null = every service). */
export interface CapacityPool {
  clerks: number;
  serviceIds: string[] | null;
  /** Of these clerks, how many places are kept for urgent cases (see `canAssignKeeping`); absent: none. */
  urgentClerks?: number;
}

/** Constant capacity over [start, end); segments of one date are sorted and do not overlap. */
export interface CapacitySegment extends Interval {
  pools: CapacityPool[];
}

interface Piece extends Interval {
  pool: CapacityPool;
}

const ALL_SERVICES = "*";

function poolKey(serviceIds: string[] | null): string {
  return serviceIds === null ? ALL_SERVICES : JSON.stringify(serviceIds);
}

function normalizeServiceIds(ids: string[] | null | undefined): string[] | null {
  if (!ids || ids.length === 0) return null;
  return [...new Set(ids)].sort();
}

/** Sums the clerks of pools that serve the same set of services, in a stable order so segments compare by key. */
function mergePools(pools: CapacityPool[]): CapacityPool[] {
  const byKey = new Map<string, CapacityPool>();
  for (const pool of pools) {
    const key = poolKey(pool.serviceIds);
    const existing = byKey.get(key);
    if (existing) {
      existing.clerks += pool.clerks;
      const kept = (existing.urgentClerks ?? 0) + (pool.urgentClerks ?? 0);
      if (kept > 0) existing.urgentClerks = kept;
    } else byKey.set(key, { ...pool });
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, pool]) => pool);
}

function samePools(a: CapacityPool[], b: CapacityPool[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (pool, i) =>
        pool.clerks === b[i].clerks &&
        (pool.urgentClerks ?? 0) === (b[i].urgentClerks ?? 0) &&
        poolKey(pool.serviceIds) === poolKey(b[i].serviceIds),
    )
  );
}

function buildSegments(pieces: Piece[], holes: Interval[]): CapacitySegment[] {
  const bounds = [...new Set(pieces.flatMap((p) => [p.start, p.end]).concat(holes.flatMap((h) => [h.start, h.end])))];
  bounds.sort((a, b) => a - b);
  const segments: CapacitySegment[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i];
    const end = bounds[i + 1];
    if (holes.some((h) => h.start <= start && end <= h.end)) continue;
    const covering = pieces.filter((p) => p.start <= start && end <= p.end).map((p) => p.pool);
    if (covering.length === 0) continue;
    const pools = mergePools(covering);
    const last = segments[segments.length - 1];
    if (last && last.end === start && samePools(last.pools, pools)) last.end = end;
    else segments.push({ start, end, pools });
  }
  return segments;
}

/** Looks up a schedule's overrides and closures by date once, for callers that ask about many dates. */
export function capacityCalendar(schedule: OfficeSchedule): (date: LocalDate) => CapacitySegment[] {
  const overridesByDate = new Map<LocalDate, DateOverride[]>();
  for (const o of schedule.dateOverrides) {
    const list = overridesByDate.get(o.date);
    if (list) list.push(o);
    else overridesByDate.set(o.date, [o]);
  }
  const closuresByDate = new Map<LocalDate, Closure[]>();
  for (const c of schedule.closures) {
    const list = closuresByDate.get(c.date);
    if (list) list.push(c);
    else closuresByDate.set(c.date, [c]);
  }

  return (date) => {
    const tz = schedule.timeZone;
    if (closingHoliday(schedule, date)) return [];
    const dateClosures = closuresByDate.get(date) ?? [];
    if (dateClosures.some(closesWholeDay)) return [];
    const closures = dateClosures.map(closureMinutes).filter((c) => c.start < c.end);

    // Any override for the date replaces all of that date's weekly blocks, even an override with zero clerks.
    const overrides = overridesByDate.get(date);
    const weekday = weekdayOf(date);
    const sources = overrides ?? schedule.weeklyBlocks.filter((b) => blockAppliesOn(b, date, weekday));

    const pieces: Piece[] = [];
    for (const s of sources) {
      if (s.clerks <= 0 || s.startMinute >= s.endMinute) continue;
      const start = zonedInstant(date, s.startMinute, tz);
      const end = zonedInstant(date, s.endMinute, tz);
      // Gap times move forward, so a block starting in the gap can end before it starts (02:30-03:15 on the DST day).
      if (start >= end) continue;
      // Never more places kept than the block has clerks.
      const kept = Math.min(Math.max(s.urgentClerks ?? 0, 0), s.clerks);
      const pool: CapacityPool = { clerks: s.clerks, serviceIds: normalizeServiceIds(s.serviceIds) };
      if (kept > 0) pool.urgentClerks = kept;
      pieces.push({ start, end, pool });
    }
    if (pieces.length === 0) return [];

    const holes = closures.map((c) => ({ start: zonedInstant(date, c.start, tz), end: zonedInstant(date, c.end, tz) }));
    return buildSegments(pieces, holes);
  };
}

/** The clerk capacity of one local date: weekly blocks (or the date's overrides) minus closures and holidays. */
export function capacityForDate(schedule: OfficeSchedule, date: LocalDate): CapacitySegment[] {
  return capacityCalendar(schedule)(date);
}

/** The pools on duty at an instant, given a date's sorted segments; empty outside opening hours. */
export function capacityAt(segments: readonly CapacitySegment[], instant: number): CapacityPool[] {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid];
    if (instant < s.start) hi = mid - 1;
    else if (instant >= s.end) lo = mid + 1;
    else return s.pools;
  }
  return [];
}

export function poolServes(pool: CapacityPool, serviceId: string): boolean {
  return pool.serviceIds === null || pool.serviceIds.includes(serviceId);
}

/** Clerks who could serve the service, ignoring what they are already doing. */
export function clerksFor(pools: readonly CapacityPool[], serviceId: string): number {
  let n = 0;
  for (const pool of pools) if (pool.clerks > 0 && poolServes(pool, serviceId)) n += pool.clerks;
  return n;
}

/** Maximal intervals during which at least one clerk can serve the service: the service's opening windows. */
export function serviceWindows(segments: readonly CapacitySegment[], serviceId: string): Interval[] {
  const windows: Interval[] = [];
  for (const s of segments) {
    if (clerksFor(s.pools, serviceId) <= 0) continue;
    const last = windows[windows.length - 1];
    if (last && last.end === s.start) last.end = s.end;
    else windows.push({ start: s.start, end: s.end });
  }
  return windows;
}

/** Above this many bits the subset enumeration would take too long; no real office comes near it. */
const MAX_HALL_BITS = 16;

/**
 * Whether the appointments running at one instant (count per service) can each be given their own clerk from the
 * pools on duty. Hall's condition: every set S of services must have no more appointments than there are clerks in
 * pools serving some service of S. Without restricted pools this is just "count <= clerks".
 *
 * Enumerates whichever is smaller: subsets of the services present, or subsets T of the restricted pools (for each T,
 * the services whose restricted pools all lie in T need at most the unrestricted clerks plus T's clerks). Both forms
 * are equivalent; the second stays tiny when an office has one or two restricted pools and many services.
 */
export function canAssign(demand: ReadonlyMap<string, number>, pools: readonly CapacityPool[]): boolean {
  const services: string[] = [];
  const counts: number[] = [];
  let total = 0;
  for (const [serviceId, count] of demand) {
    if (count <= 0) continue;
    services.push(serviceId);
    counts.push(count);
    total += count;
  }
  if (total === 0) return true;

  let unrestricted = 0;
  const restricted: CapacityPool[] = [];
  for (const pool of pools) {
    if (pool.clerks <= 0) continue;
    if (pool.serviceIds === null) unrestricted += pool.clerks;
    else if (services.some((id) => poolServes(pool, id))) restricted.push(pool);
  }
  if (restricted.length === 0) return total <= unrestricted;
  if (total > unrestricted + restricted.reduce((n, p) => n + p.clerks, 0)) return false;

  // masks[i]: the restricted pools that can serve services[i].
  const masks = services.map((id) => restricted.reduce((m, pool, bit) => (poolServes(pool, id) ? m | (1 << bit) : m), 0));
  const clerksIn = (poolMask: number) => {
    let n = unrestricted;
    for (let bit = 0; bit < restricted.length; bit++) if (poolMask & (1 << bit)) n += restricted[bit].clerks;
    return n;
  };

  const r = restricted.length;
  const k = services.length;
  if (Math.min(r, k) > MAX_HALL_BITS) throw new RangeError("Too many services and restricted pools to check at once");

  if (r <= k) {
    for (let poolMask = 0; poolMask < 1 << r; poolMask++) {
      let need = 0;
      for (let i = 0; i < k; i++) if ((masks[i] & ~poolMask) === 0) need += counts[i];
      if (need > clerksIn(poolMask)) return false;
    }
  } else {
    for (let serviceMask = 1; serviceMask < 1 << k; serviceMask++) {
      let need = 0;
      let neighbours = 0;
      for (let i = 0; i < k; i++) {
        if (serviceMask & (1 << i)) {
          need += counts[i];
          neighbours |= masks[i];
        }
      }
      if (need > clerksIn(neighbours)) return false;
    }
  }
  return true;
}

/** Prefix that tells an urgent appointment's demand from a plain one of the same service in `canAssignKeeping`. */
const URGENT_KEY = "urgent\u0000";

/**
 * Whether the appointments at one instant can each have a clerk when the places kept for urgent cases may serve
 * only urgent appointments: `plain` counts (per service) the appointments that must use an open place, `urgent`
 * those that may use any place. The kept places of a pool serve that pool's services, so this is `canAssign` on a
 * graph with each pool split into its open part (plain and urgent appointments) and its kept part (urgent ones
 * only): Hall's condition there is exact, with restricted pools too.
 *
 * Without restricted pools it comes down to: with P plain and U urgent appointments, C clerks and K kept places,
 * P <= C - K and P + U <= C, i.e. (P + U) - min(U, K) <= C - K: urgent appointments fill the kept places first and
 * whatever of them does not fit there takes open places like anyone else.
 */
export function canAssignKeeping(
  plain: ReadonlyMap<string, number>,
  urgent: ReadonlyMap<string, number>,
  pools: readonly CapacityPool[],
): boolean {
  const sum = (counts: ReadonlyMap<string, number>) => [...counts.values()].reduce((n, c) => n + Math.max(c, 0), 0);
  const kept = pools.reduce((n, p) => n + (p.clerks > 0 ? (p.urgentClerks ?? 0) : 0), 0);
  if (kept === 0) {
    const all = new Map(plain);
    for (const [id, n] of urgent) all.set(id, (all.get(id) ?? 0) + n);
    return canAssign(all, pools);
  }
  if (pools.every((p) => p.serviceIds === null)) {
    const clerks = pools.reduce((n, p) => n + Math.max(p.clerks, 0), 0);
    const p = sum(plain);
    return p <= clerks - kept && p + sum(urgent) <= clerks;
  }

  const urgentKeys = [...urgent.keys()].map((id) => URGENT_KEY + id);
  const demand = new Map(plain);
  for (const [id, n] of urgent) demand.set(URGENT_KEY + id, n);
  const split: CapacityPool[] = [];
  for (const pool of pools) {
    const keptHere = pool.urgentClerks ?? 0;
    const ids = pool.serviceIds;
    split.push({ clerks: pool.clerks - keptHere, serviceIds: ids === null ? null : [...ids, ...ids.map((id) => URGENT_KEY + id)] });
    if (keptHere > 0) split.push({ clerks: keptHere, serviceIds: ids === null ? urgentKeys : ids.map((id) => URGENT_KEY + id) });
  }
  return canAssign(demand, split);
}
