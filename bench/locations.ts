import { addDays, OCCUPYING_STATUSES, zonedInstant } from "../lib/domain";
import type { Db } from "../lib/server/db/client";
import { loadCatalogueOffers, nextFreeAtAnyLocation } from "../lib/server/services/any-location";
import { findNextFreeSlot } from "../lib/server/services/list-slots";
import { createBenchOffice, FULL_WEEKDAYS, type BenchOffice, OFFICE_SLUG, planBookings, TIME_ZONE, TODAY } from "./fixture";
import { MEASURED_SERVICE } from "./measure";
import { measureInterleaved, type Summary } from "./timing";

// "Earliest at any location": the next free time of the measured service across LOCATIONS offices that offer it,
// against the bare indexed read of the same bookings at each of them, measured in the same rounds.

/** Offices offering the measured service: the benchmark's office and LOCATIONS - 1 more. */
export const LOCATIONS = 10;
/** Each further office is full for this many more weekdays than the one before, so their next free times differ. */
export const MORE_FULL_WEEKDAYS = 2;
/** Days of bookings the bare read covers per office: the next-free search's first window. */
const READ_DAYS = 28;

export type LocationMeasureName = "bareSequential" | "bareConcurrent" | "anyLocationNext";

export interface LocationMeasurements {
  locations: number;
  timings: Record<LocationMeasureName, Summary>;
  /** Rows the bare reads return, all offices together. */
  rows: number;
  /** The answer, and the office it is at. */
  next: { start: string; office: string } | null;
  insertMs: number;
  bookings: number;
}

/** The further offices, each with its own calendar, sharing the first office's catalogue entries. */
export async function setupLocations(db: Db, first: BenchOffice): Promise<{ offices: BenchOffice[]; insertMs: number }> {
  const offices = [first];
  for (let k = 1; k < LOCATIONS; k++) {
    const calendar = planBookings({ seed: 20270104 + k, fullWeekdays: FULL_WEEKDAYS + k * MORE_FULL_WEEKDAYS });
    offices.push(await createBenchOffice(db, { slug: `${OFFICE_SLUG}-${k + 1}`, name: `Bürgerbüro ${k + 1} (Benchmark)` }, calendar));
  }
  return { offices, insertMs: offices.slice(1).reduce((sum, o) => sum + o.insertMs, 0) };
}

function bareRead(db: Db, officeId: string) {
  // As the read baseline: one query on the (officeId, status, startsAt) index, selecting what the domain needs.
  return db.booking.findMany({
    where: {
      officeId,
      status: { in: [...OCCUPYING_STATUSES] },
      startsAt: {
        gte: new Date(zonedInstant(addDays(TODAY, -1), 0, TIME_ZONE)),
        lt: new Date(zonedInstant(addDays(TODAY, READ_DAYS + 1), 0, TIME_ZONE)),
      },
    },
    select: { startsAt: true, endsAt: true, serviceId: true },
  });
}

export async function measureLocations(
  db: Db,
  offices: BenchOffice[],
  insertMs: number,
  options: { warmup: number; runs: number },
): Promise<LocationMeasurements> {
  const ids = offices.map((o) => o.officeId);
  const query = { persons: 1, now: new Date(zonedInstant(TODAY, 7 * 60, TIME_ZONE)) };
  // What a citizen's request does: find the offices offering the service, then search them.
  const anyLocationNext = async () => nextFreeAtAnyLocation(db, (await loadCatalogueOffers(db, MEASURED_SERVICE)).offers, query);
  const timings = (await measureInterleaved(
    {
      bareSequential: async () => {
        for (const id of ids) await bareRead(db, id);
      },
      bareConcurrent: () => Promise.all(ids.map((id) => bareRead(db, id))),
      anyLocationNext,
    },
    options,
  )) as Record<LocationMeasureName, Summary>;

  // The answer must be the earliest of each office's own next free slot (at the same start, the first by name).
  const { offers } = await loadCatalogueOffers(db, MEASURED_SERVICE);
  if (offers.length !== LOCATIONS) throw new Error(`Expected ${LOCATIONS} offices offering ${MEASURED_SERVICE}, found ${offers.length}`);
  const own = await Promise.all(
    offers.map(async (o) => ({ office: o.office.slug, slot: (await findNextFreeSlot(db, { ...query, officeSlug: o.office.slug, serviceSlug: MEASURED_SERVICE })).slot })),
  );
  const earliest = own.reduce<(typeof own)[number] | null>(
    (best, o) => (o.slot && (!best?.slot || o.slot.start < best.slot.start) ? o : best),
    null,
  );
  const { next } = await anyLocationNext();
  if ((next?.start.getTime() ?? null) !== (earliest?.slot?.start.getTime() ?? null) || next?.office !== earliest?.office) {
    throw new Error(`Any location disagrees with the offices' own next free slots: ${JSON.stringify(next)} vs ${JSON.stringify(earliest)}`);
  }
  const rows = (await Promise.all(ids.map((id) => bareRead(db, id)))).reduce((n, r) => n + r.length, 0);
  return {
    locations: LOCATIONS,
    timings,
    rows,
    next: next && { start: next.start.toISOString(), office: next.office },
    insertMs,
    bookings: offices.reduce((n, o) => n + o.bookings, 0),
  };
}
