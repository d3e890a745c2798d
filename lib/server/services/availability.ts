import {
  type AccessKind,
  type AppointmentKind,
  addDays,
  type AvailabilityInput,
  combinedService,
  demandKey,
  type LocalDate,
  OCCUPYING_STATUSES,
  type OccupiedInterval,
  type OfficeSchedule,
  parseAppointmentKinds,
  type ServiceSpec,
  type Weekday,
  zonedInstant,
} from "@/lib/domain";
import { type Db, parallelReads, type Tx } from "@/lib/server/db/client";
import { cachedConfig } from "@/lib/server/db/config-cache";
import { Prisma } from "@/lib/server/db/generated/sqlite/client";

// The one place that turns database rows into the domain's availability input. Slot listing and booking both use
// it, so what a citizen is shown and what the booking transaction checks cannot drift apart.

/** Bookings that hold a clerk at `now`, as a database filter: the domain's `occupiesClerk`. */
export function activeBookingWhere(now: Date) {
  return {
    OR: [{ status: { in: [...OCCUPYING_STATUSES] } }, { status: "HELD" as const, holdExpiresAt: { gt: now } }],
  };
}

/** What of an office the availability rules read. */
export interface OfficeRules {
  id: string;
  timeZone: string;
  holidayRegion: string;
  slotStepMinutes: number;
  minNoticeMinutes: number;
  bookingHorizonDays: number;
  /** Absent or 0: a cancelled time is offered again at once (staff rules always pass 0). */
  rebookDelayMinutes?: number;
  /** The draw itself books the dates no round has released yet (as staff, whose access is never restricted to them). */
  bypassReleaseRounds?: boolean;
  /** Hours before the start at which places kept for urgent cases are released to everyone. */
  urgentReleaseHours?: number;
}

interface ServiceRules {
  id: string;
  durationMinutes: number;
  extraPersonMinutes: number;
  maxPersons: number;
  /** ROUNDS: citizens see only the dates a drawn release round has released. */
  releaseMode?: "FIRST_COME" | "ROUNDS";
}

/**
 * What an appointment asks beyond its first service: further services of the same office taken care of in it, and
 * how it takes place. Absent: the first service alone, in person.
 */
export interface AppointmentShape<S extends ServiceRules = ServiceRules> {
  furtherServices: readonly S[];
  kind: AppointmentKind;
}

export const IN_PERSON_ALONE: AppointmentShape<never> = { furtherServices: [], kind: "IN_PERSON" };

/** The appointment as the slot rules read it: one service, or the combination with its summed length and demand. */
export function appointmentSpec(service: ServiceRules, shape: AppointmentShape = IN_PERSON_ALONE): ServiceSpec {
  const spec = (s: ServiceRules): ServiceSpec => ({
    id: s.id,
    durationMinutes: s.durationMinutes,
    extraPersonMinutes: s.extraPersonMinutes,
    maxPersons: s.maxPersons,
  });
  if (shape.furtherServices.length === 0 && shape.kind === "IN_PERSON") return spec(service);
  return combinedService([service, ...shape.furtherServices].map(spec), shape.kind);
}

/** Prisma `include` of a booking's further services in their order (the first is `Booking.serviceId`). */
export const furtherServicesOrder = { orderBy: { position: "asc" as const } };

/** The shape of a stored booking, read with its further services (`furtherServicesOrder`) and kind. */
export function shapeOfBooking<S extends ServiceRules>(booking: {
  kind: AppointmentKind;
  extraServices: ReadonlyArray<{ service: S }>;
}): AppointmentShape<S> {
  return { furtherServices: booking.extraServices.map((e) => e.service), kind: booking.kind };
}

const DAY_MS = 86_400_000;

/**
 * Cheap bounds on a requested start before any calendar arithmetic: a start far in the past or beyond the horizon
 * (e.g. year 9999 from a forged request) is refused here instead of reaching date conversions and the database.
 */
export function startOutOfRange(
  office: { bookingHorizonDays: number },
  start: Date,
  now: Date,
): "too-soon" | "beyond-horizon" | null {
  if (Number.isNaN(start.getTime()) || start.getTime() <= now.getTime()) return "too-soon";
  if (start.getTime() > now.getTime() + (office.bookingHorizonDays + 2) * DAY_MS) return "beyond-horizon";
  return null;
}

