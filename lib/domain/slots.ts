import {
  type CapacitySegment,
  canAssign,
  canAssignKeeping,
  capacityCalendar,
  clerksFor,
  serviceWindows,
  servesEverything,
} from "./capacity";
import type { DemandKey } from "./demand";
import { type PublicHoliday, closingHoliday } from "./holidays";
import { MS_PER_MINUTE, addDays, datesBetween, isValidLocalDate, localDateOf } from "./time";
import type {
  AccessKind,
  BookingRules,
  Interval,
  LocalDate,
  OccupiedInterval,
  OfficeSchedule,
  ServiceSpec,
  Slot,
} from "./types";

// One rule decides whether a start time can be booked (`checkSlot`); listing and "next free slot" only enumerate
// candidate starts and ask that same rule, so what a citizen is shown and what booking accepts cannot drift apart.
// The "service" asked about is a demand (`demand.ts`): one service, or several in one appointment (`combinedService`),
// in person or by phone or video; its id is the demand key that the capacity pools are matched against.

/** Real minutes one appointment takes: the base duration plus the extra time for each further person. */
export function appointmentMinutes(
  service: Pick<ServiceSpec, "durationMinutes" | "extraPersonMinutes" | "maxPersons">,
  persons: number,
): number {
  if (!Number.isInteger(persons) || persons < 1 || persons > service.maxPersons) {
    throw new RangeError(`Persons must be between 1 and ${service.maxPersons}, got ${persons}`);
  }
  return service.durationMinutes + (persons - 1) * service.extraPersonMinutes;
}

export interface AvailabilityInput {
  schedule: OfficeSchedule;
  rules: BookingRules;
  service: ServiceSpec;
  persons: number;
  /** Bookings that hold a clerk, of any service; those far from the asked dates are simply ignored. */
  occupied: OccupiedInterval[];
  now: Date;
  /**
   * For a service in release-round mode: whether a drawn round has released the date. Absent: every date is
   * released (first come, first served, and staff booking on behalf).
   */
  released?: (date: LocalDate) => boolean;
  /** Who asks (see `AccessKind`); absent: "public", the strictest. */
  access?: AccessKind;
}

export type SlotRejection = "too-soon" | "beyond-horizon" | "not-released" | "not-offered" | "full";

export type SlotCheck = { ok: true; slot: Slot } | { ok: false; reason: SlotRejection };

/** Inclusive range of office-local dates. */
export interface DateRange {
  from: LocalDate;
  to: LocalDate;
}

/**
 * Why a date has free times or none, for one service and party size: "past" before today and once today's last
 * possible start has gone by, "tooSoon" while its remaining starts lie inside the minimum notice, "notReleased" for an
 * open date that no drawn release round has released yet, "closed" without
 * a clerk for the service long enough for the appointment, "fullyBooked" when bookings take every such time.
 */
export type DayStatus =
  | { kind: "free" }
  | { kind: "past" }
  | { kind: "tooSoon" }
  | { kind: "beyondHorizon" }
  | { kind: "notReleased" }
  | { kind: "holiday"; holiday: PublicHoliday }
  | { kind: "closed" }
  | { kind: "fullyBooked" };

/** One day of the citizen calendar's week and why it has free times or none. */
export interface CalendarDay {
  date: LocalDate;
  status: DayStatus;
}

/** One week of the citizen calendar: the next free slot, the days with their status and the week's free slots. */
export interface SlotWeek {
  next: Slot | null;
  /** The Monday of the week shown. */
  week: LocalDate;
  /** The day the citizen chose, if it lies in the week. */
  day: LocalDate | null;
  slots: Slot[];
  days: CalendarDay[];
  /** The booking window: no week link leads outside it. */
  firstBookable: LocalDate;
  lastBookable: LocalDate;
  timeZone: string;
  holidayRegion: string;
}

/**
 * Today in the office's time zone and the last local date on which an appointment may start: today plus the booking
 * horizon. Counted in dates, not hours, so the horizon ends at a local midnight whatever DST does in between.
 */
export function bookingHorizon(
  rules: Pick<BookingRules, "bookingHorizonDays">,
  timeZone: string,
  now: Date,
): { today: LocalDate; last: LocalDate } {
  const today = localDateOf(now, timeZone);
  return { today, last: addDays(today, rules.bookingHorizonDays) };
}

/** Office-local dates of the booking window: today, the first date a start can be early enough, the last date. */
export function bookableDates(
  rules: Pick<BookingRules, "minNoticeMinutes" | "bookingHorizonDays">,
  timeZone: string,
  now: Date,
): { today: LocalDate; first: LocalDate; last: LocalDate } {
  const { today, last } = bookingHorizon(rules, timeZone, now);
  return { today, first: localDateOf(now.getTime() + rules.minNoticeMinutes * MS_PER_MINUTE, timeZone), last };
}

