import { addDays, listSlots, localDateOf, nextFreeSlot, OCCUPYING_STATUSES, zonedInstant } from "../lib/domain";
import type { Db } from "../lib/server/db/client";
import { Prisma } from "../lib/server/db/generated/sqlite/client";
import { loadAvailability, occupancySql } from "../lib/server/services/availability";
import { findNextFreeSlot, listFreeSlots } from "../lib/server/services/list-slots";
import { getActiveOfficeAndService } from "../lib/server/services/office-catalog";
import { HORIZON_DAYS, NOW, OFFICE_SLUG, TIME_ZONE, TODAY, type ServiceSlug } from "./fixture";
import { measureInterleaved, type Summary } from "./timing";

// The read-side measurements: the service functions a citizen's browser triggers, the domain part alone on input
// loaded beforehand, and the plain read of the same bookings they all start from (the baseline).

/** The service searched and listed: the longest one, hardest to fit into a nearly full calendar. */
export const MEASURED_SERVICE: ServiceSlug = "antrag";
export const LIST_DAYS = 28;

export type MeasureName =
  | "baseline4w"
  | "baselineHorizon"
  | "baseline4wSql"
  | "serviceNext"
  | "serviceList4w"
  | "domainList4w"
  | "domainNextHorizon";

export interface ReadMeasurements {
  timings: Record<MeasureName, Summary>;
  rows: { baseline4w: number; baselineHorizon: number };
  nextSlot: { start: string; localDate: string; localTime: string } | null;
  listedSlots: number;
  /** The baseline query's plan as the database reports it. */
  baselinePlan: string[];
  /** The plan of the services' own bookings read (availability.ts `occupancySql`), 4 weeks. */
  productPlan: string[];
}

/** The range loadAvailability reads for local dates [from, to]: one day of margin on each side. */
function bookingRange(from: string, to: string) {
  return {
    gte: new Date(zonedInstant(addDays(from, -1), 0, TIME_ZONE)),
    lt: new Date(zonedInstant(addDays(to, 2), 0, TIME_ZONE)),
  };
}

function baselineRead(db: Db, officeId: string, range: { gte: Date; lt: Date }) {
  // One indexed query selecting what the domain needs of a plain appointment (the plans say which index).
  return db.booking.findMany({
    where: { officeId, status: { in: [...OCCUPYING_STATUSES] }, startsAt: range },
    select: { startsAt: true, endsAt: true, serviceId: true },
  });
}

/** Baseline A as plain SQL, the way the services read bookings: the same rows, columns and index without the typed read. */
function baselineSqlRead(db: Db, officeId: string, range: { gte: Date; lt: Date }) {
  const statuses = Prisma.raw(OCCUPYING_STATUSES.map((s) => `'${s}'`).join(", "));
  return db.$queryRaw<Array<{ startsAt: Date; endsAt: Date; serviceId: string }>>`
    SELECT "startsAt", "endsAt", "serviceId" FROM "Booking"
    WHERE "officeId" = ${officeId} AND "status" IN (${statuses}) AND "startsAt" >= ${range.gte} AND "startsAt" < ${range.lt}`;
}

/** The plan of the services' bookings read for the same range, exactly as they send it. */
async function explainProduct(db: Db, provider: "sqlite" | "postgresql", officeId: string, range: { gte: Date; lt: Date }) {
  const startsAfter = new Date(range.gte.getTime() - 2 * 86_400_000);
  const sql = occupancySql({ officeId, startsAfter, overlapStart: range.gte, overlapEnd: range.lt, now: NOW, cancelledSince: null, exclude: [] });
  if (provider === "postgresql") {
    const rows = await db.$queryRaw<Array<{ "QUERY PLAN": string }>>`EXPLAIN ${sql}`;
    return rows.map((r) => r["QUERY PLAN"]);
  }
  const rows = await db.$queryRaw<Array<{ detail: string }>>`EXPLAIN QUERY PLAN ${sql}`;
  return rows.map((r) => r.detail);
}