export interface LoadAvailabilityOptions {
  office: OfficeRules;
  service: ServiceRules;
  persons: number;
  now: Date;
  from: LocalDate;
  to: LocalDate;
  /** Who asks: decides whether the places kept for urgent cases count (see the domain's `AccessKind`). */
  access: AccessKind;
  /** Further services and the kind of the appointment asked about; absent: `service` alone, in person. */
  shape?: AppointmentShape;
  /** A booking being moved does not compete with itself (nor do the others of a bulk move, not yet moved). */
  excludeBookingId?: string | readonly string[];
  /** The schedule of [from, to], when the caller read it before the day locks and it is still current; absent: read here. */
  schedule?: OfficeSchedule;
  /**
   * The configuration revision read before the office (cachedOfficeAndService), for reads outside a transaction: the
   * schedule then comes from the configuration cache while the revision holds. Absent or null: read here.
   */
  configRevision?: number | null;
  /**
   * Read only the bookings overlapping this interval: enough to check one start there, since the capacity rule holds
   * per instant (the booking transaction reads a handful of rows instead of the whole day).
   */
  overlapping?: { start: Date; end: Date };
}

/** Weekly blocks, overrides, closures and opened holidays of an office for [from, to], as the domain reads them. */
export async function loadSchedule(
  db: Db | Tx,
  office: ScheduledOffice,
  from: LocalDate,
  to: LocalDate,
): Promise<OfficeSchedule> {
  return (await loadSchedules(db, [{ office, from, to }]))[0];
}

type ScheduledOffice = { id: string; timeZone: string; holidayRegion: string };

/** An office's schedule to read, for [from, to]. */
export interface ScheduleRequest {
  office: ScheduledOffice;
  from: LocalDate;
  to: LocalDate;
}

/**
 * The schedules of several offices (or ranges) with one read per table, not one per office: a search across the
 * city's locations asks for ten at once. Each request gets exactly the rows its own read would return.
 */
export async function loadSchedules(db: Db | Tx, requests: readonly ScheduleRequest[]): Promise<OfficeSchedule[]> {
  if (requests.length === 0) return [];
  const dated = requests.map(({ office, from, to }) => ({ officeId: office.id, date: { gte: from, lte: to } }));
  const [blocks, overrides, closures, openings] = await Promise.all([
    db.capacityBlock.findMany({
      where: {
        OR: requests.map(({ office, from, to }) => ({
          officeId: office.id,
          AND: [
            { OR: [{ validFrom: null }, { validFrom: { lte: to } }] },
            { OR: [{ validUntil: null }, { validUntil: { gte: from } }] },
          ],
        })),
      },
      include: { services: { select: { id: true } } },
    }),
    db.dateOverride.findMany({ where: { OR: dated }, include: { services: { select: { id: true } } } }),
    db.closure.findMany({ where: { OR: dated } }),
    db.holidayOpening.findMany({ where: { OR: dated }, select: { officeId: true, date: true } }),
  ]);
  return requests.map(({ office, from, to }) => {
    const onDates = <R extends { officeId: string; date: string }>(rows: R[]) =>
      rows.filter((r) => r.officeId === office.id && from <= r.date && r.date <= to);
    return scheduleFromRows(
      office,
      blocks.filter(
        (b) => b.officeId === office.id && (b.validFrom === null || b.validFrom <= to) && (b.validUntil === null || b.validUntil >= from),
      ),
      onDates(overrides),
      onDates(closures),
      onDates(openings),
    );
  });
}

