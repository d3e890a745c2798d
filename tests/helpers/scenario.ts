// Scenario builder for the domain rules: "given an office in Europe/Berlin open Mon-Fri 08:00-12:00 with two clerks,
// when these bookings exist, then these slots". Times are office wall-clock times unless an ISO instant is given.

import {
  type AccessKind,
  type AppointmentKind,
  type AvailabilityInput,
  type BookingRules,
  type Closure,
  type DateOverride,
  type DayStatus,
  type LocalDate,
  type OccupiedInterval,
  type ServiceSpec,
  type Slot,
  type SlotRejection,
  type Weekday,
  type WeeklyBlock,
  checkSlot,
  combinedService,
  dayStatus,
  listSlots,
  localDateOf,
  localMinuteOf,
  nextFreeSlot,
  zonedInstant,
} from "@/lib/domain";

export const BERLIN = "Europe/Berlin";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
type DayName = (typeof WEEKDAYS)[number];

/** "Mon-Fri", "Sat,Sun" or "Wed" to ISO weekdays. */
export function weekdays(spec: string): Weekday[] {
  const index = (name: string) => {
    const i = WEEKDAYS.indexOf(name as DayName);
    if (i < 0) throw new Error(`Unknown weekday ${name}`);
    return i + 1;
  };
  return spec.split(",").flatMap((part) => {
    const [from, to] = part.trim().split("-");
    const first = index(from);
    const last = to ? index(to) : first;
    return Array.from({ length: last - first + 1 }, (_, i) => (first + i) as Weekday);
  });
}