/** Bounds of a search for the next free slot. */
export interface NextOptions {
  /** The last date to search (default: the last bookable date). */
  until?: LocalDate;
  /** A start not to offer, though free: a booking being moved is not offered its own time. */
  except?: Date;
}

/** Availability for one service and party size, with bookings indexed once for many questions. */
export interface Availability {
  /** Today in the office's time zone. */
  readonly today: LocalDate;
  /** The last local date on which an appointment may start. */
  readonly lastBookableDate: LocalDate;
  check(start: Date): SlotCheck;
  list(range: DateRange): Slot[];
  next(from?: LocalDate, options?: NextOptions): Slot | null;
  /** Why the date has free times or none; asks the booking rule exactly as `list` does. */
  status(date: LocalDate): DayStatus;
  /** How many starts the booking rule has been asked about so far; lets tests bound the work of a search. */
  readonly evaluations: number;
}

/**
 * Bookings sorted by start, with the running maximum of their ends, so the bookings overlapping a time span are found
 * by two binary searches instead of a scan over all bookings.
 */
class OccupancyIndex {
  private readonly sorted: OccupiedInterval[];
  private readonly maxEndUpTo: number[];

  constructor(occupied: readonly OccupiedInterval[]) {
    this.sorted = occupied.filter((o) => o.end > o.start).sort((a, b) => a.start - b.start);
    let maxEnd = -Infinity;
    this.maxEndUpTo = this.sorted.map((o) => (maxEnd = Math.max(maxEnd, o.end)));
  }

  /** Bookings overlapping [from, to), sorted by start. */
  overlapping(from: number, to: number): OccupiedInterval[] {
    // Every booking before `first` ends at or before `from`.
    const first = firstIndex(this.maxEndUpTo.length, (i) => this.maxEndUpTo[i] > from);
    const last = firstIndex(this.sorted.length, (i) => this.sorted[i].start >= to);
    const result: OccupiedInterval[] = [];
    for (let i = first; i < last; i++) if (this.sorted[i].end > from) result.push(this.sorted[i]);
    return result;
  }
}

/** Smallest index in [0, length) for which the monotone predicate holds, or length. */
function firstIndex(length: number, holds: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * One date, for one service: its opening windows and, over the elementary intervals between every capacity change
 * and booking start or end, whether one more appointment of the service still fits there. A candidate fits when no
 * elementary interval it covers is blocked, which checks the peak occupancy, not a plain overlap count.
 */
interface DayPlan {
  windows: Interval[];
  bounds: number[];
  /** blockedBefore[k] = number of blocked elementary intervals [bounds[i], bounds[i+1]) with i < k. */
  blockedBefore: Int32Array;
  /** Maximal runs of unblocked elementary intervals, in order: a candidate fits exactly when it lies inside one. */
  freeRuns: FreeRun[];
}

/** A free run lies inside one opening window, whose start is the origin of its grid of starts. */
interface FreeRun extends Interval {
  gridStart: number;
}

const CLOSED_DAY: DayPlan = { windows: [], bounds: [], blockedBefore: new Int32Array(0), freeRuns: [] };

/**
 * `keep`: the places kept for urgent cases are not for this request (a public one, before their release). Then one
 * more plain appointment must fit with the urgent ones filling the kept places first (`canAssignKeeping`); without
 * restricted pools that is (occupied - min(urgentOccupied, kept)) + 1 <= clerks - kept at every instant.
 */
function planDay(segments: CapacitySegment[], occupancy: OccupancyIndex, demand: DemandKey, keep: boolean): DayPlan {
  const windows = serviceWindows(segments, demand);
  if (windows.length === 0) return CLOSED_DAY;
  const spanStart = windows[0].start;
  const spanEnd = windows[windows.length - 1].end;
  const bookings = occupancy.overlapping(spanStart, spanEnd);

  const boundSet = new Set<number>([spanStart, spanEnd]);
  const inSpan = (t: number) => t > spanStart && t < spanEnd;
  for (const s of segments) {
    if (inSpan(s.start)) boundSet.add(s.start);
    if (inSpan(s.end)) boundSet.add(s.end);
  }
  for (const b of bookings) {
    if (inSpan(b.start)) boundSet.add(b.start);
    if (inSpan(b.end)) boundSet.add(b.end);
  }
  const bounds = [...boundSet].sort((a, b) => a - b);
  const byEnd = [...bookings].sort((a, b) => a.end - b.end);

  const blockedBefore = new Int32Array(bounds.length);
  const running = new Map<string, number>();
  let runningTotal = 0;
  // Urgent bookings among the running ones, by demand; only read when places are kept.
  const runningUrgent = new Map<string, number>();
  const count = (counts: Map<string, number>, id: string, by: number) => counts.set(id, (counts.get(id) ?? 0) + by);
  let nextStart = 0;
  let nextEnd = 0;
  let segment = 0;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const at = bounds[k];
    while (nextStart < bookings.length && bookings[nextStart].start <= at) {
      const { serviceId: id, urgent } = bookings[nextStart++];
      count(running, id, 1);
      runningTotal++;
      if (urgent) count(runningUrgent, id, 1);
    }
    while (nextEnd < byEnd.length && byEnd[nextEnd].end <= at) {
      const { serviceId: id, urgent } = byEnd[nextEnd++];
      count(running, id, -1);
      runningTotal--;
      if (urgent) count(runningUrgent, id, -1);
    }
    while (segment < segments.length && segments[segment].end <= at) segment++;
    const pools = segment < segments.length && segments[segment].start <= at ? segments[segment].pools : [];

    let fits: boolean;
    if (clerksFor(pools, demand) === 0) fits = false;
    else if (keep && pools.some((p) => (p.urgentClerks ?? 0) > 0)) {
      const plain = new Map<string, number>();
      for (const [id, n] of running) plain.set(id, n - (runningUrgent.get(id) ?? 0));
      count(plain, demand, 1);
      fits = canAssignKeeping(plain, runningUrgent, pools);
    } else if (pools.every(servesEverything)) {
      fits = runningTotal + 1 <= pools.reduce((n, p) => n + p.clerks, 0);
    } else {
      running.set(demand, (running.get(demand) ?? 0) + 1);
      fits = canAssign(running, pools);
      running.set(demand, (running.get(demand) ?? 0) - 1);
    }
    blockedBefore[k + 1] = blockedBefore[k] + (fits ? 0 : 1);
  }
  return { windows, bounds, blockedBefore, freeRuns: freeRunsOf(windows, bounds, blockedBefore) };
}