/** Database rows to the domain's schedule. */
export function scheduleFromRows(
  office: { timeZone: string; holidayRegion: string },
  blocks: Array<{
    weekday: number;
    startMinute: number;
    endMinute: number;
    clerks: number;
    urgentClerks?: number;
    validFrom: string | null;
    validUntil: string | null;
    appointmentKinds?: string;
    services: Array<{ id: string }>;
  }>,
  overrides: Array<{
    date: string;
    startMinute: number;
    endMinute: number;
    clerks: number;
    urgentClerks?: number;
    appointmentKinds?: string;
    services: Array<{ id: string }>;
  }>,
  closures: Array<{ date: string; startMinute: number | null; endMinute: number | null }>,
  openings: Array<{ date: string }>,
): OfficeSchedule {
  return {
    timeZone: office.timeZone,
    holidayRegion: office.holidayRegion,
    openHolidays: openings.map((o) => o.date),
    weeklyBlocks: blocks.map((b) => ({
      weekday: b.weekday as Weekday,
      startMinute: b.startMinute,
      endMinute: b.endMinute,
      clerks: b.clerks,
      urgentClerks: b.urgentClerks ?? 0,
      validFrom: b.validFrom,
      validUntil: b.validUntil,
      serviceIds: b.services.map((s) => s.id),
      // Empty: the clerks take every kind.
      appointmentKinds: parseAppointmentKinds(b.appointmentKinds),
    })),
    dateOverrides: overrides.map((o) => ({
      date: o.date,
      startMinute: o.startMinute,
      endMinute: o.endMinute,
      clerks: o.clerks,
      urgentClerks: o.urgentClerks ?? 0,
      serviceIds: o.services.map((s) => s.id),
      appointmentKinds: parseAppointmentKinds(o.appointmentKinds),
    })),
    closures: closures.map((c) => ({ date: c.date, startMinute: c.startMinute, endMinute: c.endMinute })),
  };
}

/** BookingService rows (read in their order) grouped by booking: the further service ids of each. */
export function furtherServicesByBooking(rows: ReadonlyArray<{ bookingId: string; serviceId: string }>): Map<string, string[]> {
  const byBooking = new Map<string, string[]>();
  for (const r of rows) byBooking.set(r.bookingId, [...(byBooking.get(r.bookingId) ?? []), r.serviceId]);
  return byBooking;
}

/** One booking as the availability read returns it. */
interface OccupancyRow {
  startsAt: Date;
  endsAt: Date;
  serviceId: string;
  /**
   * NULL for a plain appointment (holding a clerk, in person, not urgent, one service), by far the most rows; else
   * "<id> <kind> <urgent|-> <HELD|CANCELLED|-> <further|->" (further: it has further services).
   */
  extra: string | null;
  /** A HELD booking's deadline or a CANCELLED one's cancellation (SQLite gives a computed time as its stored text). */
  until: Date | string | null;
}

/** What readOccupied reads: an office's bookings that may hold a clerk in [overlapStart, overlapEnd). */
export interface OccupancyQuery {
  officeId: string;
  /** Lower bound on the start (two days before the range), so that the index skips the office's history. */
  startsAfter: Date;
  overlapStart: Date;
  overlapEnd: Date;
  now: Date;
  /** Cancelled bookings count while their time is withheld: those cancelled after this instant (null: none). */
  cancelledSince: Date | null;
  /** Bookings that do not compete (being moved). */
  exclude: readonly string[];
}

const occupyingList = Prisma.raw(OCCUPYING_STATUSES.map((s) => `'${s}'`).join(", "));
const hasFurtherServices = Prisma.sql`EXISTS (SELECT 1 FROM "BookingService" s WHERE s."bookingId" = b."id")`;

/** The WHERE clause of both availability reads (alias b for Booking): served by the Booking(officeId, startsAt) index. */
function occupancyWhere(q: OccupancyQuery): Prisma.Sql {
  // The database narrows the read; the domain decides (occupiesAt) which of these still hold a clerk at `now`.
  return Prisma.sql`b."officeId" = ${q.officeId} AND b."startsAt" > ${q.startsAfter} AND b."startsAt" < ${q.overlapEnd}
      AND b."endsAt" > ${q.overlapStart}
      AND (b."status" IN (${occupyingList})
        OR (b."status" = 'HELD' AND b."holdExpiresAt" > ${q.now})
        ${q.cancelledSince ? Prisma.sql`OR (b."status" = 'CANCELLED' AND b."cancelledAt" > ${q.cancelledSince})` : Prisma.empty})
      ${q.exclude.length > 0 ? Prisma.sql`AND b."id" NOT IN (${Prisma.join([...q.exclude])})` : Prisma.empty}`;
}

/**
 * The SQL of the availability read, for both databases alike (exported for the benchmark's query plans). It is the
 * hottest read of the application and returns thousands of rows, so it is plain SQL rather than a typed read, and
 * each row carries only what the domain needs: start, end and service, plus two columns that are NULL for a plain
 * appointment. Every further column, even a NULL one, costs a noticeable share of the read. Status and kind are
 * compared with literals, which both databases read as their enum (or text) values.
 */
