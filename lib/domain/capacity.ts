import { closingHoliday } from "./holidays";
import { blockAppliesOn, closesWholeDay, closureMinutes } from "./schedule";
import { weekdayOf, zonedInstant } from "./time";
import { APPOINTMENT_KINDS, type AppointmentKind, type DemandKey, parseDemandKey } from "./demand";
import type { Closure, DateOverride, Interval, LocalDate, OfficeSchedule } from "./types";

// Clerk capacity as pure interval algebra: a date's blocks become instants, overlapping blocks add up, closures cut
// holes, and the result is a sorted list of segments with constant capacity. A public holiday of the office's
// region that it has not opened closes the whole day. Pools are matched against demands (`demand.ts`): the services
// of one appointment and its kind.

/** Clerks on duty who can serve the listed services (null = every service) in the listed kinds (null = every kind). */
export interface CapacityPool {
  clerks: number;
  serviceIds: string[] | null;
  /** Kinds of appointment these clerks take; absent or null: every kind. */
  kinds?: AppointmentKind[] | null;
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

const EVERYTHING = "*";

function poolKey(pool: CapacityPool): string {
  const services = pool.serviceIds === null ? EVERYTHING : JSON.stringify(pool.serviceIds);
  return pool.kinds ? `${services}@${pool.kinds.join(",")}` : services;
}

function normalizeServiceIds(ids: string[] | null | undefined): string[] | null {
  if (!ids || ids.length === 0) return null;
  return [...new Set(ids)].sort();
}

/** Every kind listed is the same as none listed: such clerks take every kind. */
function normalizeKinds(kinds: readonly AppointmentKind[] | null | undefined): AppointmentKind[] | null {
  const listed = APPOINTMENT_KINDS.filter((k) => kinds?.includes(k));
  return listed.length === 0 || listed.length === APPOINTMENT_KINDS.length ? null : listed;
}

/** Sums the clerks of pools that serve the same services and kinds, in a stable order so segments compare by key. */
function mergePools(pools: CapacityPool[]): CapacityPool[] {
  const byKey = new Map<string, CapacityPool>();
  for (const pool of pools) {
    const key = poolKey(pool);
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
        poolKey(pool) === poolKey(b[i]),
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
      const kinds = normalizeKinds(s.appointmentKinds);
      if (kinds) pool.kinds = kinds;
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

/** Whether the pool's clerks take every appointment, whatever its services and kind. */
export function servesEverything(pool: CapacityPool): boolean {
  return pool.serviceIds === null && !pool.kinds;
}

/** Whether the pool's clerks can take an appointment of this demand: every one of its services, and its kind. */
export function poolServes(pool: CapacityPool, demand: DemandKey): boolean {
  if (servesEverything(pool)) return true;
  const { serviceIds, kind } = parseDemandKey(demand);
  if (pool.kinds && !pool.kinds.includes(kind)) return false;
  const served = pool.serviceIds;
  return served === null || serviceIds.every((id) => served.includes(id));
}

/** Clerks who could take the demand, ignoring what they are already doing. */
export function clerksFor(pools: readonly CapacityPool[], demand: DemandKey): number {
  let n = 0;
  for (const pool of pools) if (pool.clerks > 0 && poolServes(pool, demand)) n += pool.clerks;
  return n;
}

/** Maximal intervals during which at least one clerk can take the demand: its opening windows. */
export function serviceWindows(segments: readonly CapacitySegment[], demand: DemandKey): Interval[] {
  const windows: Interval[] = [];
  for (const s of segments) {
    if (clerksFor(s.pools, demand) <= 0) continue;
    const last = windows[windows.length - 1];
    if (last && last.end === s.start) last.end = s.end;
    else windows.push({ start: s.start, end: s.end });
  }
  return windows;
}

/** Above this many bits the subset enumeration would take too long; no real office comes near it. */
const MAX_HALL_BITS = 16;

/**
 * Hall's condition on a bipartite graph of demand classes (with a count each) and places (with a number of clerks
 * each): can every appointment get its own clerk? Every set S of classes must have no more appointments than there
 * are clerks in places adjacent to some class of S.
 *
 * Places adjacent to every class present are in every neighbourhood and count as `unrestricted`. Of the rest, it
 * enumerates whichever is smaller: subsets of the classes, or subsets T of the restricted places (for each T, the
 * classes whose restricted places all lie in T need at most the unrestricted clerks plus T's clerks). Both forms are
 * equivalent; the second stays tiny when an office has one or two restricted pools and many services.
 */
function hallHolds(counts: readonly number[], clerks: readonly number[], adjacent: (place: number, cls: number) => boolean): boolean {
  const k = counts.length;
  const total = counts.reduce((n, c) => n + c, 0);
  if (total === 0) return true;

  let unrestricted = 0;
  const restricted: number[] = [];
  // masks[i]: the restricted places adjacent to class i.
  const masks = new Array<number>(k).fill(0);
  for (let place = 0; place < clerks.length; place++) {
    if (clerks[place] <= 0) continue;
    let adjacentTo = 0;
    for (let i = 0; i < k; i++) if (adjacent(place, i)) adjacentTo++;
    if (adjacentTo === k) unrestricted += clerks[place];
    else if (adjacentTo > 0) {
      const bit = restricted.length;
      if (bit >= 31) throw new RangeError("Too many restricted pools to check at once");
      restricted.push(clerks[place]);
      for (let i = 0; i < k; i++) if (adjacent(place, i)) masks[i] |= 1 << bit;
    }
  }
  if (restricted.length === 0) return total <= unrestricted;
  if (total > unrestricted + restricted.reduce((n, c) => n + c, 0)) return false;

  const clerksIn = (placeMask: number) => {
    let n = unrestricted;
    for (let bit = 0; bit < restricted.length; bit++) if (placeMask & (1 << bit)) n += restricted[bit];
    return n;
  };

  const r = restricted.length;
  if (Math.min(r, k) > MAX_HALL_BITS) throw new RangeError("Too many services and restricted pools to check at once");

  if (r <= k) {
    for (let placeMask = 0; placeMask < 1 << r; placeMask++) {
      let need = 0;
      for (let i = 0; i < k; i++) if ((masks[i] & ~placeMask) === 0) need += counts[i];
      if (need > clerksIn(placeMask)) return false;
    }
  } else {
    for (let classMask = 1; classMask < 1 << k; classMask++) {
      let need = 0;
      let neighbours = 0;
      for (let i = 0; i < k; i++) {
        if (classMask & (1 << i)) {
          need += counts[i];
          neighbours |= masks[i];
        }
      }
      if (need > clerksIn(neighbours)) return false;
    }
  }
  return true;
}

/** The demands with a positive count, as parallel lists. */
function demandClasses(demand: ReadonlyMap<DemandKey, number>): { keys: DemandKey[]; counts: number[] } {
  const keys: DemandKey[] = [];
  const counts: number[] = [];
  for (const [key, count] of demand) {
    if (count <= 0) continue;
    keys.push(key);
    counts.push(count);
  }
  return { keys, counts };
}

/**
 * Whether the appointments running at one instant (count per demand key) can each be given their own clerk from
 * the pools on duty: Hall's condition over the demand classes. Without restricted pools this is just
 * "count <= clerks"; a combined appointment can only go to a clerk who serves all of its services and its kind.
 */
export function canAssign(demand: ReadonlyMap<DemandKey, number>, pools: readonly CapacityPool[]): boolean {
  const { keys, counts } = demandClasses(demand);
  return hallHolds(
    counts,
    pools.map((p) => p.clerks),
    (place, cls) => poolServes(pools[place], keys[cls]),
  );
}

/**
 * Whether the appointments at one instant can each have a clerk when the places kept for urgent cases may serve
 * only urgent appointments: `plain` counts (per demand) the appointments that must use an open place, `urgent`
 * those that may use any place. The kept places of a pool serve that pool's demands, so this is Hall's condition
 * on a graph with each pool split into its open part (plain and urgent appointments) and its kept part (urgent ones
 * only): exact, with restricted pools too.
 *
 * Without restricted pools it comes down to: with P plain and U urgent appointments, C clerks and K kept places,
 * P <= C - K and P + U <= C, i.e. (P + U) - min(U, K) <= C - K: urgent appointments fill the kept places first and
 * whatever of them does not fit there takes open places like anyone else.
 */
export function canAssignKeeping(
  plain: ReadonlyMap<DemandKey, number>,
  urgent: ReadonlyMap<DemandKey, number>,
  pools: readonly CapacityPool[],
): boolean {
  const kept = pools.reduce((n, p) => n + (p.clerks > 0 ? (p.urgentClerks ?? 0) : 0), 0);
  if (kept === 0) {
    const all = new Map(plain);
    for (const [key, n] of urgent) all.set(key, (all.get(key) ?? 0) + n);
    return canAssign(all, pools);
  }
  const p = demandClasses(plain);
  const u = demandClasses(urgent);
  if (pools.every(servesEverything)) {
    const clerks = pools.reduce((n, pool) => n + Math.max(pool.clerks, 0), 0);
    const sum = (counts: number[]) => counts.reduce((n, c) => n + c, 0);
    return sum(p.counts) <= clerks - kept && sum(p.counts) + sum(u.counts) <= clerks;
  }

  // Classes: the plain demands, then the urgent ones. Places: each pool's open part, then its kept part.
  const keys = [...p.keys, ...u.keys];
  const isUrgent = (cls: number) => cls >= p.keys.length;
  const places: Array<{ pool: CapacityPool; keptPart: boolean }> = [];
  const clerks: number[] = [];
  for (const pool of pools) {
    const keptHere = pool.urgentClerks ?? 0;
    places.push({ pool, keptPart: false });
    clerks.push(pool.clerks - keptHere);
    if (keptHere > 0) {
      places.push({ pool, keptPart: true });
      clerks.push(keptHere);
    }
  }
  return hallHolds(
    [...p.counts, ...u.counts],
    clerks,
    (place, cls) => (!places[place].keptPart || isUrgent(cls)) && poolServes(places[place].pool, keys[cls]),
  );
}