/**
 * Unblocked elementary intervals joined into maximal runs. An unblocked interval has a clerk for the service, so it
 * lies inside an opening window, and so does every run: windows are maximal, and a run never bridges two of them.
 */
function freeRunsOf(windows: Interval[], bounds: number[], blockedBefore: Int32Array): FreeRun[] {
  const runs: FreeRun[] = [];
  let window = 0;
  for (let k = 0; k + 1 < bounds.length; k++) {
    if (blockedBefore[k + 1] !== blockedBefore[k]) continue;
    const last = runs[runs.length - 1];
    if (last && last.end === bounds[k]) {
      last.end = bounds[k + 1];
      continue;
    }
    while (windows[window].end <= bounds[k]) window++;
    runs.push({ start: bounds[k], end: bounds[k + 1], gridStart: windows[window].start });
  }
  return runs;
}

function fitsCapacity(plan: DayPlan, start: number, end: number): boolean {
  const first = firstIndex(plan.bounds.length, (i) => plan.bounds[i] > start) - 1;
  const afterLast = firstIndex(plan.bounds.length, (i) => plan.bounds[i] >= end);
  return plan.blockedBefore[afterLast] - plan.blockedBefore[first] === 0;
}

/**
 * Whether a booking holds its clerk at `now`: a hold until it expires, a cancelled booking until the rebook delay
 * after its cancellation has passed, every other booking always. Listing and booking both filter with this.
 */
export function occupiesAt(occupied: OccupiedInterval, now: number, rules: Pick<BookingRules, "rebookDelayMinutes">): boolean {
  if (occupied.cancelledAt !== undefined) {
    return now < occupied.cancelledAt + (rules.rebookDelayMinutes ?? 0) * MS_PER_MINUTE;
  }
  if (occupied.holdExpiresAt !== undefined) return now < occupied.holdExpiresAt;
  return true;
}