export function occupancySql(q: OccupancyQuery): Prisma.Sql {
  return Prisma.sql`
    SELECT b."startsAt", b."endsAt", b."serviceId",
      CASE WHEN b."kind" = 'IN_PERSON' AND NOT b."urgent" AND b."status" IN (${occupyingList})
          AND NOT ${hasFurtherServices} THEN NULL
        ELSE b."id" || ' ' || (CASE b."kind" WHEN 'PHONE' THEN 'PHONE' WHEN 'VIDEO' THEN 'VIDEO' ELSE 'IN_PERSON' END)
          || ' ' || (CASE WHEN b."urgent" THEN 'urgent' ELSE '-' END)
          || ' ' || (CASE b."status" WHEN 'HELD' THEN 'HELD' WHEN 'CANCELLED' THEN 'CANCELLED' ELSE '-' END)
          || ' ' || (CASE WHEN ${hasFurtherServices} THEN 'further' ELSE '-' END)
      END AS "extra",
      CASE b."status" WHEN 'HELD' THEN b."holdExpiresAt" WHEN 'CANCELLED' THEN b."cancelledAt" END AS "until"
    FROM "Booking" b
    WHERE ${occupancyWhere(q)}`;
}

/**
 * The bookings that may hold a clerk, as the domain's occupied intervals with their demand keys. The further
 * services of combined appointments are a second read, made only when the first found such an appointment; a
 * booking's further services are written with it and never change, so the two reads cannot disagree about one.
 */
async function readOccupied(db: Db | Tx, q: OccupancyQuery): Promise<OccupiedInterval[]> {
  const rows = await db.$queryRaw<OccupancyRow[]>(occupancySql(q));
  const further = rows.some((row) => row.extra?.endsWith(" further"))
    ? await db.$queryRaw<Array<{ bookingId: string; serviceId: string }>>(Prisma.sql`
        SELECT s."bookingId", s."serviceId" FROM "BookingService" s JOIN "Booking" b ON b."id" = s."bookingId"
        WHERE ${occupancyWhere(q)}
        ORDER BY s."bookingId", s."position"`)
    : [];
  const furtherOf = furtherServicesByBooking(further);
  return rows.map((row) => occupiedOf(row, furtherOf));
}

function occupiedOf(row: OccupancyRow, furtherOf: Map<string, string[]>): OccupiedInterval {
  const occupied: OccupiedInterval = { start: epochMs(row.startsAt), end: epochMs(row.endsAt), serviceId: row.serviceId };
  if (row.extra === null) return occupied;
  const [id, kind, urgent, status] = row.extra.split(" ");
  // What the booking asks of a clerk: all its services, in its kind.
  if (kind !== "IN_PERSON" || furtherOf.has(id)) {
    occupied.serviceId = demandKey([row.serviceId, ...(furtherOf.get(id) ?? [])], kind as AppointmentKind);
  }
  if (urgent === "urgent") occupied.urgent = true;
  if (status === "HELD" && row.until !== null) occupied.holdExpiresAt = epochMs(row.until);
  if (status === "CANCELLED" && row.until !== null) occupied.cancelledAt = epochMs(row.until);
  return occupied;
}

const epochMs = (time: Date | string) => (typeof time === "string" ? Date.parse(time) : time.getTime());

export async function loadAvailability(db: Db | Tx, opts: LoadAvailabilityOptions): Promise<AvailabilityInput> {
  return (await loadAvailabilities(db, [opts]))[0];
}

/**
 * The availability input of each request, as reading it alone would give: the schedules with one read per table for
 * all of them (a search across the city's locations reads ten offices at once), the bookings per request.
 */