/** "08:30" to minutes after midnight; "24:00" is 1440. */
export function minutes(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new Error(`Bad time ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** "08:00-12:00" to [480, 720]. */
export function minuteRange(range: string): [number, number] {
  const [start, end] = range.split("-");
  return [minutes(start), minutes(end)];
}

function hhmm(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, "0")}:${String(minuteOfDay % 60).padStart(2, "0")}`;
}

interface Party {
  service?: string;
  /** Several services in one appointment (the first is `service`'s place); overrides `service`. */
  services?: string[];
  /** How the appointment takes place; in person unless given. */
  kind?: AppointmentKind;
  persons?: number;
  /** Who asks: "public" unless given (kept urgent places count). */
  access?: AccessKind;
}

export class Scenario {
  private readonly weeklyBlocks: WeeklyBlock[] = [];
  private readonly dateOverrides: DateOverride[] = [];
  private readonly closures: Closure[] = [];
  private holidayRegion: string | null = null;
  private readonly openHolidays: LocalDate[] = [];
  private readonly services = new Map<string, ServiceSpec>();
  private readonly occupied: OccupiedInterval[] = [];
  private bookingRules: BookingRules = { slotStepMinutes: 30, minNoticeMinutes: 0, bookingHorizonDays: 60 };
  private nowMs: number;

  constructor(readonly timeZone: string) {
    this.nowMs = Date.parse("2026-03-01T07:00:00Z");
  }

  /** Weekly capacity: `open("Mon-Fri", "08:00-12:00", { clerks: 2 })`. */
  open(
    days: string,
    range: string,
    opts: {
      clerks?: number;
      services?: string[];
      kinds?: AppointmentKind[];
      from?: LocalDate;
      until?: LocalDate;
      urgent?: number;
    } = {},
  ): this {
    const [startMinute, endMinute] = minuteRange(range);
    for (const weekday of weekdays(days)) {
      this.weeklyBlocks.push({
        weekday,
        startMinute,
        endMinute,
        clerks: opts.clerks ?? 1,
        ...(opts.urgent !== undefined ? { urgentClerks: opts.urgent } : {}),
        validFrom: opts.from ?? null,
        validUntil: opts.until ?? null,
        serviceIds: opts.services,
        ...(opts.kinds ? { appointmentKinds: opts.kinds } : {}),
      });
    }
    return this;
  }

  override(
    date: LocalDate,
    range: string,
    opts: { clerks?: number; services?: string[]; kinds?: AppointmentKind[]; urgent?: number } = {},
  ): this {
    const [startMinute, endMinute] = minuteRange(range);
    this.dateOverrides.push({
      date,
      startMinute,
      endMinute,
      clerks: opts.clerks ?? 1,
      serviceIds: opts.services,
      ...(opts.kinds ? { appointmentKinds: opts.kinds } : {}),
      ...(opts.urgent !== undefined ? { urgentClerks: opts.urgent } : {}),
    });
    return this;
  }

  /** Whole day without a range, else a partial closure. */
  closed(date: LocalDate, range?: string): this {
    if (!range) this.closures.push({ date, startMinute: null, endMinute: null });
    else {
      const [startMinute, endMinute] = minuteRange(range);
      this.closures.push({ date, startMinute, endMinute });
    }
    return this;
  }

  /** The statutory public holidays of this region (e.g. "DE-RP") close the office. */
  holidaysOf(region: string): this {
    this.holidayRegion = region;
    return this;
  }

  /** The office opens on this public holiday as an exception. */
  opensOnHoliday(date: LocalDate): this {
    this.openHolidays.push(date);
    return this;
  }

  rules(rules: Partial<BookingRules>): this {
    this.bookingRules = { ...this.bookingRules, ...rules };
    return this;
  }

  service(id: string, durationMinutes: number, opts: { extraPersonMinutes?: number; maxPersons?: number } = {}): this {
    this.services.set(id, {
      id,
      durationMinutes,
      extraPersonMinutes: opts.extraPersonMinutes ?? 0,
      maxPersons: opts.maxPersons ?? 1,
    });
    return this;
  }

  /** `booked("2026-03-02", "08:00-08:30")`: `times` existing bookings over that local wall-clock range. */
  booked(date: LocalDate, range: string, serviceId = this.defaultService().id, times = 1): this {
    const [startMinute, endMinute] = minuteRange(range);
    const start = zonedInstant(date, startMinute, this.timeZone);
    const end = zonedInstant(date, endMinute, this.timeZone);
    for (let i = 0; i < times; i++) this.occupied.push({ start, end, serviceId });
    return this;
  }

  /** Like `booked`, for urgent bookings: they fill the places kept for urgent cases first. */
  bookedUrgent(date: LocalDate, range: string, serviceId = this.defaultService().id, times = 1): this {
    const from = this.occupied.length;
    this.booked(date, range, serviceId, times);
    for (let i = from; i < this.occupied.length; i++) this.occupied[i] = { ...this.occupied[i], urgent: true };
    return this;
  }

  /** A booking given by exact instants, for wall times that DST makes ambiguous. */
  bookedInstants(startIso: string, endIso: string, serviceId = this.defaultService().id): this {
    this.occupied.push({ start: Date.parse(startIso), end: Date.parse(endIso), serviceId });
    return this;
  }

  /** `now("2026-03-02 07:00")` in office time, or an ISO instant ending in Z. */
  now(when: string): this {
    this.nowMs = this.instant(when);
    return this;
  }

  /** An instant from "YYYY-MM-DD HH:MM" office time or an ISO string with zone designator. */
  instant(when: string): number {
    const local = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/.exec(when);
    if (local) return zonedInstant(local[1], minutes(local[2]), this.timeZone);
    const ms = Date.parse(when);
    if (!/(Z|[+-]\d{2}:\d{2})$/.test(when) || Number.isNaN(ms)) throw new Error(`Bad instant ${when}`);
    return ms;
  }

  input(party: Party = {}): AvailabilityInput {
    const spec = (id: string) => {
      const known = this.services.get(id);
      if (!known) throw new Error(`Unknown service ${id}`);
      return known;
    };
    const chosen = party.services ?? [party.service ? party.service : this.defaultService().id];
    // A single service in person keeps its own spec; anything else is the combined demand.
    const service =
      chosen.length === 1 && (party.kind ?? "IN_PERSON") === "IN_PERSON"
        ? spec(chosen[0])
        : combinedService(chosen.map(spec), party.kind);
    return {
      schedule: {
        timeZone: this.timeZone,
        weeklyBlocks: this.weeklyBlocks,
        dateOverrides: this.dateOverrides,
        closures: this.closures,
        holidayRegion: this.holidayRegion,
        openHolidays: this.openHolidays,
      },
      rules: this.bookingRules,
      service,
      persons: party.persons ?? 1,
      occupied: this.occupied,
      now: new Date(this.nowMs),
      ...(party.access ? { access: party.access } : {}),
    };
  }

  slots(from: LocalDate, to: LocalDate = from, party: Party = {}): Slot[] {
    return listSlots(this.input(party), { from, to });
  }

  /** Listed start times of one date as "HH:MM" office time. */
  slotTimes(date: LocalDate, party: Party = {}): string[] {
    return this.slots(date, date, party).map((s) => this.label(s.start).slice(11));
  }

  /** "ok" or the reason a start ("YYYY-MM-DD HH:MM" office time or ISO instant) cannot be booked. */
  check(when: string, party: Party = {}): "ok" | SlotRejection {
    const result = checkSlot(this.input(party), new Date(this.instant(when)));
    return result.ok ? "ok" : result.reason;
  }

  /** The next free slot's start as "YYYY-MM-DD HH:MM" office time, or null. */
  next(party: Party & { from?: LocalDate } = {}): string | null {
    const slot = nextFreeSlot(this.input(party), party.from);
    return slot ? this.label(slot.start) : null;
  }

  /** Why the date has free times or none, as the citizen's calendar tells it. */
  day(date: LocalDate, party: Party = {}): DayStatus {
    return dayStatus(this.input(party), date);
  }

  /** "YYYY-MM-DD HH:MM" in office time. */
  label(instant: Date | number): string {
    return `${localDateOf(instant, this.timeZone)} ${hhmm(localMinuteOf(instant, this.timeZone))}`;
  }

  private defaultService(): ServiceSpec {
    const first = this.services.values().next();
    if (!first.done) return first.value;
    this.service("standard", 30);
    return this.defaultService();
  }
}

/** Given an office in this time zone ... */
export function office(timeZone: string = BERLIN): Scenario {
  return new Scenario(timeZone);
}

/** Minutes between a slot's start and end, in real elapsed time. */
export function realMinutes(slot: Slot): number {
  return (slot.end.getTime() - slot.start.getTime()) / 60_000;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so generated cases repeat exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