function validateRules(rules: BookingRules): void {
  if (!Number.isInteger(rules.slotStepMinutes) || rules.slotStepMinutes <= 0) {
    throw new RangeError(`Slot step must be a positive whole number of minutes, got ${rules.slotStepMinutes}`);
  }
  if (!Number.isFinite(rules.minNoticeMinutes)) throw new RangeError("Minimum notice must be a number of minutes");
  if (!Number.isInteger(rules.bookingHorizonDays) || rules.bookingHorizonDays < 0) {
    throw new RangeError(`Booking horizon must be a whole number of days >= 0, got ${rules.bookingHorizonDays}`);
  }
  const delay = rules.rebookDelayMinutes ?? 0;
  if (!Number.isFinite(delay) || delay < 0) throw new RangeError(`Rebook delay must be minutes >= 0, got ${delay}`);
  const release = rules.urgentReleaseHours ?? 0;
  if (!Number.isFinite(release) || release < 0) throw new RangeError(`Urgent release must be hours >= 0, got ${release}`);
}

function validateRange(range: DateRange): void {
  if (!isValidLocalDate(range.from) || !isValidLocalDate(range.to)) {
    throw new RangeError(`Invalid date range: ${String(range.from)} .. ${String(range.to)}`);
  }
}

/** Indexes the bookings once; use this when asking many questions about the same input. */
export function prepareAvailability(input: AvailabilityInput): Availability {
  const { schedule, rules, service, now, released } = input;
  validateRules(rules);
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError("Invalid now");

  const tz = schedule.timeZone;
  const durationMs = appointmentMinutes(service, input.persons) * MS_PER_MINUTE;
  const stepMs = rules.slotStepMinutes * MS_PER_MINUTE;
  const earliestStart = nowMs + rules.minNoticeMinutes * MS_PER_MINUTE;
  // No start before firstPossibleDate can be early enough, whatever the notice.
  const { today, first: firstPossibleDate, last: lastBookableDate } = bookableDates(rules, tz, now);

  const capacityCalendarOn = capacityCalendar(schedule);
  // Each date's capacity is computed once, though a public request may plan a date twice (kept places or not).
  const segmentsByDate = new Map<LocalDate, CapacitySegment[]>();
  const capacityOn = (date: LocalDate): CapacitySegment[] => {
    let segments = segmentsByDate.get(date);
    if (!segments) {
      segments = capacityCalendarOn(date);
      segmentsByDate.set(date, segments);
    }
    return segments;
  };
  const occupancy = new OccupancyIndex(input.occupied.filter((o) => occupiesAt(o, nowMs, rules)));
  // Places kept for urgent cases count for a public request from `keptFrom` on; earlier starts have them released.
  const keeps = (input.access ?? "public") === "public";
  const keptFrom = nowMs + (rules.urgentReleaseHours ?? 0) * 60 * MS_PER_MINUTE;
  const keptFor = (start: number) => keeps && start >= keptFrom;
  const plans = new Map<string, DayPlan>();
  const planFor = (date: LocalDate, keep = false): DayPlan => {
    const key = keep ? `${date} kept` : date;
    let plan = plans.get(key);
    if (!plan) {
      const segments = capacityOn(date);
      // A date without kept places has one plan for everyone.
      const keepsAny = keep && segments.some((s) => s.pools.some((p) => (p.urgentClerks ?? 0) > 0));
      plan = keep && !keepsAny ? planFor(date) : planDay(segments, occupancy, service.id, keep);
      plans.set(key, plan);
    }
    return plan;
  };

  let evaluations = 0;

  /** THE booking rule. `date` must be the office-local date of `start`. */
  const evaluate = (date: LocalDate, start: number): SlotCheck => {
    evaluations++;
    const end = start + durationMs;
    if (start < earliestStart) return { ok: false, reason: "too-soon" };
    if (date > lastBookableDate) return { ok: false, reason: "beyond-horizon" };
    if (released && !released(date)) return { ok: false, reason: "not-released" };
    const plan = planFor(date);
    const window = plan.windows.find((w) => w.start <= start && start < w.end);
    // Steps are counted in real elapsed minutes from the window's start, so a DST change never yields a wall time
    // twice in a row or one that does not exist.
    if (!window || end > window.end || (start - window.start) % stepMs !== 0) {
      return { ok: false, reason: "not-offered" };
    }
    if (!fitsCapacity(keptFor(start) ? planFor(date, true) : plan, start, end)) return { ok: false, reason: "full" };
    return { ok: true, slot: { start: new Date(start), end: new Date(end) } };
  };

  // Only starts on a window's grid, not too soon and inside a free run can pass the rule, so only those are put to
  // it: a fully booked day costs its one sweep in planDay and no evaluation at all.
  // Starts before the release instant are judged by the plan with every place, later ones (for a public request) by
  // the plan that keeps the urgent places: two phases in time order, each walking its own plan's free runs.
  const slotsOn = (date: LocalDate, firstOnly: boolean, except?: number): Slot[] => {
    const slots: Slot[] = [];
    // The rule refuses every start of an unreleased date: skip it unasked, as dates beyond the horizon are.
    if (released && !released(date)) return slots;
    const phases = keeps
      ? [
          { plan: planFor(date), from: earliestStart, until: keptFrom },
          { plan: planFor(date, true), from: Math.max(earliestStart, keptFrom), until: Infinity },
        ]
      : [{ plan: planFor(date), from: earliestStart, until: Infinity }];
    for (const phase of phases) {
      for (const run of phase.plan.freeRuns) {
        if (run.end - durationMs < phase.from || run.start >= phase.until) continue;
        const from = Math.max(run.start, phase.from);
        let start = run.gridStart + Math.ceil((from - run.gridStart) / stepMs) * stepMs;
        for (; start + durationMs <= run.end && start < phase.until; start += stepMs) {
          const result = evaluate(date, start);
          if (!result.ok || start === except) continue;
          slots.push(result.slot);
          if (firstOnly) return slots;
        }
      }
    }
    return slots;
  };

  /** The latest start on a window's grid whose appointment still ends inside its window, or null if none fits. */
  const lastGridStart = (plan: DayPlan): number | null => {
    let last: number | null = null;
    for (const window of plan.windows) {
      const room = window.end - durationMs - window.start;
      if (room < 0) continue;
      const start = window.start + Math.floor(room / stepMs) * stepMs;
      if (last === null || start > last) last = start;
    }
    return last;
  };

  const latest = (a: LocalDate, b: LocalDate) => (a > b ? a : b);
  const earliest = (a: LocalDate, b: LocalDate) => (a < b ? a : b);

  return {
    today,
    lastBookableDate,
    get evaluations() {
      return evaluations;
    },

    check(start) {
      const ms = start.getTime();
      if (!Number.isFinite(ms)) return { ok: false, reason: "not-offered" };
      return evaluate(localDateOf(ms, tz), ms);
    },

    list(range) {
      validateRange(range);
      // Dates outside these bounds could only yield too-soon or beyond-horizon, so they are skipped unasked.
      const from = latest(range.from, firstPossibleDate);
      const to = earliest(range.to, lastBookableDate);
      if (from > to) return [];
      return datesBetween(from, to).flatMap((date) => slotsOn(date, false));
    },

    next(fromDate, options = {}) {
      for (const date of [fromDate, options.until]) {
        if (date !== undefined && !isValidLocalDate(date)) throw new RangeError(`Invalid date: ${date}`);
      }
      const until = options.until === undefined ? lastBookableDate : earliest(options.until, lastBookableDate);
      const except = options.except?.getTime();
      for (let date = latest(fromDate ?? today, firstPossibleDate); date <= until; date = addDays(date, 1)) {
        const [slot] = slotsOn(date, true, except);
        if (slot) return slot;
      }
      return null;
    },

    status(date) {
      if (!isValidLocalDate(date)) throw new RangeError(`Invalid date: ${String(date)}`);
      // Decided by the date alone, so these need no schedule of that date.
      if (date < today) return { kind: "past" };
      if (date > lastBookableDate) return { kind: "beyondHorizon" };
      const holiday = closingHoliday(schedule, date);
      if (holiday) return { kind: "holiday", holiday };
      const last = lastGridStart(planFor(date));
      if (last === null) return { kind: "closed" };
      if (released && !released(date)) return { kind: "notReleased" };
      if (slotsOn(date, true).length > 0) return { kind: "free" };
      // Every start on the grid inside a window is free of bookings unless they fill it (planDay), so with no
      // free start left, either the remaining starts are too early or bookings take them.
      if (last < nowMs) return { kind: "past" };
      if (last < earliestStart) return { kind: "tooSoon" };
      return { kind: "fullyBooked" };
    },
  };
}

/** Whether an appointment can start at `start`; the check the booking transaction relies on. */
export function checkSlot(input: AvailabilityInput, start: Date): SlotCheck {
  return prepareAvailability(input).check(start);
}

/** Every bookable start in the date range, in order; exactly the starts `checkSlot` accepts. */
export function listSlots(input: AvailabilityInput, range: DateRange): Slot[] {
  return prepareAvailability(input).list(range);
}

/** The earliest bookable slot from today (or `from`) up to the booking horizon, or null if there is none. */
export function nextFreeSlot(input: AvailabilityInput, from?: LocalDate): Slot | null {
  return prepareAvailability(input).next(from);
}

/** Why a date has free times or none (see `DayStatus`). */
export function dayStatus(input: AvailabilityInput, date: LocalDate): DayStatus {
  return prepareAvailability(input).status(date);
}