export async function loadAvailabilities(db: Db | Tx, requests: readonly LoadAvailabilityOptions[]): Promise<AvailabilityInput[]> {
  // Each request's schedule: given, from the configuration cache, or read with the others' in one read per table.
  const unread = requests.flatMap((r, i) => (r.schedule || r.configRevision != null ? [] : [i]));
  const read = loadSchedules(db, unread.map((i) => requests[i]));
  const [schedules, released, occupied] = await Promise.all([
    Promise.all(
      requests.map((r, i) =>
        r.schedule ?? (r.configRevision != null ? cachedSchedule(db as Db, r, r.configRevision) : read.then((all) => all[unread.indexOf(i)])),
      ),
    ),
    Promise.all(requests.map((r) => releasedRule(db, r))),
    eachRead(db, requests, (r) => readOccupied(db, occupancyQuery(r))),
  ]);
  return requests.map((r, i) => ({
    schedule: schedules[i],
    rules: {
      slotStepMinutes: r.office.slotStepMinutes,
      minNoticeMinutes: r.office.minNoticeMinutes,
      bookingHorizonDays: r.office.bookingHorizonDays,
      rebookDelayMinutes: r.office.rebookDelayMinutes ?? 0,
      urgentReleaseHours: r.office.urgentReleaseHours ?? 0,
    },
    service: appointmentSpec(r.service, r.shape ?? IN_PERSON_ALONE),
    persons: r.persons,
    occupied: occupied[i],
    now: r.now,
    ...(released[i] ? { released: released[i] } : {}),
    access: r.access,
  }));
}

/** The schedule of a request from the configuration cache (see LoadAvailabilityOptions.configRevision). */
function cachedSchedule(db: Db, r: LoadAvailabilityOptions, revision: number): Promise<OfficeSchedule> {
  return cachedConfig(db, revision, `schedule:${r.office.id}:${r.from}:${r.to}`, () => loadSchedule(db, r.office, r.from, r.to));
}

/** The bookings read of one request: its dates with a day of margin on each side, or only `overlapping`. */
function occupancyQuery({ office, from, to, overlapping, now, excludeBookingId }: LoadAvailabilityOptions): OccupancyQuery {
  // One day of margin on each side covers appointments that cross midnight.
  const rangeStart = new Date(zonedInstant(addDays(from, -1), 0, office.timeZone));
  const rangeEnd = new Date(zonedInstant(addDays(to, 2), 0, office.timeZone));
  const rebookDelayMinutes = office.rebookDelayMinutes ?? 0;
  return {
    officeId: office.id,
    // A booking lies inside one local date's opening window, so it starts less than two days before it ends.
    // The lower bound lets the (officeId, startsAt) index skip the office's history instead of scanning it.
    startsAfter: new Date(rangeStart.getTime() - 2 * DAY_MS),
    overlapStart: overlapping && overlapping.start > rangeStart ? overlapping.start : rangeStart,
    overlapEnd: overlapping && overlapping.end < rangeEnd ? overlapping.end : rangeEnd,
    now,
    cancelledSince: rebookDelayMinutes > 0 ? new Date(now.getTime() - rebookDelayMinutes * 60_000) : null,
    exclude: excludeBookingId ? [excludeBookingId].flat() : [],
  };
}

/** `read` of each item: side by side where the database answers in parallel, else one after another. */
async function eachRead<T, R>(db: Db | Tx, items: readonly T[], read: (item: T) => Promise<R>): Promise<R[]> {
  if (parallelReads(db)) return Promise.all(items.map((item) => read(item)));
  const results: R[] = [];
  for (const item of items) results.push(await read(item));
  return results;
}

/**
 * A date of a release-round service is open to citizens once a drawn round has released it; a combination needs
 * every one of its services released. Undefined: every date is open to this request.
 */
async function releasedRule(db: Db | Tx, r: LoadAvailabilityOptions): Promise<((date: LocalDate) => boolean) | undefined> {
  const inRounds = [r.service, ...(r.shape ?? IN_PERSON_ALONE).furtherServices].filter((s) => s.releaseMode === "ROUNDS");
  if (inRounds.length === 0 || r.access === "staff" || r.office.bypassReleaseRounds) return undefined;
  const each = await Promise.all(inRounds.map((s) => releasedDates(db, r.office.id, s.id, r.from, r.to)));
  return (date: LocalDate) => each.every((isReleased) => isReleased(date));
}

/** Which dates of [from, to] drawn release rounds of the service (or of all ROUNDS services) have released. */
async function releasedDates(db: Db | Tx, officeId: string, serviceId: string, from: LocalDate, to: LocalDate) {
  const rounds = await db.releaseRound.findMany({
    where: {
      officeId,
      drawnAt: { not: null },
      OR: [{ serviceId }, { serviceId: null }],
      periodFrom: { lte: to },
      periodTo: { gte: from },
    },
    select: { periodFrom: true, periodTo: true },
  });
  return (date: LocalDate) => rounds.some((r) => r.periodFrom <= date && date <= r.periodTo);
}
