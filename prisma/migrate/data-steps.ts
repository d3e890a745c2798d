import { localDateOf, publicHolidayOn, publicHolidays, type LocalDate } from "../../lib/domain";
import { emailCountingKey } from "../../lib/domain/email-identity";
import { writeAudit } from "../../lib/server/audit";
import type { Db } from "../../lib/server/db/client";
import { Prisma } from "../../lib/server/db/generated/sqlite/client";

// Changes to existing rows that SQL cannot compute. Deploy runs each step once, on a database that has rows,
// after the migrations before `before` and before `before` itself, so the step still sees the columns that
// migration removes. A step runs in one transaction: it either ran completely or not at all. A deploy stopped
// after a step and before its migration runs the step again, so a step must tell that it already ran.

export interface DataStep {
  name: string;
  /** The migration (directory name) that needs the step done first. */
  before: string;
  run(db: Db, now: Date): Promise<void>;
}

/** Bookings in these states took place or still will: the day they are on has to stay open. */
const TAKING_PLACE = ["HELD", "CONFIRMED", "ARRIVED", "SERVED", "NO_SHOW"] as const;

/**
 * Holidays used to close an office only once someone accepted each date (a closure of kind HOLIDAY); now the
 * region's holidays close it by default and an office opens a single holiday explicitly (HolidayOpening).
 *
 * Per office, so that nothing changes where the office had decided: every region holiday from the office's
 * creation up to the later of today and its last accepted holiday that it had NOT accepted becomes an opening,
 * and so does any later holiday that already has appointments. Accepted holidays lose their closure (closed by
 * default now); one that is no longer a holiday of the office's region stays as an ordinary closure. Holidays
 * after that window are closed by default: the intended new behaviour, which an office that never accepted a
 * holiday gets from the migration's day on.
 */
export async function openUnacceptedHolidays(db: Db, now: Date): Promise<void> {
  await db.$transaction(
    async (tx) => {
      // Run again, it would take the accepted holidays it removed for unaccepted ones. It audits every office it
      // changed; where it changed nothing, running again is the same as running for the first time.
      if ((await tx.auditLog.count({ where: { action: "capacity.holiday.migrate" } })) > 0) return;
      const accepted = await tx.$queryRawUnsafe<Array<{ id: string; officeId: string; date: string }>>(
        `SELECT "id", "officeId", "date" FROM "Closure" WHERE "kind" = 'HOLIDAY'`,
      );
      const offices = await tx.office.findMany({ select: { id: true, timeZone: true, holidayRegion: true, createdAt: true } });
      for (const office of offices) {
        const mine = accepted.filter((c) => c.officeId === office.id);
        const acceptedDates = new Set(mine.map((c) => c.date));
        const today = localDateOf(now, office.timeZone);
        const from = localDateOf(office.createdAt, office.timeZone);
        const lastAccepted = [...acceptedDates].sort().at(-1);
        const until = lastAccepted && lastAccepted > today ? lastAccepted : today;

        const booked = await tx.booking.findMany({
          where: { officeId: office.id, status: { in: [...TAKING_PLACE] }, startsAt: { gte: office.createdAt } },
          select: { startsAt: true },
        });
        const bookedDates = booked.map((b) => localDateOf(b.startsAt, office.timeZone)).sort();
        const lastBooked = bookedDates.at(-1) ?? from;
        const bookedSet = new Set(bookedDates);

        const openings: LocalDate[] = [];
        const holidays = publicHolidays(office.holidayRegion, from, lastBooked > until ? lastBooked : until);
        for (const { date } of holidays) {
          if (acceptedDates.has(date)) continue;
          if (date <= until || bookedSet.has(date)) openings.push(date);
        }
        const redundant = mine.filter((c) => publicHolidayOn(office.holidayRegion, c.date));

        if (openings.length > 0) {
          await tx.holidayOpening.createMany({ data: openings.map((date) => ({ officeId: office.id, date })) });
        }
        if (redundant.length > 0) await tx.closure.deleteMany({ where: { id: { in: redundant.map((c) => c.id) } } });
        if (openings.length + redundant.length > 0) {
          await writeAudit(tx, {
            actorId: null,
            officeId: office.id,
            action: "capacity.holiday.migrate",
            details: { opened: openings.length, acceptedRemoved: redundant.length, until },
          });
        }
      }
    },
    { timeout: 120_000 },
  );
}

const KEY_BATCH = 500;

/**
 * Bookings and wishes store the counting key of their e-mail address (emailKey), by which the limit per mailbox
 * counts. SQL cannot compute it (Gmail's dots, googlemail.com): this fills it for the rows written before the
 * column existed, in batches. It touches only rows with an address and no key, so running it again changes nothing.
 * Raw SQL names only the columns it needs: the current client would also read columns of later migrations.
 */
export async function fillEmailKeys(db: Db): Promise<void> {
  await db.$transaction(
    async (tx) => {
      for (const table of ["Booking", "Wish"]) {
        const name = Prisma.raw(`"${table}"`);
        let after = "";
        for (;;) {
          const rows = await tx.$queryRaw<Array<{ id: string; email: string }>>(Prisma.sql`
            SELECT "id", "email" FROM ${name}
            WHERE "id" > ${after} AND "email" IS NOT NULL AND "emailKey" IS NULL
            ORDER BY "id" LIMIT ${KEY_BATCH}`);
          if (rows.length === 0) break;
          const keys = rows.map((r) => Prisma.sql`WHEN ${r.id} THEN ${emailCountingKey(r.email)}`);
          await tx.$executeRaw(Prisma.sql`
            UPDATE ${name} SET "emailKey" = CASE "id" ${Prisma.join(keys, " ")} END
            WHERE "id" IN (${Prisma.join(rows.map((r) => r.id))})`);
          after = rows[rows.length - 1].id;
        }
      }
    },
    { timeout: 600_000 },
  );
}

export const DATA_STEPS: readonly DataStep[] = [
  { name: "holiday-openings", before: "20261205062316_closure_kind_dropped", run: openUnacceptedHolidays },
  { name: "email-keys", before: "20261206105530_email_key_index", run: fillEmailKeys },
];