async function explainBaseline(db: Db, provider: "sqlite" | "postgresql", officeId: string, range: { gte: Date; lt: Date }) {
  const statuses = OCCUPYING_STATUSES.map((s) => `'${s}'`).join(", ");
  if (provider === "postgresql") {
    const rows = await db.$queryRawUnsafe<Array<{ "QUERY PLAN": string }>>(
      `EXPLAIN SELECT "startsAt", "endsAt", "serviceId" FROM "Booking"
       WHERE "officeId" = $1 AND "status" IN (${statuses}) AND "startsAt" >= $2::timestamp AND "startsAt" < $3::timestamp`,
      officeId,
      range.gte.toISOString(),
      range.lt.toISOString(),
    );
    return rows.map((r) => r["QUERY PLAN"]);
  }
  const rows = await db.$queryRawUnsafe<Array<{ detail: string }>>(
    `EXPLAIN QUERY PLAN SELECT "startsAt", "endsAt", "serviceId" FROM "Booking"
     WHERE "officeId" = ? AND "status" IN (${statuses}) AND "startsAt" >= ? AND "startsAt" < ?`,
    officeId,
    range.gte.getTime(),
    range.lt.getTime(),
  );
  return rows.map((r) => r.detail);
}

export async function measureReads(
  db: Db,
  provider: "sqlite" | "postgresql",
  officeId: string,
  options: { warmup: number; runs: number },
): Promise<ReadMeasurements> {
  const listTo = addDays(TODAY, LIST_DAYS - 1);
  const horizonTo = addDays(TODAY, HORIZON_DAYS);
  const range4w = bookingRange(TODAY, listTo);
  const rangeHorizon = bookingRange(TODAY, horizonTo);

  // Input for the domain-only rows, loaded once through the services' own mapping.
  const { office, service } = await getActiveOfficeAndService(db, OFFICE_SLUG, MEASURED_SERVICE);
  const loadInput = (to: string) =>
    loadAvailability(db, { office, service, persons: 1, now: NOW, from: TODAY, to, access: "public" });
  const input4w = await loadInput(listTo);
  const inputHorizon = await loadInput(horizonTo);

  const query = { officeSlug: OFFICE_SLUG, serviceSlug: MEASURED_SERVICE, persons: 1, now: NOW };
  const timings = (await measureInterleaved(
    {
      baseline4w: () => baselineRead(db, officeId, range4w),
      baselineHorizon: () => baselineRead(db, officeId, rangeHorizon),
      baseline4wSql: () => baselineSqlRead(db, officeId, range4w),
      serviceNext: () => findNextFreeSlot(db, query),
      serviceList4w: () => listFreeSlots(db, { ...query, from: TODAY, to: listTo }),
      domainList4w: () => listSlots(input4w, { from: TODAY, to: listTo }),
      domainNextHorizon: () => nextFreeSlot(inputHorizon),
    },
    options,
  )) as Record<MeasureName, Summary>;

  // The answers themselves, and a check that the service and the domain agree on them.
  const [rows4w, rowsHorizon, rowsSql, next, list] = await Promise.all([
    baselineRead(db, officeId, range4w),
    baselineRead(db, officeId, rangeHorizon),
    baselineSqlRead(db, officeId, range4w),
    findNextFreeSlot(db, query),
    listFreeSlots(db, { ...query, from: TODAY, to: listTo }),
  ]);
  if (rowsSql.length !== rows4w.length) throw new Error(`The two forms of baseline A disagree: ${rowsSql.length} vs ${rows4w.length} rows`);
  const domainNext = nextFreeSlot(inputHorizon);
  const domainList = listSlots(input4w, { from: TODAY, to: listTo });
  if ((next.slot?.start.getTime() ?? null) !== (domainNext?.start.getTime() ?? null)) {
    throw new Error(`Service and domain disagree on the next free slot: ${next.slot?.start.toISOString()} vs ${domainNext?.start.toISOString()}`);
  }
  if (list.slots.length !== domainList.length) {
    throw new Error(`Service and domain disagree on the 4-week list: ${list.slots.length} vs ${domainList.length} slots`);
  }

  const start = next.slot?.start;
  return {
    timings,
    rows: { baseline4w: rows4w.length, baselineHorizon: rowsHorizon.length },
    nextSlot: start
      ? {
          start: start.toISOString(),
          localDate: localDateOf(start, TIME_ZONE),
          localTime: start.toLocaleTimeString("de-DE", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit" }),
        }
      : null,
    listedSlots: list.slots.length,
    baselinePlan: await explainBaseline(db, provider, officeId, range4w),
    productPlan: await explainProduct(db, provider, officeId, range4w),
  };
}
