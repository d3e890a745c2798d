import { STILL_TO_SERVE_STATUSES } from "@/lib/domain";
import { fieldError } from "@/lib/server/errors";
import { writeAudit } from "@/lib/server/audit";
import { assertCanGlobally, type Actor } from "@/lib/server/auth/permissions";
import type { UpdateOfficeInput } from "@/lib/schemas/office";
import type { Db } from "@/lib/server/db/client";
import { openBookedHolidays } from "../capacity/open-booked-holidays";
import { officeFor } from "./access";
import { isUniqueViolation } from "./input-error";
import { assertSlugFree, officeColumns } from "./office-writes";

/** Bookings that still take place: appointments still to serve, and holds, which may yet be confirmed even expired. */
const UPCOMING = ["HELD", ...STILL_TO_SERVE_STATUSES] as const;

/**
 * Saves an office's settings. The office's head may change everything but the slug and the names in the staff's
 * calendar feed: a new slug changes every printed deep link and QR code, and names in a calendar that leaves the
 * system are a data protection decision, so both are the administration's. Returns the names of changed fields.
 */
export async function updateOffice(db: Db, actor: Actor, input: UpdateOfficeInput, now: Date) {
  const office = await officeFor(db, actor, "office:settings", input.officeId);
  if (input.slug !== office.slug) assertCanGlobally(actor, "offices:manage");
  if (input.feedIncludesNames !== undefined && input.feedIncludesNames !== office.feedIncludesNames) {
    assertCanGlobally(actor, "offices:manage");
  }
  const columns = officeColumns(input);
  const changed = Object.entries({ slug: input.slug, ...columns })
    .filter(([key, value]) => office[key as keyof typeof office] !== value)
    .map(([key]) => key);
  if (changed.length === 0) return { id: office.id, slug: office.slug, changed };

  try {
    return await db.$transaction(async (tx) => {
      if (input.slug !== office.slug) await assertSlugFree(tx, input.slug, office.id);
      if (input.timeZone !== office.timeZone) {
        // Capacity is wall-clock time in the office's zone, bookings are instants: another zone would move the
        // opening hours away from the booked appointments.
        const upcoming = await tx.booking.count({
          where: { officeId: office.id, status: { in: [...UPCOMING] }, endsAt: { gt: now } },
        });
        if (upcoming > 0) throw fieldError("timeZone", "timeZoneHasBookings");
      }
      if (input.videoMeetingUrlTemplate === null && office.videoMeetingUrlTemplate) {
        // Video appointments need the address: services offering them would be offered what cannot happen.
        const video = await tx.service.count({ where: { officeId: office.id, active: true, appointmentKinds: { contains: "VIDEO" } } });
        if (video > 0) throw fieldError("videoMeetingUrlTemplate", "videoTemplateInUse");
      }
      // The new region's holidays close the office; those with appointments already booked stay open.
      const openedHolidays =
        input.holidayRegion !== office.holidayRegion ? await openBookedHolidays(tx, office, input.holidayRegion, now) : [];
      await tx.office.update({ where: { id: office.id }, data: { slug: input.slug, ...columns } });
      await writeAudit(tx, {
        actorId: actor.id,
        officeId: office.id,
        action: "office.update",
        details: {
          changed,
          ...(changed.includes("slug") ? { from: office.slug, to: input.slug } : {}),
          ...(openedHolidays.length > 0 ? { openedHolidays } : {}),
        },
      });
      return { id: office.id, slug: input.slug, changed };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw fieldError("slug", "slugTaken");
    throw e;
  }
}
